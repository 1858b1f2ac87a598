/**
 * Saving and printing a handout, and remembering it on the visit: shared by the editor and the
 * reissue screen so both record the same thing.
 */
import { ref } from 'vue'
import { platform } from '@renderer/platform'
import content from 'virtual:reference-content'
import { contentSnapshot } from '@renderer/handouts/snapshot'
import { sha256Hex, suggestedFileName, type HandoutSpec, type StoredHandout } from '@renderer/handouts/spec'
import { useHandoutHistoryStore } from '@renderer/stores/handoutHistory'

export interface SavedFile {
  name: string
  path: string | null
}

/** `reissueOf`: the handout being reprinted from the history, when this is the reissue screen. */
export function useHandoutOutput(reissueOf?: string) {
  const history = useHandoutHistoryStore()
  const working = ref<'' | 'saving' | 'printing' | 'opening'>('')
  const saved = ref<SavedFile | null>(null)
  const problem = ref('')
  const notice = ref('')

  /** Notes the handout on its visit; returns the words to add to the message shown. */
  async function remember(spec: HandoutSpec, pdf: Uint8Array, fileName?: string): Promise<string> {
    if (!spec.visitId) return ''
    const stored: StoredHandout = {
      id: crypto.randomUUID(),
      spec,
      createdAt: new Date().toISOString(),
      sha256: await sha256Hex(pdf),
      content: contentSnapshot(spec, content),
      ...(fileName ? { fileName } : {}),
    }
    const outcome = await history.record(spec.visitId, stored, reissueOf)
    return outcome === 'added' ? ' and noted on the visit' : ' (the visit already lists this handout)'
  }

  /** Runs a save or print; true when it went through (not cancelled, no error). */
  async function run(kind: 'saving' | 'printing', fn: () => Promise<boolean>): Promise<boolean> {
    working.value = kind
    problem.value = ''
    notice.value = ''
    try {
      return await fn()
    } catch (e) {
      problem.value = (e as Error).message || 'Something went wrong.'
      return false
    } finally {
      working.value = ''
    }
  }

  function save(spec: HandoutSpec, pdf: Uint8Array): Promise<boolean> {
    return run('saving', async () => {
      const outcome = await platform.saveFile({
        purpose: 'handout-pdf',
        suggestedName: suggestedFileName(spec),
        data: pdf,
      })
      if (outcome.status === 'cancelled') return false
      saved.value = { name: outcome.name, path: outcome.path }
      notice.value = `Saved as ${outcome.name}${await remember(spec, pdf, outcome.name)}.`
      return true
    })
  }

  function print(spec: HandoutSpec, pdf: Uint8Array): Promise<boolean> {
    return run('printing', async () => {
      await platform.printPdf(pdf, suggestedFileName(spec).replace(/\.pdf$/, ''))
      notice.value = `Sent to the printer${await remember(spec, pdf)}.`
      return true
    })
  }

  async function open(): Promise<void> {
    if (!saved.value?.path) return
    working.value = 'opening'
    try {
      await platform.openPath(saved.value.path)
    } catch (e) {
      problem.value = (e as Error).message
    } finally {
      working.value = ''
    }
  }

  return { working, saved, problem, notice, save, print, open, remember, canOpen: platform.canOpenPath }
}
