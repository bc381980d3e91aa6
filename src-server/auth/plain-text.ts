import { z } from 'zod';

/**
 * Text a client sends to the auth routes: no control characters. PostgreSQL refuses NUL in text
 * (that was a 500), and the others have no place in names, passwords or tokens (nor in the log).
 */
export function plainText(max: number) {
  return z.string().min(1).max(max).regex(/^\P{Cc}*$/u, 'must not contain control characters');
}
