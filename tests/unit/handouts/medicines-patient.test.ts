/**
 * A patient who takes a restricted treatment (quinine) gets its safety points in plain words on
 * the handout, never the clinician's note with its doses and risks (issue 8: quinine's detail is
 * for clinicians only).
 */
import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { medicineLines } from '../../../src/renderer/src/handouts/medicines'
import { makeSpec, realContent } from './helpers'

const content = realContent()
const quinine = content.drugs.find((d) => d.id === 'quinine')!

/** Every string in a pdfmake definition but the list of sources (titles name QT and doses). */
function textOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node)
  else if (Array.isArray(node)) for (const n of node) textOf(n, out)
  else if (node && typeof node === 'object') {
    if ((node as { id?: string }).id === 'sources') return out
    for (const [k, v] of Object.entries(node)) if (k !== 'svg' && k !== 'image' && k !== 'id') textOf(v, out)
  }
  return out
}

const handoutText = (medicines: string[]): string =>
  textOf(buildHandout(makeSpec({ sections: ['medicines'], medicines }), content).content)
    .join(' ')
    .replace(/\s+/g, ' ')

describe('medicines on the handout', () => {
  it('prints quinine with its safety points for the patient, not the clinician note', () => {
    const text = handoutText(['Quinine sulphate 200 mg at night'])
    expect(text).toContain('Quinine sulphate 200 mg at night')
    expect(text).toContain(quinine.patientNote!.replace(/\s+/g, ' '))
    expect(text).toMatch(/bruises, bleeding or tiny red spots/)
    // Nothing of the clinician note: not its dose advice, risks or restrictions.
    expect(text).not.toMatch(/thrombocytopenia|QT|bisulphate|4-week trial|For clinicians/i)
  })

  it('cites the sources of the patient note', () => {
    const [line] = medicineLines(['quinine'], content).lines
    expect(line!.patientNote).toBe(quinine.patientNote)
    expect(line!.sources).toEqual(expect.arrayContaining(['g103c', 'g103d', 'g103e']))
  })

  it('adds no note to a medicine without one', () => {
    const [line] = medicineLines(['furosemide'], content).lines
    expect(line!.patientNote).toBeUndefined()
    expect(handoutText(['furosemide'])).not.toMatch(/tiny red spots/)
  })
})
