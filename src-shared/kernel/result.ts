import { z } from 'zod';
import { AppError, appErrorSchema, type AppErrorData } from './app-error';

/** The envelope every IPC/RPC call returns: never a thrown error across a boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error: error.toData() });

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: appErrorSchema })]);

/** Unwraps a result, re-throwing the error as an AppError (renderer-side convenience). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.kind, result.error.message, result.error.details);
}
