/** The header search asks each provider in turn and shows their results in separate groups. */
import type { SearchProvider } from './types'
import { referenceSearchProvider } from '@renderer/features/reference/searchProvider'
import { notesSearchProvider, patientsSearchProvider } from '@renderer/features/visits/searchProvider'

export const searchProviders: SearchProvider[] = [
  referenceSearchProvider,
  patientsSearchProvider,
  notesSearchProvider,
]
