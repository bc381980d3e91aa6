import type { IncomingMessage } from 'node:http';
import { MAX_PAYLOAD_BYTES } from '../../src-shared/ipc/contract';
import type { Handlers } from '../../src-shared/ipc/channels';
import { dispatch } from '../../src-shared/ipc/dispatch';
import { AppError, httpStatusOfKind, type AppErrorKind } from '../../src-shared/kernel/app-error';
import { fail, type Result } from '../../src-shared/kernel/result';

export const RPC_PREFIX = '/rpc/';

export interface RpcReply {
  status: number;
  envelope: Result<unknown>;
}

export function replyFor(envelope: Result<unknown>, status?: number): RpcReply {
  return { status: status ?? (envelope.ok ? 200 : httpStatusOfKind[envelope.error.kind]), envelope };
}

export function errorReply(kind: AppErrorKind, message: string, status?: number): RpcReply {
  return replyFor(fail(new AppError(kind, message)), status);
}

/**
 * `POST /rpc/<channel>` with the channel's JSON input as the body (an empty body means no input).
 * Every outcome is an envelope; HTTP status mirrors the error kind (413 for an oversized body).
 */
export async function handleRpc(req: IncomingMessage, rawChannel: string, handlers: Handlers): Promise<RpcReply> {
  if (req.method !== 'POST') return errorReply('validation', `Use POST for ${RPC_PREFIX}<channel>`, 405);
  let channel: string;
  try {
    channel = decodeURIComponent(rawChannel);
  } catch {
    return errorReply('validation', 'Channel name is not valid URL encoding');
  }
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  if (declaredLength > MAX_PAYLOAD_BYTES) return tooLarge(declaredLength);
  const body = await readBody(req);
  if (body === 'too-large') return tooLarge();
  const text = body.toString('utf8');
  if (text.trim() !== '' && !isJsonContentType(req.headers['content-type'])) {
    return errorReply('validation', 'Content-Type must be application/json', 415);
  }
  let rawInput: unknown;
  try {
    rawInput = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return errorReply('validation', 'Request body is not valid JSON');
  }
  return replyFor(await dispatch(handlers, channel, rawInput));
}

function tooLarge(bytes?: number): RpcReply {
  const payload = bytes === undefined ? 'Payload' : `Payload of ${bytes} bytes`;
  return errorReply('validation', `${payload} exceeds ${MAX_PAYLOAD_BYTES} bytes`, 413);
}

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Past this much, a client still sending is cut off instead of drained. */
const DRAIN_LIMIT_BYTES = 8 * MAX_PAYLOAD_BYTES;

/**
 * Reads the body up to the limit. Past it, answers at once and drains (discards) the rest, so the
 * client can finish sending and read the 413 instead of seeing a reset connection.
 */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > DRAIN_LIMIT_BYTES) req.destroy();
      if (total > MAX_PAYLOAD_BYTES) {
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
