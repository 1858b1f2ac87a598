/**
 * Table declarations for signatures and addenda (added to the notes database in schema version
 * 3). One signature per visit, keyed by the visit; addenda are found by their visit.
 */
export const SIGNATURE_TABLES = {
  signatures: 'visitId',
  addenda: 'id, visitId',
} as const
