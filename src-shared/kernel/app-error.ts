import { z } from 'zod';

/** Every failure that crosses a boundary (IPC, HTTP, sync) is one of these kinds. */
export const appErrorKinds = ['validation', 'not-found', 'conflict', 'forbidden', 'precondition', 'external', 'internal'] as const;
export type AppErrorKind = (typeof appErrorKinds)[number];

/** The HTTP status each kind of error is answered with, by the server and by the browser host alike. */
export const httpStatusOfKind: Readonly<Record<AppErrorKind, number>> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  precondition: 412,
  external: 502,
  internal: 500,
};

export const appErrorSchema = z.object({
  kind: z.enum(appErrorKinds),
  message: z.string(),
  /** Machine-readable detail, e.g. zod issues or a workflow reason code. */
  details: z.unknown().optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly details: unknown;

  constructor(kind: AppErrorKind, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined ? { kind: this.kind, message: this.message } : { kind: this.kind, message: this.message, details: this.details };
  }

  /** Wraps anything thrown into an AppError; unknown throwables become `internal`. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (error instanceof z.ZodError) {
      return new AppError('validation', summarizeZodError(error), error.issues);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('internal', message);
  }
}

/** One readable line per issue: `path: message`. */
export function summarizeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('; ');
}
