import { notesDb } from './notes/instance'

/**
 * Installed only when the browser-test harness sets `window.__CRAMP_E2E__` before the app loads
 * (tests/e2e/fixtures.ts). Records are encrypted at rest, so the tests that check what was
 * stored read it here, opened with the signed-in session's keys (LockedError while locked).
 * Script running inside the unlocked app can read the records through the screens anyway; the
 * threat model (README) says so.
 */
export function installTestHooks(): void {
  ;(window as unknown as { __crampTable: (name: string) => unknown }).__crampTable = (name) =>
    notesDb.table(name)
  ;(window as unknown as { __crampDump: () => Promise<Record<string, unknown[]>> }).__crampDump =
    async () => {
      const out: Record<string, unknown[]> = {}
      for (const table of notesDb.tables) out[table.name] = await table.toArray()
      return out
    }
}
