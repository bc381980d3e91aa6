import type { z } from 'zod';
import type { Actor } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { createdStateOf } from '../../src-shared/domain/case/case-change';
import { summarizeZodError } from '../../src-shared/kernel/app-error';
import { hasControlCharacter, withoutControlCharacters } from '../../src-shared/kernel/control-characters';
import { jsonEqual, type JsonRecord } from '../../src-shared/sync/json-value';
import type { PushResponse, PushRow, Rejection } from '../../src-shared/sync/push.schema';
import type { SyncDocument } from '../../src-shared/sync/sync-document.schema';
import { changedPaths } from '../../src-shared/sync/three-way-merge';
import { appendAudit, type AuditEntry } from '../audit/audit-log';
import type { Database, Sql } from '../db/database';
import type { FeedRow } from './change-feed';
import type { SyncCollection } from './sync-collections';
import { nothingQueued, type CaseStepHook } from './step-commands';
import { caseScopeOf, projectForActor, VisibilityContext, type CaseScope } from './visibility';
import { checkWrite } from './write-policy';

export interface PushInput {
  db: Database;
  collection: SyncCollection & { wireSchema: z.ZodType<Record<string, unknown>> };
  actor: Actor;
  deviceId: string;
  rows: PushRow[];
  /** NOTIFY channel told about accepted changes (live streams). */
  channel: string;
  /** Runs the server's side of an accepted change of a case (notices, integration calls). */
  caseSteps?: CaseStepHook;
}

type RowOutcome =
  | { kind: 'accepted'; revision: number; detail: Record<string, unknown> }
  | { kind: 'unchanged'; revision?: number }
  | { kind: 'conflict'; revision: number; master: SyncDocument }
  | { kind: 'rejected'; rejection: Rejection };

type StoredRow = Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'case_id' | 'subject_person_id' | 'scope_history' | 'txid' | 'seq' | 'version'>;

const MAX_SCOPE_HISTORY = 50;
const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** A lone row's unexpected failure: it aborted the whole transaction (there was no savepoint). */
class LoneRowFailed extends Error {}

/**
 * Applies pushed rows in one transaction, each under a row lock and (when there are several) in
 * its own savepoint:
 * - stored state equals the pushed state → success (a retried push is idempotent);
 * - stored state differs from the client's assumed master state → the stored one is returned as a
 *   conflict (only when the user may see it; otherwise the row is refused as forbidden);
 * - otherwise the access rules and the shared workflow check run on the change; a refusal is
 *   returned for that row with a machine-readable reason and the other rows go on.
 * A row that fails unexpectedly is rolled back alone and refused as `internal-error` (a lone row
 * has no savepoint, one round trip less each way: its transaction is rolled back and the refusal
 * written in a new one). Documents are stored exactly as pushed. Every accepted, refused and
 * conflicting row is audited; the statement that writes a row also NOTIFYs live streams.
 */
export async function push(input: PushInput): Promise<PushResponse> {
  const primaryKey = input.collection.primaryKey;
  const ids = input.rows.map((row) => row.newDocumentState[primaryKey]);
  let failed: unknown;
  for (let attempt = 1; ; attempt++) {
    // The e-mail outbox and the job worker are woken only once what the steps queued has committed.
    const queued = nothingQueued();
    const caseSteps: CaseStepHook | undefined = input.caseSteps && {
      ...input.caseSteps,
      accepted: async (tx, step) => {
        const stepQueued = await input.caseSteps!.accepted(tx, step);
        queued.email ||= stepQueued.email;
        queued.jobs ||= stepQueued.jobs;
        return stepQueued;
      },
    };
    try {
      const response = await input.db.transaction((tx) => pushInTransaction(tx, { ...input, caseSteps }, ids, failed));
      if (queued.email || queued.jobs) input.caseSteps?.committed(queued);
      return response;
    } catch (error) {
      const cause = error instanceof LoneRowFailed ? error.cause : error;
      const code = (cause as { code?: unknown } | null)?.code;
      if (attempt < 3 && typeof code === 'string' && RETRYABLE.has(code)) continue;
      if (error instanceof LoneRowFailed && failed === undefined) {
        failed = ids[0];
        continue;
      }
      throw cause;
    }
  }
}

