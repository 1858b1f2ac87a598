/** Entry of the bundle the reference bench runs inside Chromium (see reference.bench.ts). */
import content from 'virtual:reference-content'
import { runWorkload } from './reference-workload'

;(window as unknown as { __referenceBench: unknown }).__referenceBench = () =>
  runWorkload(JSON.stringify(content), () => performance.now())
