import { describe, expect, it } from 'vitest'
import content from 'virtual:reference-content'
import { createReferenceSearch, type ReferenceHit } from '@renderer/reference/search'
import { highlight, matchedWords } from '@renderer/reference/text'

const index = createReferenceSearch(content)
const key = (h: ReferenceHit): string => `${h.kind}:${h.id}`

/** [what a clinician types, what must come up, within the first N results] */
const CASES: [string, string, number][] = [
  // lay words
  ['charley horse', 'topic:what-is-a-cramp', 3],
  ['water pills', 'cause:medications', 3],
  ['water pills', 'drug:diuretics', 3],
  ['low potassium', 'cause:low-potassium', 1],
  ['hypokalemia', 'cause:low-potassium', 1],
  ['hypokalaemia', 'cause:low-potassium', 1],
  ['Mg', 'cause:low-magnesium', 1],
  ['high heels', 'cause:poor-footwear', 1],
  ['PAD', 'cause:peripheral-artery-disease', 1],
  ['bad circulation', 'cause:peripheral-artery-disease', 1],
  ['night', 'topic:night-cramps', 1],
  ['cramps at night', 'topic:night-cramps', 2],
  ['pins and needles', 'cause:peripheral-neuropathy', 2],
  ['sciatica', 'cause:radiculopathy', 1],
  ['pregnant', 'cause:pregnancy', 1],
  ['low iron', 'cause:anaemia', 2],
  ['anemia', 'cause:anaemia', 1],
  ['underactive thyroid', 'cause:thyroid-disease', 1],
  ['standing all day', 'cause:static-posture', 2],
  ['old age', 'cause:ageing', 1],
  ['aging', 'cause:ageing', 1],
  ['booze', 'cause:alcohol-and-smoking', 1],
  ['sweating', 'cause:dehydration', 3],
  ['compression socks', 'topic:footwear', 3],
  ['what to do during a cramp', 'topic:during-a-cramp', 1],
  ['when to seek help', 'topic:when-to-seek-help', 1],
  ['red flags', 'topic:when-to-seek-help', 3],
  ['MND', 'cause:motor-neuron-disease', 1],
  ['inner ankle', 'cause:tarsal-tunnel-syndrome', 2],
  ['warm up', 'cause:exercise-intensity', 2],
  ['vitamin d', 'cause:vitamin-deficiency', 1],
  ['B12', 'cause:vitamin-deficiency', 2],
  ['diarrhoea', 'cause:electrolyte-imbalance', 3],
  ['sugar', 'cause:diabetes', 1],
  ['cold weather', 'cause:cold-exposure', 1],
  ['sprained ankle', 'cause:recent-injury', 3],
  ['bananas', 'topic:diet', 3],
  ['what to eat', 'topic:diet', 1],
  ['toe curls', 'topic:exercises', 2],
  ['night splint', 'topic:night-cramps', 2],
  // misspellings
  ['dehidration', 'cause:dehydration', 1],
  ['magnesum', 'cause:low-magnesium', 1],
  ['neuropathey', 'cause:peripheral-neuropathy', 1],
  ['pregancy', 'cause:pregnancy', 1],
  ['claudicaton', 'cause:peripheral-artery-disease', 1],
  ['lipiter', 'drug:atorvastatin', 1],
  // two letters swapped, in words too short for two edits of typo tolerance
  ['calicum', 'cause:low-calcium', 1],
  ['thyorid', 'cause:thyroid-disease', 1],
  ['soduim', 'cause:low-sodium', 1],
  ['tarsla', 'cause:tarsal-tunnel-syndrome', 1],
  ['lasxi', 'drug:furosemide', 1],
  // brand and generic drug names
  ['Lipitor', 'drug:atorvastatin', 1],
  ['Lipitor', 'cause:medications', 2],
  ['Lasix', 'drug:furosemide', 1],
  ['furosemide', 'cause:medications', 2],
  ['Zocor', 'cause:medications', 2],
  ['Seroquel', 'drug:quetiapine', 1],
  ['statins', 'drug:statins', 2],
  ['gabapentin', 'drug:gabapentin', 1],
  // partial words, as typed
  ['dehy', 'cause:dehydration', 1],
  ['tars', 'cause:tarsal-tunnel-syndrome', 1],
  ['potass', 'cause:low-potassium', 1],
  ['water pi', 'drug:diuretics', 3],
  ['charley h', 'topic:what-is-a-cramp', 3],
  // words a clinician uses that the sources put differently
  ['hypertension', 'drug:diuretics', 2],
  ['thiazide', 'drug:diuretics', 1],
  ['depression', 'drug:citalopram', 2],
  ['epilepsy', 'drug:clonazepam', 1],
  ['ulcer', 'redflag:non-healing-sores', 1],
  // (feet at risk, PAD and the help page, which all speak of toes and colour, may come first)
  ['blue toes', 'redflag:skin-colour-change', 4],
  ['ABPI', 'cause:peripheral-artery-disease', 1],
  ['doppler', 'cause:peripheral-artery-disease', 1],
  ['walking', 'cause:peripheral-artery-disease', 1],
  ['cramps when walking', 'cause:peripheral-artery-disease', 1],
  ['hot weather', 'cause:dehydration', 1],
  ['summer', 'cause:dehydration', 1],
  ['nightime', 'topic:night-cramps', 1],
  ['nocturnal leg cramps', 'topic:night-cramps', 1],
  ['vitamin d3', 'cause:vitamin-deficiency', 1],
  // a drug name half typed must not bury what the word is on its way to
  ['hydr', 'topic:hydration', 1],
  ['hydration', 'topic:hydration', 2],
  ['runner', 'cause:exercise-intensity', 3],
  ['calf cramps at night', 'topic:night-cramps', 1],
  ['calves', 'cause:peripheral-artery-disease', 2],
  ['Gatorade', 'topic:hydration', 2],
  // the entries from the guideline sources, by the words a clinician or patient uses
  ['kidney dialysis', 'cause:haemodialysis', 1],
  ['dialysis', 'cause:haemodialysis', 1],
  ['hemodialysis', 'cause:haemodialysis', 1],
  ['kidney failure', 'cause:haemodialysis', 2],
  ['liver', 'cause:liver-disease', 1],
  ['cirrhosis', 'cause:liver-disease', 1],
  ['liver problems', 'cause:liver-disease', 1],
  ['quinine', 'topic:quinine', 2],
  ['quinine', 'drug:quinine', 2],
  ['restless legs', 'topic:is-it-a-cramp', 1],
  ['jumpy legs', 'topic:is-it-a-cramp', 1],
  ['DVT', 'topic:is-it-a-cramp', 1],
  ['is it a cramp', 'topic:is-it-a-cramp', 3],
  ['blood tests', 'topic:investigations', 1],
  ['spinal stenosis', 'cause:lumbar-canal-stenosis', 1],
  ['diabetic foot care', 'topic:feet-at-risk', 2],
  ['barefoot', 'topic:feet-at-risk', 2],
  ['salbutamol', 'drug:salbutamol', 1],
  ['Ventolin', 'drug:salbutamol', 1],
  ['IV iron', 'drug:iron-sucrose', 1],
  ['tetanus', 'redflag:toxin-or-wound', 1],
  ['claudication', 'redflag:claudication', 3],
]

