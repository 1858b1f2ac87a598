/**
 * Simple line drawings for the exercises, drawn for this app (no outside artwork). Each is a
 * self-contained SVG string that pdfmake draws as vectors, so they stay sharp in print and add
 * almost nothing to the file size. Ids match the `drawing` field of exercises in
 * resources/content/topics/exercises.yaml.
 */

type Pt = readonly [number, number]

const INK = '#2f4858'
const SKIN = '#e3f1ee'
const FLOOR = '#9aa5b1'
const MOVE = '#c8641e'

function svg(body: string, w = 160, h = 110): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`
}

function head(to: Pt, from: Pt): string {
  const a = Math.atan2(to[1] - from[1], to[0] - from[0])
  const len = 9
  const spread = 0.45
  const p1: Pt = [to[0] - len * Math.cos(a - spread), to[1] - len * Math.sin(a - spread)]
  const p2: Pt = [to[0] - len * Math.cos(a + spread), to[1] - len * Math.sin(a + spread)]
  const f = (p: Pt): string => `${p[0].toFixed(1)},${p[1].toFixed(1)}`
  return `<polygon points="${f(to)} ${f(p1)} ${f(p2)}" fill="${MOVE}"/>`
}

/** A curved arrow from `a` to `b` bending through control point `c`; `both` puts a head at each end. */
function arrow(a: Pt, c: Pt, b: Pt, both = false): string {
  const path = `<path d="M${a[0]} ${a[1]} Q${c[0]} ${c[1]} ${b[0]} ${b[1]}" fill="none" stroke="${MOVE}" stroke-width="3" stroke-linecap="round"/>`
  return path + head(b, c) + (both ? head(a, c) : '')
}

function floor(y = 98, x1 = 8, x2 = 152): string {
  return `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${FLOOR}" stroke-width="2.5" stroke-linecap="round"/>`
}

function shape(d: string, dashed = false): string {
  return `<path d="${d}" fill="${dashed ? 'none' : SKIN}" stroke="${INK}" stroke-width="${dashed ? 1.8 : 2.4}" stroke-linejoin="round"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`
}

/** Stick figure limbs: a polyline with round joints. */
function limb(points: Pt[], width = 5): string {
  return `<polyline points="${points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${INK}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`
}

function headCircle(c: Pt, r = 8): string {
  return `<circle cx="${c[0]}" cy="${c[1]}" r="${r}" fill="${SKIN}" stroke="${INK}" stroke-width="2.4"/>`
}

// Lower leg and foot seen from the side, toes to the right, standing flat.
const FOOT_FLAT =
  'M54 8 L74 8 L75 66 Q77 78 90 82 L120 87 Q128 89 127 94 Q126 98 118 98 L50 98 Q42 98 42 90 Q43 80 52 68 Z'
// On tiptoe: heel lifted.
const FOOT_TIPTOE = 'M48 4 L68 4 L72 56 Q76 66 88 74 L118 92 Q124 96 120 98 L104 98 L66 80 Q54 76 52 66 Z'