/** `failed`: the id of a lone row that failed in an earlier attempt, now only refused and audited. */
async function pushInTransaction(tx: Sql, input: PushInput, ids: unknown[], failed: unknown): Promise<PushResponse> {
  const { collection, actor } = input;
  const stored = await lockRows(tx, collection.name, ids.filter(isDocumentId));
  const visibility = new VisibilityContext(tx, actor);
  const response: PushResponse = { conflicts: [], rejections: [], revisions: {} };
  const audit: AuditEntry[] = [];
  const alone = input.rows.length === 1;

  for (const [index, row] of input.rows.entries()) {
    const pushedId = ids[index];
    if (!isDocumentId(pushedId)) {
      // Not a key the database can hold: refused alone, and audited under a printable stand-in.
      const id = printableId(pushedId);
      const message = `"${collection.primaryKey}" must be text of 1–64 characters without control characters`;
      response.rejections.push({ id, reason: 'invalid-document', message, masterState: null });
      audit.push({
        actorId: actor.userId,
        deviceId: input.deviceId,
        action: 'push',
        collection: collection.name,
        documentId: id,
        outcome: 'rejected',
        reason: 'invalid-document',
      });
      continue;
    }
    const id = pushedId;
    const internalError: RowOutcome = {
      kind: 'rejected',
      rejection: { id, reason: 'internal-error', message: 'The server could not store this change; it was kept aside.', masterState: null },
    };
    let outcome: RowOutcome;
    if (alone) {
      try {
        outcome = id === failed ? internalError : await applyRow(tx, input, visibility, stored, id, row);
      } catch (error) {
        throw new LoneRowFailed('The pushed row could not be stored', { cause: error });
      }
    } else {
      await tx.query('SAVEPOINT push_row');
      try {
        outcome = await applyRow(tx, input, visibility, stored, id, row);
        await tx.query('RELEASE SAVEPOINT push_row');
      } catch {
        await tx.query('ROLLBACK TO SAVEPOINT push_row');
        outcome = internalError;
      }
    }
    const base = {
      actorId: actor.userId,
      deviceId: input.deviceId,
      onBehalfOf: row.context?.onBehalfOf ?? null,
      action: row.context?.resolvesConflict ? 'resolve-conflict' : 'push',
      collection: collection.name,
      documentId: id,
    };
    if (outcome.kind !== 'rejected' && outcome.revision !== undefined) response.revisions[id] = outcome.revision;
    switch (outcome.kind) {
      case 'unchanged':
        break;
      case 'accepted':
        audit.push({
          ...base,
          outcome: 'accepted',
          detail: { ...outcome.detail, ...(row.context?.resolvesConflict ? { resolves: row.context.resolvesConflict } : {}) },
        });
        break;
      case 'conflict':
        response.conflicts.push(outcome.master);
        audit.push({ ...base, outcome: 'conflict' });
        break;
      case 'rejected':
        response.rejections.push(outcome.rejection);
        audit.push({ ...base, outcome: 'rejected', reason: outcome.rejection.reason, detail: outcome.rejection.code ? { code: outcome.rejection.code } : {} });
        break;
    }
  }
  await appendAudit(tx, audit);
  return response;
}

