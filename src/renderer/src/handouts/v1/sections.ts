/**
 * The body of a format-1 handout, the layout used before the two-page handout. Frozen: handouts
 * given with it must reissue as the very same file (tests/unit/handouts/legacy.test.ts).
 */
import type { Content as Pdf, ContentTable } from 'pdfmake/interfaces'
import type { Cause, Content, SourceId, Topic } from '../../reference/schema'
import { h2, h3, para, sectionBody } from '../blocks'
import { printable } from '../glyphs'
import { COLORS, MARGIN_X, PAGE_WIDTH, type TypeScale } from '../layout'
import { textWidth } from '../measure'
import type { MedicineLines } from '../medicines'
import { panel, rowPieces } from '../pagination'
import {
  ALWAYS_INCLUDED,
  HANDOUT_SECTION_LABELS,
  HandoutError,
  type HandoutSectionId,
  type HandoutSpec,
} from '../spec'
import { longDate, sourceLine } from '../text-utils'
import type { SafetyPlan } from '../safety'
import { medicinesSectionV1 } from './medicines'

export const HANDOUT_TITLE_V1 = 'Foot and ankle cramps: your care plan'

export interface CtxV1 {
  spec: HandoutSpec
  content: Content
  t: TypeScale
  drawings: Readonly<Record<string, string>>
}

function sources(ids: Iterable<SourceId>, ctx: CtxV1): Pdf[] {
  const line = sourceLine(ids, ctx.content)
  return line ? [{ text: line, style: 'source' }] : []
}

export function titleBlock(ctx: CtxV1): Pdf[] {
  const { spec, t } = ctx
  const meta: Pdf[] = [
    {
      text: [
        { text: 'For  ', color: COLORS.muted },
        { text: printable(spec.patient.name), bold: true },
      ],
    },
    { text: [{ text: 'Date  ', color: COLORS.muted }, longDate(spec.date)] },
  ]
  if (spec.clinician)
    meta.push({ text: [{ text: 'From  ', color: COLORS.muted }, printable(spec.clinician)] })
  const intro = ctx.content.topics.find((x) => x.id === 'what-is-a-cramp')?.sections[0]?.text
  // Side by side only when all three fit on one line: a long name must not squeeze the date.
  const oneLine =
    textWidth(
      `For  ${spec.patient.name}Date  ${longDate(spec.date)}${spec.clinician ? `From  ${spec.clinician}` : ''}`,
      t.body,
    ) +
      t.gap * 4 * (meta.length - 1) <=
    PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X
  return [
    { text: HANDOUT_TITLE_V1, style: 'title', margin: [0, 0, 0, t.gap] },
    (spec.options.largePrint || !oneLine
      ? { stack: meta, margin: [0, 0, 0, t.gap * 1.5] }
      : {
          columns: meta.map((m) => ({ ...(m as object), width: 'auto', margin: [0, 0, t.gap * 4, 0] })),
          margin: [0, 0, 0, t.gap * 1.5],
        }) as Pdf,
    ...(intro ? [para(intro)] : []),
    para(
      'This sheet was made for you at your visit. It explains what may be behind your cramps, what you can do about them, and when to get help. Keep it somewhere handy.',
    ),
  ]
}

export function personalNote(ctx: CtxV1): Pdf[] {
  const { spec, t } = ctx
  const note = spec.personalNote.trim()
  if (!note) return []
  const from = spec.clinician ? `A note from ${printable(spec.clinician)}` : 'A note from your clinician'
  const width = PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X - 4 * t.gap
  return [
    panel(
      { text: from, bold: true, color: COLORS.accent, margin: [0, 0, 0, t.gap * 0.5] } as Pdf,
      note.split(/\n\s*\n/).flatMap((p) => {
        const pieces = rowPieces(p.replace(/\s*\n\s*/g, ' ').trim(), width, t)
        return pieces.map((piece, i) =>
          para(piece, { margin: [0, 0, 0, i === pieces.length - 1 ? t.gap * 0.5 : 0] }),
        )
      }),
      COLORS.accentSoft,
      undefined,
      t,
      { id: 'personal-note' },
    ),
  ]
}

function causeBlock(cause: Cause, ctx: CtxV1): Pdf[] {
  const { t } = ctx
  const s = cause.sections
  const used = new Set<SourceId>([...s.selfCare.sources, ...(s.prevention?.sources ?? [])])
  const doNow: Pdf[] = [
    { text: 'What you can do', style: 'label', headlineLevel: 3 },
    ...sectionBody(s.selfCare, t, COLORS),
  ]
  const later: Pdf[] = s.prevention
    ? [
        { text: 'To help stop it coming back', style: 'label', headlineLevel: 3 },
        ...sectionBody(s.prevention, t, COLORS),
      ]
    : []
  // Side by side in normal print reads like a leaflet; large print needs the full width.
  const advice: Pdf[] =
    later.length && !ctx.spec.options.largePrint
      ? [
          {
            columns: [
              { stack: doNow, width: '*' },
              { stack: later, width: '*' },
            ],
            columnGap: 18,
          } as Pdf,
        ]
      : [...doNow, ...later]
  return [
    { text: printable(cause.name), style: 'cause', headlineLevel: 2 } as Pdf,
    para(cause.patientSummary),
    ...advice,
    ...sources(used, ctx),
  ]
}

