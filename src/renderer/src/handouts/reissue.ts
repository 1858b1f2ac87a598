/**
 * Reissue: a stored spec rebuilds the same PDF as long as the reference content is the same
 * version (the clinic details travel inside the spec). These helpers say what changed since.
 */
import { canonicalJson } from '../notes/canonical'
import type { Content } from '../reference/schema'
import { ClinicSettingsSchema, type ClinicSettings } from './clinic'
import { contentDose } from './dose'
import { CURRENT_FORMAT, type HandoutSpec } from './spec'

export interface ReissueCheck {
  /** The reference content moved on: the old bytes can no longer be rebuilt. */
  contentChanged: boolean
  /** The clinic settings differ from the snapshot in the spec (which still rebuilds as given). */
  clinicChanged: boolean
  givenVersion: string
  currentVersion: string
}

/** Canonical JSON (keys sorted at every depth): the logo's fields count too. */
function clinicKey(c: ClinicSettings): string {
  return canonicalJson(ClinicSettingsSchema.parse(c))
}

export function checkReissue(spec: HandoutSpec, content: Content, clinic: ClinicSettings): ReissueCheck {
  return {
    contentChanged: spec.contentVersion !== content.meta.version,
    clinicChanged: clinicKey(spec.clinic) !== clinicKey(clinic),
    givenVersion: spec.contentVersion,
    currentVersion: content.meta.version,
  }
}

/**
 * The same handout brought up to date: current content version, clinic settings and layout. A
 * handout of the first layout keeps what it printed: every cause in full, every exercise.
 */
export function withCurrent(spec: HandoutSpec, content: Content, clinic: ClinicSettings): HandoutSpec {
  const known = new Set(content.causes.map((c) => c.id))
  // A cause removed from the reference since cannot be printed any more.
  const causes = spec.causes.filter((c) => known.has(c))
  const exercises = content.topics.find((t) => t.id === 'exercises')?.exercises ?? []
  const upgraded: Partial<HandoutSpec> =
    spec.format === 1
      ? {
          format: CURRENT_FORMAT,
          moreDetail: [...causes],
          ...(spec.sections.includes('exercises')
            ? { exercises: exercises.map((e) => ({ id: e.id, dose: contentDose(e) })) }
            : {}),
        }
      : {
          moreDetail: spec.moreDetail?.filter((c) => known.has(c)),
          exercises: spec.exercises?.filter((x) => exercises.some((e) => e.id === x.id)),
        }
  return {
    ...spec,
    ...upgraded,
    causes,
    contentVersion: content.meta.version,
    clinic: JSON.parse(JSON.stringify(clinic)) as ClinicSettings,
  }
}
