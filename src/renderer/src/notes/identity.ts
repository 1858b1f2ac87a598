import { randomRun, type Author } from './version'

const DEVICE_KEY = 'cramp.device-id'

/**
 * Who is writing, as far as the app knows before staff sign-in: this computer (a random id made
 * once and kept in this profile's storage) and this window (a random id per page load). Sign-in
 * (issue 12) fills `authorId`.
 */
export function thisWindow(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeStorage(),
): Author {
  let device = storage?.getItem(DEVICE_KEY) ?? ''
  if (!device) {
    device = `d${randomRun()}${randomRun()}`
    try {
      storage?.setItem(DEVICE_KEY, device)
    } catch {
      // Storage full or unavailable: this window still gets an id of its own.
    }
  }
  return { device, window: `w${randomRun()}`, authorId: null }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** "this window", "another window on this computer", "another computer", or "before history was kept". */
export function describeAuthor(by: Author, me: Author): string {
  if (by.device === 'before-history') return 'saved before version history was kept'
  if (by.device !== me.device) return 'on another computer'
  if (by.window === me.window) return 'in this window'
  return 'in another window on this computer'
}
