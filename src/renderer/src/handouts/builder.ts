/**
 * Builds the pdfmake document definition of a patient handout. Pure: the same spec, content and
 * drawings always give the same definition (and so the same PDF bytes), in the app and in Node.
 * Each spec format keeps its own layout, so a handout given long ago reissues as the same file.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Content } from '../reference/schema'
import { DRAWINGS } from './drawings'
import { assertPrintable } from './glyphs'
import { planSafety } from './safety'
import { applySafety } from './safetyApply'
import type { HandoutSpec } from './spec'
import { buildHandoutV1 } from './v1/build'
import { buildHandoutV2 } from './v2/build'

export { logoProbe, logoProbeError } from './chrome'

export { HANDOUT_TITLE } from './v2/page-one'

export interface BuildOptions {
  /** Exercise drawings by id; the app's own set unless a test passes another. */
  drawings?: Readonly<Record<string, string>>
}

export function buildHandout(
  spec: HandoutSpec,
  given: Content,
  options: BuildOptions = {},
): TDocumentDefinitions {
  assertPrintable(spec)
  // A foot at risk: warned-against self-care left out, unchecked advice marked "ask first".
  const plan = planSafety({ causes: spec.causes, footRisk: spec.footRisk }, given)
  const content = applySafety(given, plan)
  const drawings = options.drawings ?? DRAWINGS
  return spec.format === 1
    ? buildHandoutV1(spec, content, drawings, plan)
    : buildHandoutV2(spec, content, drawings, plan)
}
