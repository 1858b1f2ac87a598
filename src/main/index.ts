/**
 * Electron main process: lifecycle, the one window, the app:// scheme, IPC. Kept small; the
 * logic it calls lives in modules that run and are tested without Electron.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell } from 'electron'
import { APP_NAME, APP_ORIGIN, APP_SCHEME } from '../shared/csp'
import { createDispatcher } from './dispatch'
import { createHandlers } from './handlers'
import { emit, registerIpc } from './ipc'
import { buildMenu } from './menu'
import { serveAsset } from './protocol'
import { guardContents, guardSession, isTrustedSender } from './security'
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState } from './window-state'

// Fixed name and data folder: IndexedDB lives per profile folder, so these must never change.
app.setName(APP_NAME)
app.setPath('userData', join(app.getPath('appData'), APP_NAME))

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
])

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const log = (msg: string): void => console.warn(`[security] ${msg}`)
let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app
    .whenReady()
    .then(start)
    .catch((e) => {
      console.error(e)
      app.quit()
    })
}

app.on('web-contents-created', (_e, contents) => guardContents(contents, log, devServerUrl))
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

/** Listeners for the page going away (reload, navigation, close): file streams it left open end. */
const pageGone = new Set<() => void>()

function start(): void {
  const rendererRoot = join(__dirname, '../renderer')
  protocol.handle(APP_SCHEME, (req) => serveAsset(rendererRoot, req.url))
  guardSession(session.defaultSession, log, devServerUrl)

  const handlers = createHandlers({
    onPageGone: (fn) => pageGone.add(fn),
    dialog: {
      async chooseSavePath(suggestedName, filters) {
        const r = await dialog.showSaveDialog(mainWindow!, {
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters,
        })
        return r.canceled || !r.filePath ? null : r.filePath
      },
      async chooseOpenPath(filters) {
        const r = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
    },
    shell: { openPath: (p) => shell.openPath(p) },
    appInfo: () => ({
      name: APP_NAME,
      version: app.getVersion(),
      dataPath: app.getPath('userData'),
      platform: process.platform,
      runtime: 'electron',
      electronVersion: process.versions.electron,
    }),
  })
  registerIpc(
    createDispatcher(handlers),
    (event) =>
      mainWindow !== null &&
      BrowserWindow.fromWebContents(event.sender) === mainWindow &&
      isTrustedSender(event.senderFrame, devServerUrl),
  )

  Menu.setApplicationMenu(buildMenu(APP_NAME, () => emit(mainWindow?.webContents, 'menu:about')))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const state = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f7f8fa',
    // Literal here (not built elsewhere) so security scanners and reviewers see it at a glance.
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  mainWindow = win
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const b = win.getNormalBounds()
    void saveWindowState(stateFile, { ...b, maximized: win.isMaximized() }).catch(() => undefined)
  })
  win.webContents.on('did-navigate', () => pageGone.forEach((fn) => fn()))
  win.on('closed', () => {
    pageGone.forEach((fn) => fn())
    mainWindow = null
  })
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}
