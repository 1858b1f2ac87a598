/** What every part of a format-2 handout is built from, and the numbered sources they cite. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Content, SourceId } from '../../reference/schema'
import type { Palette, TypeScale } from '../layout'
import type { SafetyPlan } from '../safety'
import type { HandoutSpec } from '../spec'

export interface Ctx {
  spec: HandoutSpec
  content: Content
  t: TypeScale
  colors: Palette
  drawings: Readonly<Record<string, string>>
  /** Width of the text column in points. */
  width: number
  cite: Citations
  /** What a foot at risk changes (already applied to `content`): for the foot-care block. */
  plan: SafetyPlan
}

/**
 * Sources are listed once, numbered, at the end; each block carries the numbers it rests on.
 * Numbers go by first use, so the list reads in the order the handout does.
 */
export class Citations {
  readonly order: SourceId[] = []

  constructor(
    private readonly t: TypeScale,
    private readonly colors: Palette,
  ) {}

  numbers(ids: Iterable<SourceId>): number[] {
    const out = new Set<number>()
    for (const id of ids) {
      let i = this.order.indexOf(id)
      if (i < 0) i = this.order.push(id) - 1
      out.add(i + 1)
    }
    return [...out].sort((a, b) => a - b)
  }

  /** A small "[1, 3]" to put after a block's text; nothing when there are no sources. */
  mark(ids: Iterable<SourceId>): Pdf[] {
    const n = this.numbers(ids)
    if (!n.length) return []
    return [{ text: ` [${n.join(', ')}]`, fontSize: this.t.small, color: this.colors.muted } as Pdf]
  }
}
