import { describe, expect, it } from 'vitest'
import { contentDose, defaultExercises, doseLine, doseSources } from '../../../src/renderer/src/handouts/dose'
import type { Exercise } from '../../../src/renderer/src/reference/schema'

const ex = (over: Partial<Exercise> & { dose?: unknown } = {}): Exercise =>
  ({
    id: 'calf-stretch',
    name: 'Calf stretch',
    steps: ['Stand facing a wall.'],
    counts: 'Every day.',
    drawing: 'calf-stretch',
    sources: ['src002'],
    ...over,
  }) as Exercise

describe('exercise dose', () => {
  it('says what to do in plain words', () => {
    expect(doseLine({})).toBe('As shown in clinic')
    expect(doseLine({ sets: 2, reps: 10, timesPerDay: 2 })).toBe('2 sets of 10, twice a day')
    expect(doseLine({ reps: 3, holdSeconds: 30 })).toBe('3 times, hold 30 seconds')
    expect(doseLine({ sets: 1, reps: 1, holdSeconds: 1, timesPerDay: 1 })).toBe(
      '1 set of 1, hold 1 second, once a day',
    )
    expect(doseLine({ minutesPerDay: 10 })).toBe('10 minutes a day')
    expect(doseLine({ holdSeconds: 20, timesPerDay: 3 })).toBe('Hold 20 seconds, 3 times a day')
  })

  it('starts only from the figures a source gives, and cites them only while they are unchanged', () => {
    expect(contentDose(ex())).toEqual({})
    const sourced = ex({ dose: { holdSeconds: 30, reps: 3, sources: ['g108'] } })
    expect(contentDose(sourced)).toEqual({ holdSeconds: 30, reps: 3 })
    expect(doseSources(sourced, { holdSeconds: 30, reps: 3 })).toEqual(['g108'])
    expect(doseSources(sourced, { holdSeconds: 20, reps: 3 })).toEqual([])
    expect(defaultExercises([ex({ id: 'a' }), sourced])).toEqual([
      { id: 'calf-stretch', dose: { holdSeconds: 30, reps: 3 } },
    ])
  })
})
