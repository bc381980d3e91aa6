import { ipcMain } from 'electron';
import type { Handlers } from '../../src-shared/ipc/channels';
import { registerIpc } from './register-ipc';

/** Binds the contract to Electron's real ipcMain (the only place main touches raw IPC). */
export function registerElectronIpc(handlers: Handlers, isAppPage: (url: string) => boolean): () => void {
  return registerIpc({ ipcMain, handlers, isAppPage });
}
