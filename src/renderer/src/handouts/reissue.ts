/**
 * Reissue: a stored spec rebuilds the same PDF as long as the reference content is the same
 * version (the clinic details travel inside the spec). These helpers say what changed since.
 */
import type { Content } from '../reference/schema'
import { ClinicSettingsSchema, type ClinicSettings } from './clinic'
import type { HandoutSpec } from './spec'

export interface ReissueCheck {
  /** The reference content moved on: the old bytes can no longer be rebuilt. */
  contentChanged: boolean
  /** The clinic settings differ from the snapshot in the spec (which still rebuilds as given). */
  clinicChanged: boolean
  givenVersion: string
  currentVersion: string
}

function canonical(c: ClinicSettings): string {
  const parsed = ClinicSettingsSchema.parse(c)
  return JSON.stringify(parsed, Object.keys(parsed).sort())
}

export function checkReissue(spec: HandoutSpec, content: Content, clinic: ClinicSettings): ReissueCheck {
  const logoKey = (c: ClinicSettings): string => (c.logo ? `${c.logo.mime}:${c.logo.dataBase64}` : '')
  return {
    contentChanged: spec.contentVersion !== content.meta.version,
    clinicChanged: canonical(spec.clinic) !== canonical(clinic) || logoKey(spec.clinic) !== logoKey(clinic),
    givenVersion: spec.contentVersion,
    currentVersion: content.meta.version,
  }
}

/** The same handout brought up to date: current content version and clinic settings. */
export function withCurrent(spec: HandoutSpec, content: Content, clinic: ClinicSettings): HandoutSpec {
  const known = new Set(content.causes.map((c) => c.id))
  return {
    ...spec,
    // A cause removed from the reference since cannot be printed any more.
    causes: spec.causes.filter((c) => known.has(c)),
    contentVersion: content.meta.version,
    clinic: JSON.parse(JSON.stringify(clinic)) as ClinicSettings,
  }
}
