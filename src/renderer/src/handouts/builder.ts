/**
 * Builds the pdfmake document definition of a patient handout. Pure: the same spec, content and
 * drawings always give the same definition (and so the same PDF bytes), in the app and in Node.
 * Each spec format keeps its own layout, so a handout given long ago reissues as the same file.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Content } from '../reference/schema'
import { DRAWINGS } from './drawings'
import { assertPrintable } from './glyphs'
import type { HandoutSpec } from './spec'
import { buildHandoutV1 } from './v1/build'

export { logoProbe, logoProbeError } from './chrome'

export const HANDOUT_TITLE = 'Foot and ankle cramps: your care plan'

export interface BuildOptions {
  /** Exercise drawings by id; the app's own set unless a test passes another. */
  drawings?: Readonly<Record<string, string>>
}

export function buildHandout(
  spec: HandoutSpec,
  content: Content,
  options: BuildOptions = {},
): TDocumentDefinitions {
  assertPrintable(spec)
  return buildHandoutV1(spec, content, options.drawings ?? DRAWINGS)
}
