import type { z } from 'zod';
import { summarizeZodError } from '../../src-shared/kernel/app-error';
import { HttpError } from './http-error';

/** Parses untrusted input with a zod schema; failure is a 400 naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw HttpError.badRequest(`Invalid ${what}: ${summarizeZodError(result.error)}`, result.error.issues.slice(0, 20));
  }
  return result.data;
}
