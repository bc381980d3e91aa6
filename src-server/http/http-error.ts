import { AppError, httpStatusOfKind, type AppErrorKind } from '../../src-shared/kernel/app-error';
import type { SyncError, SyncErrorCode } from '../../src-shared/sync/sync-error.schema';
import { isUnstorableText } from './unstorable-text';

/** An AppError with the HTTP status and machine-readable code it is answered with. */
export class HttpError extends AppError {
  readonly status: number;
  readonly code: SyncErrorCode;

  constructor(status: number, code: SyncErrorCode, kind: AppErrorKind, message: string, details?: unknown) {
    super(kind, message, details);
    this.status = status;
    this.code = code;
  }

  toBody(): SyncError {
    const body: SyncError = { kind: this.kind, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  static unauthorized(code: SyncErrorCode, message: string): HttpError {
    return new HttpError(401, code, 'forbidden', message);
  }

  static badRequest(message: string, details?: unknown): HttpError {
    return new HttpError(400, 'bad-request', 'validation', message, details);
  }

  /** Any thrown value as an HttpError; unknown failures become a 500 without internals. */
  static override from(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own 4xx (unparseable JSON, body too large, wrong content type).
      return new HttpError(fastifyStatus, 'bad-request', 'validation', (error as Error).message);
    }
    if (isUnstorableText(error)) return HttpError.badRequest('Invalid input: text must not contain NUL (U+0000)');
    const appError = AppError.from(error);
    if (appError.kind === 'internal') return new HttpError(500, 'internal', 'internal', 'Internal server error');
    const code: SyncErrorCode =
      appError.kind === 'validation' ? 'bad-request' : appError.kind === 'not-found' ? 'not-found' : appError.kind === 'conflict' ? 'conflict' : 'bad-request';
    return new HttpError(httpStatusOfKind[appError.kind], code, appError.kind, appError.message, appError.details);
  }
}
