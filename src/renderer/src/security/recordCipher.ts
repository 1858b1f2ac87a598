import type { Patient, Visit } from '../notes/model'
import { decryptValue, encryptValue, type Sealed } from './fieldCrypto'

/**
 * Per record type: which fields hold health or identifying data, and how a record becomes its
 * stored form and back. Ids, timestamps and revisions stay in clear (queries, conflict checks
 * and later replication need them); the listed fields move into `sealed`, one ciphertext each,
 * so a list page can decrypt only the name.
 */
export type SealedRecord<T, K extends keyof T> = Omit<T, K> & { id: string; sealed: { [P in K]: Sealed } }

export interface RecordCipher<T extends { id: string }, K extends keyof T & string> {
  readonly type: string
  readonly fields: readonly K[]
  seal(key: CryptoKey, record: T): Promise<SealedRecord<T, K>>
  open(key: CryptoKey, stored: SealedRecord<T, K>): Promise<T>
  /** Only some of the sealed fields, e.g. the name for a list row. */
  openFields<F extends K>(
    key: CryptoKey,
    stored: SealedRecord<T, K>,
    fields: readonly F[],
  ): Promise<Omit<T, K> & Pick<T, F>>
}

export function defineRecordCipher<T extends { id: string }, K extends keyof T & string>(
  type: string,
  fields: readonly K[],
): RecordCipher<T, K> {
  const what = `A ${type} record`
  async function openSome<F extends K>(
    key: CryptoKey,
    stored: SealedRecord<T, K>,
    chosen: readonly F[],
  ): Promise<Omit<T, K> & Pick<T, F>> {
    const { sealed, ...clear } = stored
    const values = await Promise.all(
      chosen.map((field) => decryptValue(key, sealed[field], { type, id: stored.id, field }, what)),
    )
    const out: Record<string, unknown> = { ...clear }
    chosen.forEach((field, i) => (out[field] = values[i]))
    return out as Omit<T, K> & Pick<T, F>
  }
  return {
    type,
    fields,
    async seal(key, record) {
      const clear: Record<string, unknown> = { ...record }
      for (const field of fields) delete clear[field]
      const ciphertexts = await Promise.all(
        fields.map((field) => encryptValue(key, record[field], { type, id: record.id, field })),
      )
      const sealed = Object.fromEntries(fields.map((f, i) => [f, ciphertexts[i]]))
      return { ...clear, sealed } as SealedRecord<T, K>
    },
    async open(key, stored) {
      return (await openSome(key, stored, fields)) as unknown as T
    },
    openFields: openSome,
  }
}

/** Everything that names or describes a patient; ids, dates of the record and order stay clear. */
export const PATIENT_SEALED_FIELDS = [
  'name',
  'dateOfBirth',
  'chartNumber',
  'phone',
  'medicines',
  'alerts',
] as const satisfies readonly (keyof Patient)[]

/** What was said, found, suspected and planned, and the handouts given. */
export const VISIT_SEALED_FIELDS = [
  'reason',
  'note',
  'findings',
  'causeIds',
  'plan',
  'followUpDate',
  'handouts',
] as const satisfies readonly (keyof Visit)[]

export const patientCipher = defineRecordCipher<Patient, (typeof PATIENT_SEALED_FIELDS)[number]>(
  'patient',
  PATIENT_SEALED_FIELDS,
)
export const visitCipher = defineRecordCipher<Visit, (typeof VISIT_SEALED_FIELDS)[number]>(
  'visit',
  VISIT_SEALED_FIELDS,
)
