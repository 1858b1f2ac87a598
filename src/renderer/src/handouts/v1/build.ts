/** The format-1 handout (before the two-page layout), kept so old handouts reissue byte for byte. */
import type { Content as Pdf, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Content } from '../../reference/schema'
import { assertDocPrintable, styles } from '../blocks'
import { footer, header, HEADER_GAP } from '../chrome'
import { printable } from '../glyphs'
import { COLORS, LARGE, MARGIN_X, NORMAL } from '../layout'
import { medicineLines, type MedicineLines } from '../medicines'
import { keepHeadings } from '../pagination'
import type { SafetyPlan } from '../safety'
import { ALWAYS_INCLUDED, type HandoutSpec } from '../spec'
import { longDate } from '../text-utils'
import {
  causesSection,
  footCareBlock,
  generalSection,
  HANDOUT_TITLE_V1,
  personalNote,
  titleBlock,
  type CtxV1,
} from './sections'

const PRODUCER = 'Cramp Clinic'

export function buildHandoutV1(
  spec: HandoutSpec,
  content: Content,
  drawings: Readonly<Record<string, string>>,
  plan: SafetyPlan,
): TDocumentDefinitions {
  const t = spec.options.largePrint ? LARGE : NORMAL
  const ctx: CtxV1 = { spec, content, t, drawings }
  const medicines: MedicineLines = spec.sections.includes('medicines')
    ? medicineLines(spec.medicines, content)
    : { lines: [], unknown: [] }

  const general = spec.sections.filter((s) => s !== ALWAYS_INCLUDED)
  const body: Pdf[] = keepHeadings([
    ...titleBlock(ctx),
    ...personalNote(ctx),
    ...footCareBlock(plan, ctx),
    ...causesSection(ctx),
    ...general.flatMap((id) => generalSection(id, ctx, medicines)),
    ...generalSection(ALWAYS_INCLUDED, ctx, medicines),
  ])
  assertDocPrintable(body, 'the reference content')

  const chrome = { clinic: spec.clinic, pageSize: spec.options.pageSize, t, colors: COLORS }
  const head = header(chrome)
  const foot = footer({ ...chrome, disclaimer: content.meta.disclaimer, date: longDate(spec.date) })
  const creationDate = new Date(`${spec.date}T12:00:00Z`)
  const title = `${HANDOUT_TITLE_V1} - ${printable(spec.patient.name)}`

  return {
    pageSize: spec.options.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, Math.ceil(head.height + HEADER_GAP), MARGIN_X, Math.ceil(foot.height + 4)],
    header: head.render,
    footer: foot.render,
    content: body,
    styles: styles(t, COLORS),
    defaultStyle: { font: 'Roboto', fontSize: t.body, lineHeight: t.lineHeight, color: COLORS.ink },
    info: {
      title,
      author: printable(spec.clinic.name) || PRODUCER,
      subject: `Patient handout, content version ${spec.contentVersion}`,
      creator: PRODUCER,
      producer: PRODUCER,
      creationDate,
      modDate: creationDate,
    },
    compress: true,
  } as TDocumentDefinitions
}
