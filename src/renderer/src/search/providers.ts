/** The header search asks each provider in turn and shows their results in separate groups. */
import type { SearchProvider } from './types'

export const searchProviders: SearchProvider[] = []
