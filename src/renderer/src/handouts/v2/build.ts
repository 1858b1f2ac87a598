/**
 * The two-page handout (spec format 2). Page 1: for whom and from whom, the likely causes in a
 * line or two each, what to do when a cramp strikes and the graded help box. Then the detail the
 * clinician chose, the exercises with their doses, the medicines, and the sources once.
 */
import type { Content as Pdf, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Content } from '../../reference/schema'
import { assertDocPrintable, styles } from '../blocks'
import { footer, header } from '../chrome'
import { printable } from '../glyphs'
import { COMPACT, LARGE, MARGIN_X, PAGE_WIDTH } from '../layout'
import { medicineLines } from '../medicines'
import { keepHeadings } from '../pagination'
import { paletteFor } from '../palette'
import type { SafetyPlan } from '../safety'
import type { HandoutSpec } from '../spec'
import { longDate } from '../text-utils'
import { Citations, type Ctx } from './context'
import { causeDetail, footCareBlock, topicSection } from './detail'
import { exercisesSection } from './exercises'
import { helpBox } from './help'
import { medicinesSection } from './medicines'
import { causesSummary, HANDOUT_TITLE, personalNote, titleBlock } from './page-one'
import { sourcesList } from './sources'

const PRODUCER = 'Cramp Clinic'
const DETAIL_SECTIONS = ['hydration', 'footwear', 'diet', 'exercises', 'night-cramps', 'pregnancy'] as const

export function buildHandoutV2(
  spec: HandoutSpec,
  content: Content,
  drawings: Readonly<Record<string, string>>,
  plan: SafetyPlan,
): TDocumentDefinitions {
  const t = spec.options.largePrint ? LARGE : COMPACT
  const colors = paletteFor(spec.clinic.accentColor)
  const ctx: Ctx = {
    spec,
    content,
    t,
    colors,
    drawings,
    width: PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X,
    cite: new Citations(t, colors),
    plan,
  }
  const has = (id: string): boolean => (spec.sections as string[]).includes(id)

  const during = has('during-a-cramp') ? topicSection('during-a-cramp', ctx) : []
  // For a foot at risk, safety comes first: the foot-care advice at the top, then the causes,
  // the help box, and what to do during a cramp (with what the guidelines warn against left out).
  const top = plan.footCare
    ? [...footCareBlock(plan.footCare, ctx), ...causesSummary(ctx), ...helpBox(ctx), ...during]
    : [...causesSummary(ctx), ...during, ...helpBox(ctx)]
  const body: Pdf[] = [
    ...titleBlock(ctx),
    ...top,
    ...personalNote(ctx),
    ...causeDetail(ctx),
    ...DETAIL_SECTIONS.filter(has).flatMap((id) =>
      id === 'exercises' ? exercisesSection(ctx) : topicSection(id, ctx),
    ),
    ...(has('medicines') ? medicinesSection(medicineLines(spec.medicines, content), ctx) : []),
  ]
  // The sources come last: every block above has registered the ones it cites.
  const doc = keepHeadings([...body, ...sourcesList(ctx)])
  assertDocPrintable(doc, 'the reference content')

  const chrome = { clinic: spec.clinic, pageSize: spec.options.pageSize, t, colors, top: 22 }
  const head = header(chrome)
  const foot = footer({
    ...chrome,
    disclaimer: content.meta.disclaimer,
    date: longDate(spec.date, spec.clinic.dateOrder),
  })
  const creationDate = new Date(`${spec.date}T12:00:00Z`)

  return {
    pageSize: spec.options.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, Math.ceil(head.height + t.gap * 2.4), MARGIN_X, Math.ceil(foot.height + 4)],
    header: head.render,
    footer: foot.render,
    content: doc,
    styles: styles(t, colors),
    defaultStyle: { font: 'Roboto', fontSize: t.body, lineHeight: t.lineHeight, color: colors.ink },
    info: {
      title: `${HANDOUT_TITLE} - ${printable(spec.patient.name)}`,
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
