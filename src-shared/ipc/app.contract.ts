import { z } from 'zod';
import { defineChannel } from './contract';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the renderer runs: inside Electron or in a plain browser through the browser host. */
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appInfoChannel = defineChannel('app:info', z.void(), appInfoSchema);
