import { defineStore } from 'pinia'
import { ref } from 'vue'
import content from 'virtual:reference-content'
import { platform, type AppInfo } from '@renderer/platform'

/** App-wide facts shown in About and Settings. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const aboutOpen = ref(false)
  const contentVersion = content.meta.version
  const contentReviewed = content.meta.lastReviewed

  async function loadInfo(): Promise<AppInfo> {
    info.value ??= await platform.appInfo()
    return info.value
  }

  function showAbout(): void {
    aboutOpen.value = true
    void loadInfo()
  }

  return { info, aboutOpen, contentVersion, contentReviewed, loadInfo, showAbout }
})
