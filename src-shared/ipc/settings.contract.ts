import { z } from 'zod';
import { defineChannel } from './contract';

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

export const settingsSchema = z.object({
  language: z.enum(languages),
  /** Central server the local replica syncs with. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** Minutes between periodic syncs (live replication runs as well while connected). */
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  /** Minutes of inactivity before the session locks. */
  idleLockMinutes: z.number().int().min(1).max(480),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'nb',
  serverUrl: 'http://127.0.0.1:4318',
  syncIntervalMinutes: 5,
  idleLockMinutes: 15,
};

export const settingsGetChannel = defineChannel('settings:get', z.void(), settingsSchema);
export const settingsUpdateChannel = defineChannel('settings:update', settingsSchema.partial().strict(), settingsSchema);
