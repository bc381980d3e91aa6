import { channels, type Handlers } from '../../src-shared/ipc/channels';
import { dispatch } from '../../src-shared/ipc/dispatch';
import { AppError } from '../../src-shared/kernel/app-error';
import { fail, type Result } from '../../src-shared/kernel/result';

/** The part of an `ipcMain.handle` event used here (Electron's IpcMainInvokeEvent). */
export interface IpcInvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcServeOptions {
  handlers: Handlers;
  /** True for the URL of the app's own page (see windows/app-origin). */
  isAppPage: (url: string) => boolean;
}

/**
 * Serves one IPC call: only from the top frame of the app's own page (else `forbidden`), with at
 * most one argument of JSON data, then through the shared dispatch (unknown channel, size, input parsing).
 */
export async function serveIpcCall(options: IpcServeOptions, channel: string, event: IpcInvokeEventLike, args: unknown[]): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !options.isAppPage(frame.url)) {
    return fail(new AppError('forbidden', `IPC call on ${channel} from an unexpected frame was refused`));
  }
  if (args.length > 1) {
    return fail(new AppError('validation', `${channel} takes at most one argument, got ${args.length}`));
  }
  if (!isJsonData(args[0])) {
    return fail(new AppError('validation', `${channel} input must be JSON data (no cycles, BigInt or the like)`));
  }
  return dispatch(options.handlers, channel, args[0]);
}

/** Structured clone (IPC) carries cycles and BigInt, which JSON (the contract's format) cannot. */
function isJsonData(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** Registers every contract channel on ipcMain; returns a function that removes them again. */
export function registerIpc(options: IpcServeOptions & { ipcMain: IpcMainLike }): () => void {
  const names = Object.values(channels).map((contract) => contract.channel);
  for (const channel of names) {
    options.ipcMain.handle(channel, (event, ...args) => serveIpcCall(options, channel, event, args));
  }
  return () => names.forEach((channel) => options.ipcMain.removeHandler(channel));
}
