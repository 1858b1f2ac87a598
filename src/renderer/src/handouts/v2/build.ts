/**
 * The two-page handout (spec format 2). Page 1: for whom and from whom, the likely causes in a
 * line or two each, what to do when a cramp strikes and the graded help box. Then the detail the
 * clinician chose, the exercises with their doses, the medicines, and the sources once.
 */
import type { Content as Pdf, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Content } from '../../reference/schema'
import { assertDocPrintable, styles } from '../blocks'
import { footer, identity, slimHeader } from '../chrome'
import { printable } from '../glyphs'
import { COMPACT, LARGE, PAGE_WIDTH } from '../layout'
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
/** Page margins left and right (about 16 mm, as printed leaflets have). */
const MARGIN_X = 45
/** Space above the slim running header. */
const TOP = 14
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
  // Safety first: the help box comes straight after the causes, so it is always whole on page 1
  // (what to do during a cramp follows it, on page 1 as far as it fits). For a foot at risk, the
  // guideline foot-care advice comes before everything.
  const top = [
    ...(plan.footCare ? footCareBlock(plan.footCare, ctx) : []),
    ...causesSummary(ctx),
    ...helpBox(ctx),
    ...during,
  ]
  const chrome = {
    clinic: spec.clinic,
    pageSize: spec.options.pageSize,
    t,
    colors,
    marginX: MARGIN_X,
    top: TOP,
  }
  // Page 1 opens with the clinic's whole identity; later pages carry a slim running header.
  const clinicBlock =
    spec.clinic.name || spec.clinic.logo || spec.clinic.address ? [identity(chrome).make()] : []
  const body: Pdf[] = [
    ...clinicBlock.map((n) => ({ ...(n as object), margin: [0, 0, 0, t.gap * 2] }) as Pdf),
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

  const head = slimHeader(chrome)
  const foot = footer({
    ...chrome,
    disclaimer: content.meta.disclaimer,
    date: longDate(spec.date, spec.clinic.dateOrder),
  })
  const creationDate = new Date(`${spec.date}T12:00:00Z`)

  return {
    pageSize: spec.options.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, Math.ceil(head.height + t.gap * 2), MARGIN_X, Math.ceil(foot.height + 4)],
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
