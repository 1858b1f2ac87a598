/** Remembers the window's size and place between launches, kept on screen if displays change. */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from './handlers'

const StateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof StateSchema>

export const DEFAULT_STATE = { width: 1280, height: 820, maximized: false } as const
export const MIN_SIZE = { width: 1024, height: 700 } as const

interface Area {
  x: number
  y: number
  width: number
  height: number
}

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Keeps a remembered position only if a good part of it is still on some display. */
export function fitToDisplays(state: WindowState | null, workAreas: Area[]): Partial<WindowState> {
  if (!state) return { ...DEFAULT_STATE }
  const visible = workAreas.some(
    (a) =>
      state.x < a.x + a.width - 100 &&
      state.x + state.width > a.x + 100 &&
      state.y >= a.y - 10 &&
      state.y < a.y + a.height - 50,
  )
  const size = {
    width: Math.max(state.width, MIN_SIZE.width),
    height: Math.max(state.height, MIN_SIZE.height),
    maximized: state.maximized,
  }
  return visible ? { ...size, x: state.x, y: state.y } : size
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)))
}
