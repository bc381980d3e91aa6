import { sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { anchorKeyFiles, keyId, loadOrCreateSigningKey, type SigningKey } from './anchor-key';

/**
 * The chain's head, anchored outside the database: after every seal the server appends a signed
 * line `{count, hash, lastId, at, key, sig}` to an append-only JSON-lines file (and to its log).
 * Someone who rewrites the database can recompute every hash, but cannot make the chain agree with
 * a head signed before the rewrite, nor sign a new one without the key (anchor-key.ts).
 */
export interface AnchoredHead {
  count: number;
  hash: string;
  lastId: number | null;
  at: string;
}

const lineSchema = z.strictObject({
  count: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  lastId: z.number().int().nullable(),
  at: z.iso.datetime(),
  key: z.string(),
  sig: z.string(),
});

const signedBytes = (head: AnchoredHead) => Buffer.from(`saksflyt-audit-anchor-v1\n${JSON.stringify([head.count, head.hash, head.lastId, head.at])}`);

export interface AnchorCheck {
  lines: number;
  /** The newest valid line. */
  last?: AnchoredHead;
  /** The first line that is not a valid continuation, described. */
  problem?: string;
}

/** One line as the head it signs, or what is wrong with it. */
function checkLine(raw: string, publicKey: KeyObject): AnchoredHead | string {
  let parsed: z.infer<typeof lineSchema>;
  try {
    parsed = lineSchema.parse(JSON.parse(raw));
  } catch {
    return 'is not an anchor line';
  }
  const head: AnchoredHead = { count: parsed.count, hash: parsed.hash, lastId: parsed.lastId, at: parsed.at };
  const valid = verify(null, signedBytes(head), publicKey, Buffer.from(parsed.sig, 'base64'));
  return valid ? head : `does not carry a valid signature of key ${keyId(publicKey)} (altered, or signed with another key)`;
}

/** Checks an anchor file line by line: each signed by `publicKey`, none going back from the one before (clocks may; counts may not). */
export async function readAnchor(file: string, publicKey: KeyObject): Promise<AnchorCheck> {
  let lines = 0;
  let last: AnchoredHead | undefined;
  for await (const raw of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const place = `line ${lines + 1} of ${file}`;
    const head = checkLine(raw, publicKey);
    if (typeof head === 'string') return { lines, last, problem: `${place} ${head}` };
    if (last && (head.count < last.count || (head.count === last.count && head.hash !== last.hash))) {
      return { lines, last, problem: `${place} goes back from the line before it (${last.count} → ${head.count} entries)` };
    }
    last = head;
    lines++;
  }
  return { lines, last };
}

/** The file's last line (the anchor only grows, so the server need not read it all at start). */
function lastLine(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  const length = Math.min(size, 64 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trimEnd().split('\n').at(-1) || undefined;
}

/** The server's anchor file: opened (and checked) at start, appended to after every seal. */
export class AuditAnchor {
  private constructor(
    readonly file: string,
    private readonly key: SigningKey,
    /** The newest anchored head; the sealer refuses to extend a chain that disagrees with it. */
    public last: AnchoredHead | undefined,
  ) {}

  static open(file: string): AuditAnchor {
    const key = loadOrCreateSigningKey(file);
    const raw = lastLine(file);
    const last = raw === undefined ? undefined : checkLine(raw, key.publicKey);
    if (typeof last === 'string') {
      throw new Error(
        `The last line of the audit anchor ${file} ${last}. Keep the file for the record, run "npm run admin -- audit verify", then move it aside.`,
      );
    }
    return new AuditAnchor(file, key, last);
  }

  get keyId(): string {
    return this.key.id;
  }

  get publicKeyFile(): string {
    return anchorKeyFiles(this.file).publicKey;
  }

  get keyCreated(): boolean {
    return this.key.created;
  }

  /** Signs `head` and appends it (flushed to disk); returns the line as written. */
  async append(head: Omit<AnchoredHead, 'at'>, now = new Date()): Promise<string> {
    const anchored: AnchoredHead = { ...head, at: now.toISOString() };
    const sig = sign(null, signedBytes(anchored), this.key.privateKey).toString('base64');
    const line = JSON.stringify({ ...anchored, key: this.key.id, sig });
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(`${line}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.last = anchored;
    return line;
  }
}
