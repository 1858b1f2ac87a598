import type { RepoContext } from './context'
import { parseOrThrow } from './context'
import { MissingRecordError } from './errors'
import { handoutRowSchema, type HandoutRow } from './model'

type Given = Omit<HandoutRow, 'visitId' | 'patientId'>

/**
 * Notes a handout as given at a visit. Handouts are only ever added, so this needs no version
 * of the visit and never conflicts with an editor open on it. The same file (same SHA-256)
 * given again at the same visit is noted once.
 */
export async function addHandout(
  ctx: RepoContext,
  visitId: string,
  handout: Given,
): Promise<'added' | 'already'> {
  const { db } = ctx
  return db.transaction('rw', db.visits, db.handouts, async () => {
    const visit = await db.visits.get(visitId)
    if (!visit) throw new MissingRecordError('visit')
    const given = await db.handouts.where('visitId').equals(visitId).toArray()
    if (handout.sha256 && given.some((h) => h.sha256 === handout.sha256)) return 'already'
    await db.handouts.add(parseOrThrow(handoutRowSchema, { ...handout, visitId, patientId: visit.patientId }))
    return 'added'
  })
}

/**
 * One handout as given, for a reprint: the stored handout and the patient's name, and nothing
 * of the visit's note (reception may reprint a handout but never read a visit).
 */
export async function givenHandout(
  ctx: RepoContext,
  visitId: string,
  handoutId: string,
): Promise<{ handout: HandoutRow; patientName: string } | undefined> {
  const { db } = ctx
  return db.transaction('r', db.handouts, db.visits, db.patients, async () => {
    const handout = await db.handouts.get(handoutId)
    if (!handout || handout.visitId !== visitId) return undefined
    // A visit in the trash takes its handouts with it; only whether it is here is read.
    if (!(await db.visits.where('id').equals(visitId).count())) return undefined
    const patient = await db.patients.get(handout.patientId)
    return patient ? { handout, patientName: patient.name } : undefined
  })
}

/**
 * A handout printed or saved again from the history. Noted on the visit like any handout (the
 * very same file is noted once; one rebuilt with today's content is a new one), and told apart
 * from a first issue so the audit trail says "reprinted".
 */
export async function reissueHandout(
  ctx: RepoContext,
  visitId: string,
  handoutId: string,
  printed: Given,
): Promise<{ outcome: 'added' | 'already'; patientId: string; handoutId: string }> {
  const original = await givenHandout(ctx, visitId, handoutId)
  if (!original) throw new MissingRecordError('handout')
  const outcome = await addHandout(ctx, visitId, printed)
  return { outcome, patientId: original.handout.patientId, handoutId }
}

/** Handouts given at a visit, oldest first. */
export async function handoutsOf(ctx: RepoContext, visitId: string): Promise<HandoutRow[]> {
  const rows = await ctx.db.handouts.where('visitId').equals(visitId).toArray()
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/**
 * Handouts given to a patient at visits not in the trash, newest first: what reception may see
 * of a patient's history, to reprint one. Of the visits only their ids are read.
 */
export async function handoutsOfPatient(ctx: RepoContext, patientId: string): Promise<HandoutRow[]> {
  const { db } = ctx
  return db.transaction('r', db.visits, db.handouts, async () => {
    const visitIds = await db.visits.where('patientId').equals(patientId).primaryKeys()
    const rows = await db.handouts.where('visitId').anyOf(visitIds).toArray()
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  })
}

/**
 * The newest handouts given, at visits that are not in the trash, with the patient's name.
 * Reads only as many handouts as it shows (plus those of trashed visits it skips).
 */
export async function recentHandouts(
  ctx: RepoContext,
  limit: number,
): Promise<{ handout: HandoutRow; patientName: string }[]> {
  const { db } = ctx
  return db.transaction('r', db.handouts, db.visits, db.patients, async () => {
    const out: { handout: HandoutRow; patientName: string }[] = []
    const names = new Map<string, string | null>()
    let offset = 0
    const PAGE = Math.max(limit, 20)
    for (;;) {
      const page = await db.handouts.orderBy('createdAt').reverse().offset(offset).limit(PAGE).toArray()
      const visits = await db.visits.bulkGet(page.map((h) => h.visitId))
      const wanted = [...new Set(page.map((h) => h.patientId))].filter((id) => !names.has(id))
      const patients = await db.patients.bulkGet(wanted)
      wanted.forEach((id, i) => names.set(id, patients[i]?.name ?? null))
      page.forEach((h, i) => {
        const name = names.get(h.patientId)
        if (visits[i] && name !== null && name !== undefined && out.length < limit) {
          out.push({ handout: h, patientName: name })
        }
      })
      if (out.length >= limit || page.length < PAGE) return out
      offset += PAGE
    }
  })
}
