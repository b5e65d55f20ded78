import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_CHANNEL, PUSH_CHANNEL } from '../../shared/api/bridge';
import { ApiError } from '../../shared/api/errors';
import { t } from '../../shared/messages/vi';
import { openApp, type App } from '../app/compose';
import { DATA_DIR_ENV } from '../app/paths';
import { newContext, type CallContext } from '../services/context';
import { contentSecurityPolicy } from '../host/csp';

/**
 * Electron host: thin glue around the same composition root and dispatch the
 * browser mode uses. One IPC channel in, one push channel out; the sender frame
 * is checked on every call.
 */

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** better-sqlite3 built for Electron's ABI lives apart from the Node build (see scripts/electron-native.mjs). */
function nativeBinding(appRoot: string): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(appRoot, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

let core: App | null = null;
const contexts = new Map<number, CallContext>();

function createWindow(rendererIndex: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: t('app.shortTitle'),
    show: false,
    webPreferences: {
      preload: path.join(__dirname_(), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(pathToFileURL(rendererIndex).toString());
  return win;
}

function __dirname_(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const dataDir = path.resolve(argValue('--data-dir') ?? process.env[DATA_DIR_ENV] ?? app.getPath('userData'));
  try {
    core = openApp({ dataDir, host: 'electron', appRoot, nativeBinding: nativeBinding(appRoot) });
  } catch (err) {
    dialog.showErrorBox(t('app.shortTitle'), err instanceof ApiError ? err.message : String(err));
    app.exit(1);
    return;
  }
  const rendererIndex = path.join(core.paths.rendererDir, 'index.html');
  const rendererUrl = pathToFileURL(rendererIndex).toString();

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] },
    }),
  );

  ipcMain.handle(API_CHANNEL, async (event, request: unknown) => {
    const frame = event.senderFrame;
    // Only our own page in the top frame may call the API.
    if (!frame || frame.parent !== null || frame.url !== rendererUrl || !core) {
      return { id: 0, ok: false, error: ApiError.of('FORBIDDEN').toShape() };
    }
    const wc = event.sender;
    let ctx = contexts.get(wc.id);
    if (!ctx) {
      ctx = newContext((name, payload) => {
        if (!wc.isDestroyed()) wc.send(PUSH_CHANNEL, { event: name, payload });
      });
      contexts.set(wc.id, ctx);
      wc.once('destroyed', () => contexts.delete(wc.id));
    }
    return core.dispatch(ctx, request);
  });

  core.services.bus.subscribe((event, payload) => {
    for (const ctx of contexts.values()) if (core?.services.auth.isActive(ctx)) ctx.push?.(event, payload);
  });
  createWindow(rendererIndex);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) app.quit();
app.whenReady().then(start, (err: unknown) => {
  dialog.showErrorBox(t('app.shortTitle'), String(err));
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  // Let a job being sent finish and the database close cleanly before the process ends.
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.close().finally(() => app.exit(0));
});
