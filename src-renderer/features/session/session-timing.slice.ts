import type { StateCreator } from 'zustand';
import { defaultSettings, type Settings } from '../../../src-shared/ipc/settings.contract';
import type { AppState } from '../../app/store';

export interface SessionTimingSlice {
  /** Minutes between periodic syncs (settings); the running replication follows changes. */
  syncIntervalMinutes: number;
  /** Minutes without activity before the session locks (settings). */
  idleLockMinutes: number;
  /** Takes the timing from saved settings (at start and after the settings page saves). */
  setSessionTiming: (settings: Pick<Settings, 'syncIntervalMinutes' | 'idleLockMinutes'>) => void;
}

export const createSessionTimingSlice: StateCreator<AppState, [], [], SessionTimingSlice> = (set) => ({
  syncIntervalMinutes: defaultSettings.syncIntervalMinutes,
  idleLockMinutes: defaultSettings.idleLockMinutes,
  setSessionTiming: ({ syncIntervalMinutes, idleLockMinutes }) => set({ syncIntervalMinutes, idleLockMinutes }),
});
