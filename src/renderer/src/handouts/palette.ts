/**
 * The handout's colours with the clinic's accent. Headings, bars and list markers take the
 * accent; the soft panel fill is the accent mixed into white. The help box keeps its own warning
 * colours whatever the accent, so it always reads as the safety box.
 */
import { COLORS, type Palette } from './layout'

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
}

/** WCAG relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of a colour against white paper. */
export function contrastOnWhite(color: string): number {
  return 1.05 / (luminance(color) + 0.05)
}

/** Headings in the accent must read as well as body text: WCAG AA for normal text. */
export const MIN_ACCENT_CONTRAST = 4.5

export function paletteFor(accent: string | undefined): Palette {
  if (!accent || accent.toLowerCase() === COLORS.accent) return COLORS
  const a = rgb(accent)
  const soft = hex(a.map((v) => v * 0.1 + 255 * 0.9) as [number, number, number])
  return { ...COLORS, accent: accent.toLowerCase(), accentSoft: soft }
}