describe('reference search relevance', () => {
  it.each(CASES)('"%s" finds %s in the top %i', (query, expected, top) => {
    const hits = index.search(query, { limit: 10 }).map(key)
    expect(hits.slice(0, top), `got: ${hits.slice(0, 5).join(', ')}`).toContain(expected)
  })

  it('finds every cause within two keystrokes of a word of its name (top five)', () => {
    for (const cause of content.causes) {
      const words = cause.name
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3)
      const found = words.some((w) =>
        index.search(w.slice(0, 2), { limit: 5 }).some((h) => h.kind === 'cause' && h.id === cause.id),
      )
      expect(found, `${cause.id}: none of ${words.join(', ')} finds it from two letters`).toBe(true)
    }
  })

  it('returns nothing for an empty query or filler words, and a no-results query gets suggestions', () => {
    expect(index.search('')).toEqual([])
    expect(index.search('   ')).toEqual([])
    expect(index.search('the and ')).toEqual([])
    expect(index.search('qqqzzzxxx')).toEqual([])
    expect(index.suggest('dehydrashun')).toContain('Dehydration')
    // A suggestion is a likely slip, never a loose lookalike.
    expect(index.suggest('gout')).toEqual([])
    expect(index.suggest('plantar fasciitis')).toEqual([])
  })

  it('reports matched terms that highlight the words in the title', () => {
    const [hit] = index.search('potassium')
    expect(hit).toBeDefined()
    expect(matchedWords(hit!.title, hit!.terms)).toContain('potassium')
    const segs = highlight('Low potassium (hypokalaemia)', index.search('hypokalemia')[0]!.terms)
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['potassium', 'hypokalaemia'])
    expect(segs.map((s) => s.text).join('')).toBe('Low potassium (hypokalaemia)')
  })

  it('says in plain words when a drug found by a brand name is one the sources do not name', () => {
    const hits = index.search('Lipitor')
    expect(hits[0]!.subtitle).toBe('Medicine: one of the statins (the sources do not name it)')
    expect(hits[0]!.subtitle).not.toMatch(/lookup|member of/i)
    const cause = hits.find((h) => h.id === 'medications')
    expect(cause?.via).toMatch(/Atorvastatin/)
  })

  it('never turns a real word into a different one: "liver" does not find "live"', () => {
    for (const h of index.search('liver', { limit: 20 })) {
      expect(h.id, 'the beach-walking exercise speaks of living near a beach').not.toBe('exercises')
      expect(`${h.title} ${h.snippet}`.toLowerCase()).toMatch(/liver|cirrhosis|hepatic/)
    }
    expect(index.coverage('liver')).toEqual({ unknown: [], corrected: [], notCovered: false })
  })

  it('still reads a slip as the word meant, and says so', () => {
    expect(index.coverage('magnesum').corrected).toEqual([{ typed: 'magnesum', read: 'magnesium' }])
    expect(index.search('magnesum')[0]?.id).toBe('low-magnesium')
  })

  it('answers a question outside the reference with "not covered", not a weak match', () => {
    for (const q of ['plantar fasciitis', 'gout', 'warts', 'bunions']) {
      const c = index.coverage(q)
      expect(c.notCovered, q).toBe(true)
      expect(index.search(q), q).toEqual([])
    }
    // One unknown word beside known ones narrows nothing away: the known words still search.
    const partly = index.coverage('plantar cramps')
    expect(partly).toMatchObject({ notCovered: false, unknown: ['plantar'] })
    expect(index.search('plantar cramps').length).toBeGreaterThan(0)
  })

  it('can be limited to some kinds of entry', () => {
    const hits = index.search('potassium', { kinds: ['topic'] })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.kind === 'topic')).toBe(true)
  })

  it('shows a passage from the body when only the body matched', () => {
    const hit = index.search('bowl').find((h) => h.id === 'exercises')
    expect(hit?.snippet.toLowerCase()).toContain('bowl')
  })
})
