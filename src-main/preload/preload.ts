/**
 * Sandboxed preload, bundled to out/preload/preload.cjs. It may only require `electron` (and
 * Node's events, timers, url): everything else is bundled in by electron-vite.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld(
  'saksflyt',
  createPreloadApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
