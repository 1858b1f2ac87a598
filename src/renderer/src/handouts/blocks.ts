/** Small building blocks of handout text: paragraphs, lists, headings, styles, the glyph check. */
import type { Content as Pdf, StyleDictionary } from 'pdfmake/interfaces'
import type { Section } from '../reference/schema'
import { describeChar, printable, unsupportedChars } from './glyphs'
import type { Palette, TypeScale } from './layout'
import { HandoutError } from './spec'

export function styles(t: TypeScale, colors: Palette): StyleDictionary {
  return {
    title: { fontSize: t.title, bold: true, color: colors.accent, lineHeight: 1.05 },
    h2: { fontSize: t.h2, bold: true, color: colors.accent, margin: [0, t.gap * 2.4, 0, t.gap * 0.5] },
    h3: { fontSize: t.h3, bold: true, color: colors.ink, margin: [0, t.gap * 1.2, 0, t.gap * 0.4] },
    label: {
      fontSize: t.label,
      bold: true,
      color: colors.accent,
      margin: [0, t.gap * 0.4, 0, t.gap * 0.3],
    },
    cause: { fontSize: t.h3 + 2, bold: true, color: colors.ink, margin: [0, t.gap * 1.6, 0, t.gap * 0.4] },
    p: { margin: [0, 0, 0, t.gap] },
    // Not italic: one font fewer to embed, which makes each PDF smaller and faster to build.
    source: { fontSize: t.small, color: colors.muted, margin: [0, 0, 0, t.gap] },
    small: { fontSize: t.small, color: colors.muted },
  }
}

export function para(text: string, extra: Record<string, unknown> = {}): Pdf {
  return { text: printable(text), style: 'p', ...extra } as Pdf
}

export function bullets(points: string[], t: TypeScale, colors: Palette): Pdf {
  return {
    ul: points.map((p) => ({ text: printable(p), margin: [0, 0, 0, t.gap * 0.35] })),
    margin: [0, 0, 0, t.gap * 0.6],
    markerColor: colors.accent,
  } as Pdf
}

export function sectionBody(s: Pick<Section, 'text' | 'points'>, t: TypeScale, colors: Palette): Pdf[] {
  const out: Pdf[] = []
  if (s.text) out.push(para(s.text))
  if (s.points) out.push(bullets(s.points, t, colors))
  return out
}

/** A section heading with a short accent bar under it. */
export function h2(text: string, id: string, colors: Palette): Pdf {
  return {
    id,
    headlineLevel: 1,
    stack: [
      { text: printable(text), style: 'h2' },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 34, y2: 0, lineWidth: 2.5, lineColor: colors.accent }],
        margin: [0, 0, 0, 6],
      },
    ],
  } as Pdf
}

export function h3(text: string): Pdf {
  return { text: printable(text), style: 'h3', headlineLevel: 2 } as Pdf
}

/** Walks the definition's text and throws if anything (content included) has characters the font lacks. */
export function assertDocPrintable(node: unknown, where: string): void {
  const seen: string[] = []
  const walk = (n: unknown): void => {
    if (typeof n === 'string') {
      for (const ch of unsupportedChars(n)) if (!seen.includes(ch)) seen.push(ch)
    } else if (Array.isArray(n)) n.forEach(walk)
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) if (k !== 'svg' && k !== 'image' && k !== 'id') walk(v)
    }
  }
  walk(node)
  if (seen.length) {
    throw new HandoutError(
      `The handout font cannot print ${seen.map(describeChar).join(', ')} in ${where}.`,
      where,
    )
  }
}
