/**
 * Electron main: thin lifecycle. Everything with logic lives in plain modules (services/, windows/,
 * ipc/) that take the Electron objects as parameters and are tested in Node.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, safeStorage, session, shell } from 'electron';
import { registerElectronIpc } from './ipc/electron-ipc';
import { APP_NAME, APP_VERSION } from './services/app-info/app-info.service';
import { composeServices, secretsFilePath, type ComposedServices } from './services/compose-services';
import { createSafeStorageSecureStore } from './services/secure-store/safe-storage-secure-store';
import { systemBrowser } from './services/session/oidc/system-browser';
import { createAppPageMatcher, type AppPage } from './windows/app-origin';
import { buildContentSecurityPolicy, httpOrigin } from './windows/content-security-policy';
import { installCspHeader } from './windows/csp-header';
import { openMainWindow } from './windows/main-window';
import { installNavigationGuards } from './windows/navigation-guards';
import { denyPermissionsByDefault } from './windows/permissions';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDir, '../preload/preload.cjs');
// electron-builder copies resources/ into the package's resources folder (extraResources).
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(mainDir, '../../resources');
// …and vendor/schemas (Arkivverket's schemas, copied into the Noark 5 package) into its schemas folder.
const schemasDir = app.isPackaged ? join(process.resourcesPath, 'schemas') : join(mainDir, '../../vendor/schemas');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const page: AppPage = devServerUrl ? { kind: 'dev-server', url: devServerUrl } : { kind: 'file', indexHtmlPath: join(mainDir, '../renderer/index.html') };

// Tests and side-by-side profiles give each run its own data folder.
if (process.env.SAKSFLYT_DATA_DIR) app.setPath('userData', resolve(process.env.SAKSFLYT_DATA_DIR));
app.setName(APP_NAME);
app.enableSandbox();

let services: ComposedServices | undefined;

app.on('web-contents-created', (_event, contents) => {
  installNavigationGuards(contents, {
    openExternal: (url) => shell.openExternal(url),
    onBlocked: (what, url) =>
      void services?.logger.write({ level: 'warn', message: `Blocked ${what}`, context: { url }, source: 'main' }).catch(() => undefined),
  });
});

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  services = await composeServices({
    appInfo: { name: APP_NAME, version: APP_VERSION, shell: 'electron', platform: process.platform, dataDir },
    secureStore: createSafeStorageSecureStore({ safeStorage, platform: process.platform, filePath: secretsFilePath(dataDir) }),
    logSource: 'main',
    resourcesDir,
    schemasDir,
    // Feide's pages open in the user's own browser, never in a window of the app (RFC 8252).
    oidcBrowser: systemBrowser((url) => shell.openExternal(url)),
  });
  const { settings } = services;
  denyPermissionsByDefault(session.defaultSession);
  installCspHeader(session.defaultSession, async () => {
    const serverOrigin = httpOrigin((await settings.get()).serverUrl);
    return buildContentSecurityPolicy({ connectSources: serverOrigin ? [serverOrigin] : [], devServer: page.kind === 'dev-server' });
  });
  registerElectronIpc(services.handlers, createAppPageMatcher(page));
  await openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
}

function openWindow(): Promise<BrowserWindow> {
  return openMainWindow((options) => new BrowserWindow(options), { preloadPath, page });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Let the archive outbox finish the delivery under way (it resumes queued ones on the next start).
  let closing = false;
  app.on('will-quit', (event) => {
    if (!services || closing) return;
    closing = true;
    event.preventDefault();
    void services
      .close()
      .catch(() => undefined)
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(`Saksflyt failed to start: ${String(error)}`);
      app.exit(1);
    });
}
