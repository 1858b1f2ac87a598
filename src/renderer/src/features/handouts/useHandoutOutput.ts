/**
 * Saving and printing a handout, and remembering it on the visit: shared by the editor and the
 * reissue screen so both record the same thing.
 */
import { ref } from 'vue'
import { platform } from '@renderer/platform'
import { sha256Hex, suggestedFileName, type HandoutSpec, type StoredHandout } from '@renderer/handouts/spec'
import { useHandoutHistoryStore } from '@renderer/stores/handoutHistory'

export interface SavedFile {
  name: string
  path: string | null
}

export function useHandoutOutput() {
  const history = useHandoutHistoryStore()
  const working = ref<'' | 'saving' | 'printing' | 'opening'>('')
  const saved = ref<SavedFile | null>(null)
  const problem = ref('')
  const notice = ref('')

  async function remember(
    spec: HandoutSpec,
    pdf: Uint8Array,
    fileName?: string,
  ): Promise<StoredHandout | undefined> {
    if (!spec.visitId) return undefined
    const stored: StoredHandout = {
      id: crypto.randomUUID(),
      spec,
      createdAt: new Date().toISOString(),
      sha256: await sha256Hex(pdf),
      ...(fileName ? { fileName } : {}),
    }
    await history.record(spec.visitId, stored)
    return stored
  }

  async function run(kind: 'saving' | 'printing', fn: () => Promise<void>): Promise<void> {
    working.value = kind
    problem.value = ''
    notice.value = ''
    try {
      await fn()
    } catch (e) {
      problem.value = (e as Error).message || 'Something went wrong.'
    } finally {
      working.value = ''
    }
  }

  function save(spec: HandoutSpec, pdf: Uint8Array): Promise<void> {
    return run('saving', async () => {
      const outcome = await platform.saveFile({
        suggestedName: suggestedFileName(spec),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        data: pdf,
      })
      if (outcome.status === 'cancelled') return
      saved.value = { name: outcome.name, path: outcome.path }
      const stored = await remember(spec, pdf, outcome.name)
      notice.value = `Saved as ${outcome.name}${stored ? ' and noted on the visit' : ''}.`
    })
  }

  function print(spec: HandoutSpec, pdf: Uint8Array): Promise<void> {
    return run('printing', async () => {
      await platform.printPdf(pdf, suggestedFileName(spec).replace(/\.pdf$/, ''))
      const stored = await remember(spec, pdf)
      notice.value = `Sent to the printer${stored ? ' and noted on the visit' : ''}.`
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
