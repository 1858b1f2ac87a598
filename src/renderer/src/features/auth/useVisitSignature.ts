import { computed, ref, shallowRef } from 'vue'
import { visitSigning } from '@renderer/security/instance'
import type { SignedState } from '@renderer/security/signing'
import type { AddendumInput } from '@renderer/security/signatures'
import { messageOf } from './authContext'

/** A visit's signature and addenda for the editor: signed visits are read-only. */
export function useVisitSignature(visitId: string) {
  const state = shallowRef<SignedState>({ signature: null, addenda: [], check: null })
  const loaded = ref(false)
  const error = ref('')
  const signed = computed(() => state.value.signature !== null)

  async function load(): Promise<void> {
    try {
      state.value = await visitSigning.state(visitId)
      error.value = ''
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loaded.value = true
    }
  }

  async function sign(): Promise<boolean> {
    try {
      await visitSigning.sign(visitId)
      await load()
      return true
    } catch (e) {
      error.value = messageOf(e)
      return false
    }
  }

  async function addAddendum(input: AddendumInput): Promise<boolean> {
    try {
      await visitSigning.addAddendum(visitId, input)
      await load()
      return true
    } catch (e) {
      error.value = messageOf(e)
      return false
    }
  }

  void load()
  return { state, loaded, error, signed, load, sign, addAddendum }
}
