/**
 * Estimates how many lines a text takes in the handout font. The running header and footer sit
 * in the page margins, which pdfmake does not grow: text that does not fit there is cut off. The
 * builder sizes the margins from these estimates so no clinic detail is ever lost.
 */

/**
 * Advance widths in thousandths of an em of U+0020..U+017F, the wider of Roboto Regular and
 * Medium (bold) in pdfmake's Node and browser builds, rounded up. tests/unit/handouts/measure.test.ts
 * re-reads the fonts and fails if they change.
 */
export const ROBOTO_WIDTHS: readonly number[] = [
  249, 265, 321, 616, 569, 737, 642, 175, 347, 350, 444, 568, 224, 340, 278, 413, 569, 569, 569, 569, 569,
  569, 569, 569, 569, 569, 264, 240, 509, 563, 523, 487, 898, 664, 632, 653, 657, 569, 553, 682, 714, 284,
  556, 632, 541, 875, 714, 689, 639, 689, 630, 606, 610, 655, 646, 888, 632, 611, 604, 272, 417, 272, 429,
  452, 321, 544, 563, 524, 564, 536, 354, 567, 556, 255, 251, 522, 255, 877, 557, 571, 563, 569, 354, 517,
  334, 557, 497, 752, 503, 490, 503, 339, 249, 339, 681, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444,
  444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444, 444,
  444, 444, 249, 266, 564, 589, 714, 532, 247, 622, 447, 786, 448, 486, 554, 340, 787, 482, 383, 537, 370,
  370, 323, 595, 490, 284, 260, 370, 457, 486, 733, 776, 795, 487, 664, 664, 664, 664, 664, 664, 937, 653,
  569, 569, 569, 569, 284, 284, 284, 284, 671, 714, 689, 689, 689, 689, 689, 534, 688, 655, 655, 655, 655,
  611, 602, 615, 544, 544, 544, 544, 544, 544, 845, 524, 536, 536, 536, 536, 262, 262, 262, 262, 587, 557,
  571, 571, 571, 571, 571, 572, 567, 557, 557, 557, 557, 490, 577, 490, 664, 544, 664, 544, 664, 544, 653,
  524, 653, 524, 653, 524, 653, 524, 657, 638, 671, 616, 569, 536, 569, 536, 569, 536, 569, 536, 569, 536,
  682, 567, 682, 567, 682, 567, 682, 567, 714, 556, 711, 571, 284, 262, 284, 262, 284, 262, 284, 255, 284,
  262, 839, 506, 556, 269, 632, 522, 576, 541, 255, 541, 255, 541, 329, 541, 363, 549, 291, 714, 557, 714,
  557, 714, 557, 557, 699, 567, 689, 571, 689, 571, 689, 571, 961, 909, 630, 354, 630, 354, 630, 354, 606,
  517, 606, 517, 606, 517, 606, 517, 610, 334, 610, 353, 610, 334, 655, 557, 655, 557, 655, 557, 655, 557,
  655, 557, 655, 557, 888, 752, 611, 490, 611, 604, 503, 604, 503, 604, 503, 254,
]
const FIRST = 0x20
/** Wider than any other glyph Roboto has (Greek, Cyrillic, symbols), so estimates err on the long side. */
const OTHER = 1200

function charWidth(ch: string): number {
  if (ch === '\u200B') return 0
  const w = ROBOTO_WIDTHS[ch.codePointAt(0)! - FIRST]
  return w ?? OTHER
}

/** Width of `text` in points at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0
  for (const ch of text) units += charWidth(ch)
  return (units * fontSize) / 1000
}

/** Lines `text` wraps to in `width` points, breaking at spaces and zero-width spaces (pdfmake breaks at least there). */
export function lineCount(text: string, fontSize: number, width: number): number {
  let total = 0
  for (const para of text.split('\n')) {
    let lines = 1
    let used = 0
    const space = textWidth(' ', fontSize)
    // Each piece is the text up to the next space or zero-width space, where a line may break.
    for (const [, piece, gap] of para.matchAll(/([^ \u200B]+)([ \u200B]*)/g)) {
      const w = textWidth(piece!, fontSize)
      if (used > 0 && used + w <= width) used += w
      else {
        if (used > 0) lines++
        // A piece wider than the line is split across lines.
        lines += Math.max(0, Math.ceil(w / width) - 1)
        used = w % width || (w > 0 ? width : 0)
      }
      if (gap!.includes(' ')) used += space
    }
    total += lines
  }
  return total
}

/** pdfmake's line height for Roboto: (ascent - descent) / unitsPerEm = (1900 + 500) / 2048. */
export function lineHeight(fontSize: number, factor = 1): number {
  return ((fontSize * 2400) / 2048) * factor
}

/** Height in points of `text` wrapped in `width`. */
export function textHeight(text: string, fontSize: number, width: number, factor = 1): number {
  return lineCount(text, fontSize, width) * lineHeight(fontSize, factor)
}
