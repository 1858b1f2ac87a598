import { NotesDB } from './db'
import { resolveActiveDatabase } from './backup/activeDatabase'
import { guardRepository, type Actor, type AfterCall } from './guard'
import { NotesRepository } from './repository'

/**
 * The app's one database connection (the screens, stores and header search share it): the one a
 * verified restore last switched to, or the usual one.
 */
export const notesDb = new NotesDB(await resolveActiveDatabase())

let actor: Actor | null = null
let signedIn: () => void = () => undefined
const firstSignIn = new Promise<void>((resolve) => (signedIn = resolve))

/** Resolves once someone has signed in: start-up work that reads records waits for it. */
export function whenSignedIn(): Promise<void> {
  return firstSignIn
}

/** Sign-in sets who is acting; every repository call below checks their role (guard.ts). */
export function setActor(next: Actor | null): void {
  actor = next
  if (next) signedIn()
  // Every version saved from now on names its author (savedBy.authorId).
  unguarded.author.authorId = next?.id ?? null
}

let afterCall: AfterCall | undefined

/** The audit trail listens to the repository's successful calls (security/instance.ts). */
export function setAfterCall(fn: AfterCall | undefined): void {
  afterCall = fn
}

const unguarded = new NotesRepository(notesDb)
export const notesRepo = guardRepository(
  unguarded,
  () => actor,
  () => afterCall,
)
