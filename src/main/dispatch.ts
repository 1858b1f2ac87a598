/**
 * The single gate every IPC call passes: known channel, trusted sender, valid payload.
 * Electron's ipcMain wiring (ipc.ts) and the browser-test harness both call through here.
 */
import { z } from 'zod'
import { CHANNELS, contract, type Channel } from '../shared/ipc'
import type { Handlers } from './handlers'

export class IpcRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IpcRefused'
  }
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** Each channel's request schema, built once from the contract. */
const schemas = Object.fromEntries(CHANNELS.map((c) => [c, contract[c].request(z)])) as {
  [C in Channel]: ReturnType<(typeof contract)[C]['request']>
}

export function createDispatcher(handlers: Handlers) {
  return async function dispatch(
    channel: unknown,
    payload: unknown,
    senderTrusted: boolean,
  ): Promise<unknown> {
    if (!senderTrusted) throw new IpcRefused('IPC refused: the sender is not one of the app windows')
    if (!isChannel(channel)) throw new IpcRefused(`IPC refused: unknown channel ${String(channel)}`)
    const parsed = schemas[channel].safeParse(payload)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new IpcRefused(
        `IPC refused: invalid payload for ${channel} (${issue?.path.join('.') || 'payload'}: ${issue?.message})`,
      )
    }
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>
    return handler(parsed.data)
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>
