/**
 * What the printable recovery sheet says. Plain data, so the sheet component and a later PDF or
 * print path show the same words and the same instructions.
 */
export interface RecoverySheet {
  title: string
  clinicName: string
  ownerName: string
  /** "3 May 2026": the app shows the same date for the recovery key in use. */
  createdOn: string
  words: { n: number; word: string }[]
  instructions: string[]
}

export function recoverySheet(input: {
  clinicName: string
  ownerName: string
  words: string[]
  createdAt: Date
}): RecoverySheet {
  return {
    title: 'Cramp Clinic recovery key',
    clinicName: input.clinicName,
    ownerName: input.ownerName,
    createdOn: input.createdAt.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    words: input.words.map((word, i) => ({ n: i + 1, word })),
    instructions: [
      'These 12 words open every patient record of this clinic if every owner passphrase is lost. They are the only way back in: there is no other.',
      'Write them down or print this page. Keep it locked away, apart from the computer, like the key to a filing cabinet of patient notes.',
      'Anyone who has these words and a copy of the computer or a backup can read the records. Do not photograph them, email them or save them in a file.',
      'If this sheet is lost or seen by someone else, the owner makes a new recovery key on the Staff screen. The old words then no longer open this computer’s records, but they still open backups made before.',
    ],
  }
}
