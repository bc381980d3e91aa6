import { z } from 'zod';
import { defineChannel } from './contract';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;

export const logEntrySchema = z.object({
  level: z.enum(logLevels),
  message: z.string().max(4000),
  context: z.record(z.string(), z.unknown()).optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** Renderer logs go to the main process's log file. */
export const logWriteChannel = defineChannel('log:write', logEntrySchema, z.object({ written: z.boolean() }));
