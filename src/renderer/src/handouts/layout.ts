/** Type sizes, colours and spacing for the handout, one set per print size. */

export const COLORS = {
  ink: '#1f2933',
  muted: '#52606d',
  accent: '#0f6b63',
  accentSoft: '#e6f2f0',
  rule: '#c9d3dc',
  warn: '#9a3412',
  warnSoft: '#fdf1e7',
  noteSoft: '#f4f6f8',
} as const

/** The colours of one handout: COLORS, or the same with the clinic's accent (see palette.ts). */
export type Palette = { [K in keyof typeof COLORS]: string }

export interface TypeScale {
  body: number
  small: number
  /** Sub-labels such as "What you can do". */
  label: number
  footer: number
  /** Clinic name, then address and contact lines, in the running header. */
  headerName: number
  headerText: number
  title: number
  h2: number
  h3: number
  lineHeight: number
  gap: number
  drawingWidth: number
}

export const NORMAL: TypeScale = {
  body: 11,
  small: 8.5,
  label: 10,
  footer: 7.5,
  headerName: 13,
  headerText: 8.5,
  title: 22,
  h2: 15,
  h3: 11.5,
  lineHeight: 1.2,
  gap: 6,
  drawingWidth: 110,
}

/** Large print: body text at 16 pt, as clinics do for people with low vision. */
export const LARGE: TypeScale = {
  body: 16,
  small: 13,
  label: 16,
  // The disclaimer and clinic details must be readable by the people large print is for.
  footer: 12,
  headerName: 17,
  headerText: 12,
  title: 28,
  h2: 21,
  h3: 17,
  lineHeight: 1.25,
  gap: 9,
  drawingWidth: 130,
}

/**
 * The two-page handout (spec format 2): a little smaller and tighter than NORMAL, as printed
 * leaflets are, so three causes with the usual sections fit on two sides of A4.
 */
export const COMPACT: TypeScale = {
  body: 10,
  small: 7.5,
  label: 10,
  footer: 7.5,
  headerName: 13,
  headerText: 8.5,
  title: 17,
  h2: 12.5,
  h3: 10.5,
  lineHeight: 1.12,
  gap: 5,
  drawingWidth: 54,
}

export const MARGIN_X = 54

/** Page widths in points, as pdfmake's standard sizes. */
export const PAGE_WIDTH = { A4: 595.28, LETTER: 612 } as const
