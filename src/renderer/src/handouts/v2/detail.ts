/**
 * The detail after page 1: the causes the clinician ticked for "more detail", and the general
 * sections (hydration, footwear, food, night cramps, pregnancy), each section of a topic as one
 * paragraph led by its heading, so nothing of the content is left out and no line is wasted.
 */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Cause, Topic } from '../../reference/schema'
import { printable } from '../glyphs'
import { panel } from '../pagination'
import { HANDOUT_SECTION_LABELS, HandoutError, type HandoutSectionId } from '../spec'
import type { Ctx } from './context'
import { chosenCauses, heading, leadBlock } from './page-one'

function adviceColumn(label: string, s: Cause['sections']['selfCare'], ctx: Ctx): Pdf[] {
  const { t, colors } = ctx
  return [
    { text: label, bold: true, color: colors.accent, margin: [0, 0, 0, t.gap * 0.3] } as Pdf,
    ...leadBlock({ ...s, heading: undefined }, ctx),
  ]
}

/** A cause's self-care and prevention, side by side in normal print. */
function causeAdvice(cause: Cause, ctx: Ctx, withName: boolean): Pdf[] {
  const { t } = ctx
  const s = cause.sections
  const now = adviceColumn('What you can do', s.selfCare, ctx)
  const later = s.prevention ? adviceColumn('To help stop it coming back', s.prevention, ctx) : []
  const advice: Pdf[] =
    later.length && !ctx.spec.options.largePrint
      ? [
          {
            columns: [
              { stack: now, width: '*' },
              { stack: later, width: '*' },
            ],
            columnGap: 16,
          } as Pdf,
        ]
      : [...now, ...later]
  return [
    ...(withName
      ? [
          {
            text: printable(cause.name),
            fontSize: t.h3,
            bold: true,
            color: ctx.colors.ink,
            margin: [0, t.gap, 0, t.gap * 0.4],
            headlineLevel: 2,
          } as Pdf,
        ]
      : []),
    ...advice,
  ]
}

export function causeDetail(ctx: Ctx): Pdf[] {
  const ticked = new Set(ctx.spec.moreDetail ?? [])
  const causes = chosenCauses(ctx).filter((c) => ticked.has(c.id))
  if (!causes.length) return []
  return [
    heading('More about your causes', 'cause-detail', ctx),
    ...causes.flatMap((c) => causeAdvice(c, ctx, true)),
  ]
}

function topicOrCause(id: HandoutSectionId, ctx: Ctx): Topic | Cause {
  const topic = ctx.content.topics.find((x) => x.id === id)
  if (topic) return topic
  const cause = ctx.content.causes.find((x) => x.id === id)
  if (cause) return cause
  throw new HandoutError(
    `The reference content has nothing for the section "${HANDOUT_SECTION_LABELS[id]}" (no topic or cause "${id}").`,
    'sections',
  )
}

/** A general section: its title, then each part of the topic as a lead-in paragraph. */
export function topicSection(id: HandoutSectionId, ctx: Ctx): Pdf[] {
  const item = topicOrCause(id, ctx)
  if ('title' in item) {
    return [heading(item.title, `section-${id}`, ctx), ...item.sections.flatMap((s) => leadBlock(s, ctx))]
  }
  // A life-stage cause (pregnancy) used as a general section: its patient-facing parts only.
  return [
    heading(HANDOUT_SECTION_LABELS[id], `section-${id}`, ctx),
    { text: printable(item.patientSummary.trim()), margin: [0, 0, 0, ctx.t.gap * 0.7] } as Pdf,
    ...causeAdvice(item, ctx, false),
  ]
}

/**
 * For a foot at risk: the guideline foot-care advice in an accent box near the top of page 1
 * (handouts/safety.ts picks the topic; its sections print as lead-in paragraphs and lists).
 */
export function footCareBlock(topic: Topic, ctx: Ctx): Pdf[] {
  const { t, colors } = ctx
  return [
    panel(
      {
        text: [{ text: printable(topic.title), style: 'h2' }],
        margin: [0, 0, 0, t.gap * 0.3],
      } as Pdf,
      topic.sections.flatMap((s) => leadBlock(s, ctx)),
      colors.accentSoft,
      colors.accent,
      t,
      { id: 'foot-care', margin: [0, t.gap * 1.2, 0, t.gap * 0.4] },
    ),
  ]
}
