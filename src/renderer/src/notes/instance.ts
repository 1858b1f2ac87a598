import { NotesDB } from './db'
import { guardRepository, type Actor } from './guard'
import { NotesRepository } from './repository'

/** The app's one database connection (the screens, stores and header search share it). */
export const notesDb = new NotesDB()

let actor: Actor | null = null

/** Sign-in sets who is acting; every repository call below checks their role (guard.ts). */
export function setActor(next: Actor | null): void {
  actor = next
  // Every version saved from now on names its author (savedBy.authorId).
  unguarded.author.authorId = next?.id ?? null
}

const unguarded = new NotesRepository(notesDb)
export const notesRepo = guardRepository(unguarded, () => actor)