async function lockRows(tx: Sql, collection: string, ids: string[]): Promise<Map<string, StoredRow>> {
  const rows = await tx.query<StoredRow>(
    `SELECT id, doc, deleted, case_id, subject_person_id, scope_history, txid::text AS txid, seq, version FROM sync_documents
      WHERE collection = $1 AND id = ANY($2) ORDER BY id FOR UPDATE`,
    [collection, [...new Set(ids)]],
    { prepare: 'push-lock-rows' },
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function applyRow(
  tx: Sql,
  input: PushInput,
  visibility: VisibilityContext,
  stored: Map<string, StoredRow>,
  id: string,
  row: PushRow,
): Promise<RowOutcome> {
  const { collection, actor } = input;
  let next = row.newDocumentState;
  const current = stored.get(id);
  const currentWire = current ? wireOf(current) : null;
  const master = current ? await projectForActor(collection, current, visibility) : null;
  const reject = (rejection: Omit<Rejection, 'id' | 'masterState'>): RowOutcome => ({
    kind: 'rejected',
    rejection: { id, ...rejection, masterState: master },
  });

  const parsed = collection.wireSchema.safeParse(next);
  if (!parsed.success) return reject({ reason: 'invalid-document', message: summarizeZodError(parsed.error).slice(0, 2000) });
  const problem = documentProblem(parsed.data, next);
  if (problem) return reject({ reason: 'invalid-document', message: problem });

  if (current && currentWire) {
    if (jsonEqual(currentWire, next) || (master && jsonEqual(master, next))) return { kind: 'unchanged', revision: current.version };
    const assumed = row.assumedMasterState;
    if (!assumed || !(jsonEqual(currentWire, assumed) || (master && jsonEqual(master, assumed)))) {
      return master
        ? { kind: 'conflict', revision: current.version, master }
        : reject({ reason: 'forbidden', message: 'You no longer have access to this document.' });
    }
  }

  // A document created and deleted before it ever reached the server: nothing to store.
  if (!current && next._deleted === true) return { kind: 'unchanged' };

  // The pushed state is (at most) what the actor was given: put back what it was not.
  if (current) next = { ...(await visibility.restore(collection, current, next)), _deleted: next._deleted };
  const refusal = await checkWrite({ collection, actor, before: currentWire, after: next, visibility, tx });
  if (refusal) return reject(refusal);

  const { _deleted: deleted, ...doc } = next;
  const caseId = collection.visibility === 'case' ? id : collection.visibility === 'case-child' ? String(next.caseId) : null;
  const subject = collection.visibility === 'case' ? (next as unknown as Case).subjectPersonId || null : null;
  let history = current?.scope_history ?? '[]';
  let scopeChanged = collection.visibility === 'case' && !current;
  if (collection.visibility === 'case' && current && currentWire) {
    const before = caseScopeOf(currentWire as unknown as Case);
    if (!jsonEqual(before, caseScopeOf(next as unknown as Case))) {
      history = JSON.stringify([...(JSON.parse(history) as CaseScope[]), before].slice(-MAX_SCOPE_HISTORY));
      scopeChanged = true;
    }
  }
  const values = [collection.name, id, JSON.stringify(doc), deleted === true, caseId, subject, history, input.channel];
  let revision: number;
  if (current) {
    const [updated] = await tx.query<{ version: number }>(
      `UPDATE sync_documents SET doc = $3, deleted = $4, case_id = $5, subject_person_id = $6, scope_history = $7,
              txid = pg_current_xact_id(), seq = nextval('sync_seq'), version = version + 1
        WHERE collection = $1 AND id = $2 RETURNING version, pg_notify($8, $1)`,
      values,
      { prepare: 'push-update-row' },
    );
    revision = updated!.version;
  } else {
    const inserted = await tx.query<{ version: number }>(
      `INSERT INTO sync_documents (collection, id, doc, deleted, case_id, subject_person_id, scope_history)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (collection, id) DO NOTHING RETURNING version, pg_notify($8, $1)`,
      values,
      { prepare: 'push-insert-row' },
    );
    revision = inserted[0]?.version ?? 0;
    if (!inserted.length) {
      // Another transaction inserted the same id after our lock query: compare against it.
      const again = await lockRows(tx, collection.name, [id]);
      return applyRow(tx, input, visibility, again, id, row);
    }
  }
  if (scopeChanged) await resequenceDependants(tx, input.channel, id, [current?.subject_person_id ?? null, subject]);
  if (input.caseSteps && collection.name === 'cases' && !deleted) {
    // A case created and stepped on before it reached the server runs its steps' commands too.
    const before = currentWire ? (currentWire._deleted ? null : (currentWire as unknown as Case)) : createdStateOf(doc as unknown as Case, actor);
    if (before) await input.caseSteps.accepted(tx, { before, after: doc as unknown as Case, actor });
  }
  stored.set(id, {
    ...(current ?? { txid: '0', seq: 0 }),
    id,
    doc: values[2] as string,
    deleted: deleted === true,
    case_id: caseId,
    subject_person_id: subject,
    scope_history: history,
    version: revision,
  });
  return {
    kind: 'accepted',
    revision,
    detail: { change: current ? (deleted ? 'delete' : 'update') : 'insert', fields: changedPaths(currentWire ?? undefined, next).slice(0, 50) },
  };
}

/**
 * When who may see a case changes, its notes, documents, tasks and the people it is about get new
 * feed positions, so every client re-evaluates them: newly allowed users receive them, users who
 * lost access get them purged. Their collections' live streams are notified (PostgreSQL folds
 * repeated notifications of one transaction into one).
 */
async function resequenceDependants(tx: Sql, channel: string, caseId: string, subjects: (string | null)[]): Promise<void> {
  await tx.query(
    `UPDATE sync_documents SET txid = pg_current_xact_id(), seq = nextval('sync_seq'), version = version + 1
      WHERE case_id = $1 AND collection <> 'cases' RETURNING pg_notify($2, collection)`,
    [caseId, channel],
  );
  const people = [...new Set(subjects.filter((subject): subject is string => !!subject))];
  if (people.length) {
    await tx.query(
      `UPDATE sync_documents SET txid = pg_current_xact_id(), seq = nextval('sync_seq'), version = version + 1
        WHERE collection = 'people' AND id = ANY($1) RETURNING pg_notify($2, collection)`,
      [people, channel],
    );
  }
}

/** A key the database can hold: 1–64 characters, no control characters (PostgreSQL refuses NUL). */
function isDocumentId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 64 && !hasControlCharacter(id);
}

function printableId(id: unknown): string {
  return withoutControlCharacters(typeof id === 'string' ? id : (JSON.stringify(id) ?? 'undefined')).slice(0, 64) || '(empty)';
}

/** The largest document the server stores (its fields have their own limits in the schemas). */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/**
 * Why a schema-valid document is still not stored: fields its schema does not know (the server
 * stores documents only as their schema describes them), NUL characters, or its size.
 */
function documentProblem(parsed: Record<string, unknown>, pushed: JsonRecord): string | null {
  const problem = textProblem(pushed);
  if (problem) return problem;
  const unknown = changedPaths(parsed as JsonRecord, pushed);
  if (unknown.length > 0) return `Unknown fields: ${unknown.slice(0, 5).join(', ')}`;
  const bytes = Buffer.byteLength(JSON.stringify(pushed));
  return bytes > MAX_DOCUMENT_BYTES ? `The document is ${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES}` : null;
}

/** Deeper than any schema goes; refused rather than walked. */
const MAX_DEPTH = 32;

/** A NUL in any text or key, or nesting deeper than MAX_DEPTH (walked without recursion). */
function textProblem(value: unknown): string | null {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) return `The document is nested more than ${MAX_DEPTH} levels deep`;
    if (typeof node === 'string' && node.includes('\u0000')) return 'Text may not contain NUL characters';
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, item] of Object.entries(node)) {
      if (key.includes('\u0000')) return 'Text may not contain NUL characters';
      pending.push({ node: item, depth: depth + 1 });
    }
  }
  return null;
}

function wireOf(row: Pick<FeedRow, 'doc' | 'deleted'>): SyncDocument {
  return { ...(JSON.parse(row.doc) as JsonRecord), _deleted: row.deleted };
}