export function causesSection(ctx: CtxV1): Pdf[] {
  const causes = ctx.spec.causes.map((id, i) => {
    const c = ctx.content.causes.find((x) => x.id === id)
    if (!c)
      throw new HandoutError(`Unknown cause "${id}": it is not in the reference content.`, `causes.${i}`)
    return c
  })
  if (causes.length === 0) return []
  return [
    h2('What may be causing your cramps', 'causes', COLORS),
    ...causes.flatMap((c) => causeBlock(c, ctx)),
  ]
}

function topicSections(topic: Topic, ctx: CtxV1): Pdf[] {
  const out: Pdf[] = []
  for (const s of topic.sections) {
    if (s.heading) out.push(h3(s.heading))
    out.push(...sectionBody(s, ctx.t, COLORS))
  }
  return out
}

function exerciseCards(topic: Topic, ctx: CtxV1): Pdf[] {
  const { t } = ctx
  return (topic.exercises ?? []).map((ex) => {
    const drawing = ctx.drawings[ex.drawing]
    if (!drawing) {
      throw new HandoutError(
        `The exercise "${ex.name}" needs the drawing "${ex.drawing}", which the app does not have.`,
      )
    }
    return {
      unbreakable: true,
      margin: [0, t.gap * 0.6, 0, t.gap * 0.6],
      table: {
        widths: [t.drawingWidth, '*'],
        body: [
          [
            { svg: drawing, width: t.drawingWidth, margin: [0, 2, 0, 0] },
            {
              stack: [
                {
                  text: printable(ex.name),
                  bold: true,
                  fontSize: t.h3,
                  color: COLORS.ink,
                  margin: [0, 0, 0, t.gap * 0.4],
                },
                {
                  ol: ex.steps.map((s) => ({ text: printable(s), margin: [0, 0, 0, t.gap * 0.25] })),
                  markerColor: COLORS.accent,
                },
                {
                  margin: [0, t.gap * 0.6, 0, 0],
                  text: [{ text: 'How often: ', bold: true, color: COLORS.accent }, printable(ex.counts)],
                },
              ],
            },
          ],
        ],
      },
      layout: {
        hLineWidth: (i: number, node: ContentTable) => (i === node.table.body.length ? 0.6 : 0),
        vLineWidth: () => 0,
        hLineColor: () => COLORS.rule,
        paddingLeft: (i: number) => (i === 0 ? 0 : t.gap * 2),
        paddingRight: () => 0,
        paddingTop: () => t.gap * 0.8,
        paddingBottom: () => t.gap * 1.2,
      },
    } as Pdf
  })
}

function topicOrCause(id: HandoutSectionId, ctx: CtxV1): Topic | Cause {
  const topic = ctx.content.topics.find((x) => x.id === id)
  if (topic) return topic
  const cause = ctx.content.causes.find((x) => x.id === id)
  if (cause) return cause
  throw new HandoutError(
    `The reference content has nothing for the section "${HANDOUT_SECTION_LABELS[id]}" (no topic or cause "${id}").`,
    'sections',
  )
}

export function generalSection(id: HandoutSectionId, ctx: CtxV1, medicines: MedicineLines): Pdf[] {
  if (id === 'medicines') {
    return [
      h2(HANDOUT_SECTION_LABELS.medicines, 'section-medicines', COLORS),
      ...medicinesSectionV1(ctx.spec.medicines, medicines, ctx.content, ctx.t),
    ]
  }
  const item = topicOrCause(id, ctx)
  if ('title' in item) {
    const body = topicSections(item, ctx)
    const used = new Set(item.sections.flatMap((s) => s.sources))
    if (id === 'exercises') {
      for (const ex of item.exercises ?? []) ex.sources.forEach((s) => used.add(s))
      return [
        h2(item.title, `section-${id}`, COLORS),
        ...body,
        { text: 'Exercises to try', style: 'h3', headlineLevel: 2 } as Pdf,
        ...exerciseCards(item, ctx),
        ...sources(used, ctx),
      ]
    }
    if (id === ALWAYS_INCLUDED) {
      return [
        panel(
          {
            text: printable(item.title),
            style: 'h2',
            color: COLORS.warn,
            margin: [0, 0, 0, ctx.t.gap * 0.6],
          } as Pdf,
          [...body, ...sources(used, ctx)],
          COLORS.warnSoft,
          COLORS.warn,
          ctx.t,
          { id: `section-${id}` },
        ),
      ]
    }
    return [h2(item.title, `section-${id}`, COLORS), ...body, ...sources(used, ctx)]
  }
  // A life-stage cause (pregnancy) used as a general section: its patient-facing parts only.
  return [h2(HANDOUT_SECTION_LABELS[id], `section-${id}`, COLORS), ...causeBlock(item, ctx).slice(1)]
}

/** For a foot at risk: the guideline foot-care advice, boxed, near the top (handouts/safety.ts). */
export function footCareBlock(plan: SafetyPlan, ctx: CtxV1): Pdf[] {
  const topic = plan.footCare
  if (!topic) return []
  const used = new Set(topic.sections.flatMap((s) => s.sources))
  return [
    panel(
      { text: printable(topic.title), style: 'h2', margin: [0, 0, 0, ctx.t.gap * 0.6] } as Pdf,
      [...topicSections(topic, ctx), ...sources(used, ctx)],
      COLORS.accentSoft,
      COLORS.accent,
      ctx.t,
      { id: 'foot-care' },
    ),
  ]
}
