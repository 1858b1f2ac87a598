import { NotesDB } from './db'
import { NotesRepository } from './repository'

/** The app's one database connection (the screens, stores and header search share it). */
export const notesDb = new NotesDB()
export const notesRepo = new NotesRepository(notesDb)
