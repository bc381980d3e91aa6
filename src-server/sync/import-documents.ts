import type { Case } from '../../src-shared/domain/case/case.schema';
import { appendAudit } from '../audit/audit-log';
import type { Database, Sql } from '../db/database';
import type { SyncCollection } from './sync-collections';

const BATCH = 500;

/**
 * Trusted bulk write for operators (demo data, migrations from other systems): stores documents as
 * given, new or replacing, without the per-change workflow checks a client push gets. The documents
 * are validated against the collection schema, and one audit entry records each batch.
 */
export async function importDocuments(db: Database, collection: SyncCollection, documents: Record<string, unknown>[], audit: ImportAudit): Promise<number> {
  const schema = collection.schema.strict();
  for (let start = 0; start < documents.length; start += BATCH) {
    const batch = documents.slice(start, start + BATCH).map((doc) => schema.parse(doc) && doc);
    await db.transaction((tx) => writeBatch(tx, collection, batch, audit));
  }
  return documents.length;
}

/** As importDocuments, all in one transaction: every document is stored, or none. */
export async function importAllOrNothing(db: Database, collection: SyncCollection, documents: Record<string, unknown>[], audit: ImportAudit): Promise<number> {
  const schema = collection.schema.strict();
  const checked = documents.map((doc) => schema.parse(doc) && doc);
  await db.transaction(async (tx) => {
    for (let start = 0; start < checked.length; start += BATCH) await writeBatch(tx, collection, checked.slice(start, start + BATCH), audit);
  });
  return documents.length;
}

export interface ImportAudit {
  actorId: string | null;
  action: string;
  channel?: string;
}

/** Writes documents (new or replacing) with new feed positions in the caller's transaction; one audit entry for the batch. */
export async function writeBatch(tx: Sql, collection: SyncCollection, batch: Record<string, unknown>[], audit: ImportAudit): Promise<void> {
  const values: unknown[] = [];
  const tuples = batch.map((doc, index) => {
    const id = String(doc[collection.primaryKey]);
    const caseId = collection.visibility === 'case' ? id : collection.visibility === 'case-child' ? String(doc.caseId) : null;
    const subject = collection.visibility === 'case' ? (doc as unknown as Case).subjectPersonId || null : null;
    values.push(collection.name, id, JSON.stringify(doc), caseId, subject);
    const p = index * 5;
    return `($${p + 1}, $${p + 2}, $${p + 3}, false, $${p + 4}, $${p + 5})`;
  });
  await tx.query(
    `INSERT INTO sync_documents (collection, id, doc, deleted, case_id, subject_person_id) VALUES ${tuples.join(', ')}
     ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, deleted = false, case_id = EXCLUDED.case_id,
       subject_person_id = EXCLUDED.subject_person_id, txid = pg_current_xact_id(), seq = nextval('sync_seq'),
       version = sync_documents.version + 1`,
    values,
  );
  if (audit.channel) await tx.query('SELECT pg_notify($1, $2)', [audit.channel, collection.name]);
  await appendAudit(tx, [{ actorId: audit.actorId, action: audit.action, collection: collection.name, outcome: 'accepted', detail: { count: batch.length } }]);
}