export const DRAWINGS: Readonly<Record<string, string>> = {
  // Rising onto the toes, seen close up: the heel lifts, the toes stay down.
  'toe-raise': svg(
    floor() + shape(FOOT_FLAT, true) + shape(FOOT_TIPTOE) + arrow([30, 92], [22, 74], [30, 52]),
  ),

  // Seated toe curl: the toes grip the floor (or a towel) and let go.
  'toe-curl': svg(
    floor() +
      `<path d="M92 98 Q100 92 108 98 Q116 92 124 98 Q132 93 146 98" fill="none" stroke="${FLOOR}" stroke-width="2.2"/>` +
      shape(
        'M54 8 L74 8 L75 66 Q77 78 90 82 L108 85 Q116 84 121 88 Q126 93 122 97 Q118 99 114 95 Q111 92 106 96 L50 98 Q42 98 42 90 Q43 80 52 68 Z',
      ) +
      arrow([138, 66], [146, 84], [128, 90]),
  ),

  'marble-pickup': svg(
    floor() +
      shape(
        'M54 8 L74 8 L75 62 Q78 72 92 72 L116 72 Q126 72 128 78 Q129 84 122 86 L64 88 Q46 88 44 80 Q44 72 52 64 Z',
      ) +
      `<circle cx="124" cy="92" r="5" fill="#ffffff" stroke="${INK}" stroke-width="2"/>` +
      `<path d="M20 82 L20 98 L44 98 L44 82" fill="none" stroke="${INK}" stroke-width="2.2" stroke-linejoin="round"/>` +
      `<circle cx="27" cy="93" r="4.5" fill="#ffffff" stroke="${INK}" stroke-width="1.8"/>` +
      `<circle cx="37" cy="93" r="4.5" fill="#ffffff" stroke="${INK}" stroke-width="1.8"/>` +
      `<circle cx="142" cy="94" r="4.5" fill="#ffffff" stroke="${INK}" stroke-width="1.8"/>` +
      arrow([118, 64], [80, 48], [42, 74]),
  ),

  'sand-walk': svg(
    `<path d="M6 92 Q30 84 54 92 T102 92 T152 92" fill="none" stroke="${FLOOR}" stroke-width="2"/>` +
      `<path d="M6 104 Q30 96 54 104 T102 104 T152 104" fill="none" stroke="${FLOOR}" stroke-width="2"/>` +
      [
        [24, 64, -12],
        [58, 44, -12],
        [92, 64, -12],
        [126, 44, -12],
      ]
        .map(
          ([x, y, r]) =>
            `<g transform="translate(${x} ${y}) rotate(${r})">` +
            `<ellipse cx="0" cy="0" rx="8" ry="14" fill="${SKIN}" stroke="${INK}" stroke-width="2"/>` +
            `<circle cx="-5" cy="-19" r="2.6" fill="${INK}"/><circle cx="0" cy="-20.5" r="2.4" fill="${INK}"/><circle cx="4.5" cy="-19.5" r="2.2" fill="${INK}"/><circle cx="8" cy="-17" r="2" fill="${INK}"/>` +
            `</g>`,
        )
        .join('') +
      arrow([40, 18], [80, 6], [126, 16]),
  ),

  'calf-stretch': svg(
    `<line x1="140" y1="6" x2="140" y2="98" stroke="${FLOOR}" stroke-width="4"/>` +
      floor(98, 8, 140) +
      limb([
        [30, 96],
        [62, 58],
        [92, 60],
        [104, 96],
      ]) +
      limb([
        [62, 58],
        [108, 26],
      ]) +
      limb(
        [
          [100, 32],
          [138, 34],
        ],
        4,
      ) +
      headCircle([116, 18]) +
      limb(
        [
          [22, 96],
          [34, 96],
        ],
        4,
      ) +
      limb(
        [
          [104, 96],
          [116, 96],
        ],
        4,
      ) +
      arrow([16, 70], [14, 86], [26, 92]),
  ),

  // Standing calf raise holding a chair: up onto the front of the feet, then down slowly.
  'calf-raise': svg(
    floor() +
      limb(
        [
          [120, 40],
          [120, 98],
        ],
        3,
      ) +
      limb(
        [
          [120, 66],
          [146, 66],
          [146, 98],
        ],
        3,
      ) +
      headCircle([70, 14]) +
      limb([
        [70, 24],
        [70, 62],
      ]) +
      limb(
        [
          [70, 34],
          [118, 44],
        ],
        4,
      ) +
      limb([
        [70, 62],
        [72, 84],
        [80, 96],
        [90, 97],
      ]) +
      limb([
        [70, 62],
        [66, 84],
        [74, 96],
        [84, 97],
      ]) +
      `<polyline points="72,84 64,97 88,97" fill="none" stroke="${INK}" stroke-width="2" stroke-dasharray="4 3" stroke-linecap="round"/>` +
      arrow([40, 92], [32, 74], [40, 52]),
  ),

  'leg-swing': svg(
    floor() +
      // chair back to hold on to
      limb(
        [
          [132, 40],
          [132, 98],
        ],
        3,
      ) +
      limb(
        [
          [132, 66],
          [150, 66],
          [150, 98],
        ],
        3,
      ) +
      headCircle([80, 14]) +
      limb([
        [80, 24],
        [80, 60],
      ]) +
      limb(
        [
          [80, 34],
          [130, 44],
        ],
        4,
      ) +
      limb([
        [80, 60],
        [84, 96],
        [94, 96],
      ]) +
      limb([
        [80, 60],
        [52, 90],
        [60, 96],
      ]) +
      `<polyline points="80,60 108,90 116,96" fill="none" stroke="${INK}" stroke-width="2" stroke-dasharray="4 3" stroke-linecap="round"/>` +
      arrow([44, 72], [80, 104], [118, 76], true),
  ),

  'foot-flex': svg(
    floor(98, 8, 60) +
      // sitting with the leg straight out: lower leg level, foot at the right
      `<rect x="6" y="40" width="46" height="10" rx="3" fill="none" stroke="${FLOOR}" stroke-width="2.5"/>` +
      `<line x1="12" y1="50" x2="12" y2="98" stroke="${FLOOR}" stroke-width="2.5"/><line x1="46" y1="50" x2="46" y2="98" stroke="${FLOOR}" stroke-width="2.5"/>` +
      shape(
        'M36 30 L104 34 Q112 30 114 20 L116 8 Q118 2 124 4 Q128 6 127 14 L124 40 Q122 50 110 50 L36 48 Z',
      ) +
      shape('M104 34 Q114 38 122 48 L140 64 Q146 70 140 74 Q134 76 130 70 L108 50', true) +
      arrow([136, 10], [150, 36], [146, 58], true),
  ),
}

export function drawingFor(id: string): string | undefined {
  return DRAWINGS[id]
}
