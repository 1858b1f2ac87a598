/** Entry of the bundle the reference bench runs inside Chromium (see reference.bench.ts). */
import content from 'virtual:reference-content'
import { firstBuild, runWorkload } from './reference-workload'

const json = JSON.stringify(content)
Object.assign(window, {
  __referenceBench: () => runWorkload(json, () => performance.now()),
  __referenceFirstBuild: () => firstBuild(json, () => performance.now()),
})
