import type { Table } from 'dexie'
import type { AuditEvent } from '../audit/model'
import type { NotesDB } from '../notes/db'
import { MissingRecordError } from '../notes/errors'
import { fromVisitRow } from '../notes/rows'
import { assertCan, type Role } from './policy'
import {
  assertEditable,
  createAddendum,
  signVisit,
  verifyAddendum,
  verifySignature,
  type Addendum,
  type AddendumInput,
  type Signature,
  type SignatureCheck,
  SignedRecordError,
} from './signatures'

export interface SigningOptions {
  db: NotesDB
  /** The signed-in person; null while nobody is. */
  actor: () => { id: string; role: Role } | null
  /** The open seal key (KeySession.ring.sealKey); throws LockedError while locked. */
  sealKey: () => CryptoKey
  audit?: (event: AuditEvent) => Promise<unknown>
  clock?: () => Date
  newId?: () => string
}

export interface SignedState {
  signature: Signature | null
  addenda: Addendum[]
  /** The signature's check against the stored visit (null when unsigned). */
  check: SignatureCheck | null
}

/**
 * Signing visits and adding addenda, through the tables of schema version 3. Signing reads the
 * visit as stored (the editor saves first), records author, time and the SHA-256 of its signed
 * content, sealed; from then on the guarded repository refuses every change to it.
 */
export class VisitSigning {
  readonly #clock: () => Date
  readonly #newId: () => string

  constructor(private readonly opts: SigningOptions) {
    this.#clock = opts.clock ?? (() => new Date())
    this.#newId = opts.newId ?? (() => crypto.randomUUID())
  }

  get #signatures(): Table<Signature, string> {
    return this.opts.db.table('signatures')
  }
  get #addenda(): Table<Addendum, string> {
    return this.opts.db.table('addenda')
  }

  signatureOf(visitId: string): Promise<Signature | undefined> {
    return this.#signatures.get(visitId)
  }

  async state(visitId: string): Promise<SignedState> {
    assertCan(this.opts.actor()?.role, 'visit.view')
    const [signature, addenda, row] = await Promise.all([
      this.#signatures.get(visitId),
      this.#addenda.where('visitId').equals(visitId).sortBy('createdAt'),
      this.opts.db.visits.get(visitId),
    ])
    if (!signature || !row) return { signature: signature ?? null, addenda, check: null }
    const key = this.opts.sealKey()
    const check = await verifySignature(key, fromVisitRow(row), signature)
    const good: Addendum[] = []
    for (const a of addenda) if (await verifyAddendum(key, signature, a)) good.push(a)
    if (good.length !== addenda.length && check.ok) {
      return {
        signature,
        addenda,
        check: {
          ok: false,
          problem: 'seal-broken',
          message: 'An addendum of this visit was changed outside Cramp Clinic.',
        },
      }
    }
    return { signature, addenda, check }
  }

  async sign(visitId: string): Promise<Signature> {
    const actor = this.opts.actor()
    assertCan(actor?.role, 'visit.sign')
    const sealKey = this.opts.sealKey()
    // WebCrypto cannot run inside an IndexedDB transaction (it would commit early): hash first,
    // then write only if the visit is still the version that was hashed.
    let signature: Signature | null = null
    for (let attempt = 0; attempt < 5 && !signature; attempt++) {
      const before = await this.opts.db.visits.get(visitId)
      if (!before) throw new MissingRecordError('visit')
      assertEditable(await this.#signatures.get(visitId))
      const s = await signVisit(sealKey, fromVisitRow(before), actor!.id, this.#clock())
      signature = await this.opts.db.transaction('rw', this.opts.db.visits, this.#signatures, async () => {
        const now = await this.opts.db.visits.get(visitId)
        if (!now) throw new MissingRecordError('visit')
        assertEditable(await this.#signatures.get(visitId))
        if (now.rev !== before.rev) return null
        await this.#signatures.add(s)
        return s
      })
    }
    if (!signature)
      throw new SignedRecordError('The visit kept changing while it was being signed. Try again.')
    const row = (await this.opts.db.visits.get(visitId))!
    await this.opts.audit?.({
      kind: 'visit.signed',
      actorId: actor!.id,
      patientId: row.patientId,
      visitId,
      detail: { contentHash: signature.contentHash },
    })
    return signature
  }

  async addAddendum(visitId: string, input: AddendumInput): Promise<Addendum> {
    const actor = this.opts.actor()
    assertCan(actor?.role, 'visit.addendum')
    const signature = await this.#signatures.get(visitId)
    if (!signature) throw new SignedRecordError('Sign the visit first: an addendum follows a signature.')
    const addendum = await createAddendum(
      this.opts.sealKey(),
      signature,
      input,
      actor!.id,
      this.#newId(),
      this.#clock(),
    )
    await this.#addenda.add(addendum)
    const row = await this.opts.db.visits.get(visitId)
    await this.opts.audit?.({
      kind: 'visit.addendum',
      actorId: actor!.id,
      patientId: row?.patientId,
      visitId,
      detail: { reason: addendum.reason },
    })
    return addendum
  }
}
