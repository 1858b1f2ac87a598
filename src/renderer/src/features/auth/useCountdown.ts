import { onBeforeUnmount, ref } from 'vue'

/** Seconds left of a wait (after wrong passphrases), ticking down to 0. */
export function useCountdown() {
  const seconds = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  function start(ms: number): void {
    clearInterval(timer)
    const until = Date.now() + ms
    seconds.value = Math.ceil(ms / 1000)
    timer = setInterval(() => {
      seconds.value = Math.max(0, Math.ceil((until - Date.now()) / 1000))
      if (seconds.value === 0) clearInterval(timer)
    }, 250)
  }
  onBeforeUnmount(() => clearInterval(timer))
  return { seconds, start }
}
