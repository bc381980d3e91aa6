import type { Actor } from '../../src-shared/domain/access';
import type { Sql } from '../db/database';
import { FEED_COLUMNS, type FeedRow } from './change-feed';
import type { SyncCollection } from './sync-collections';
import { VisibilityContext } from './visibility';

/**
 * Of the ids a client holds, those it must drop: stored documents the user may not see now.
 * Ids the server does not have are left alone (they may be the client's unsynced new documents),
 * and so are ids with NUL, which the server can never have (PostgreSQL cannot store NUL).
 * Only ids the client sent come back, so nothing is revealed.
 */
export async function reconcile(sql: Sql, collection: SyncCollection, actor: Actor, ids: string[]): Promise<string[]> {
  const storable = [...new Set(ids)].filter((id) => !id.includes('\u0000'));
  if (!storable.length) return [];
  const rows = await sql.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM sync_documents WHERE collection = $1 AND id = ANY($2)`, [collection.name, storable]);
  const visibility = new VisibilityContext(sql, actor);
  await visibility.prefetch(collection, rows);
  const purged: string[] = [];
  for (const row of rows) if (!(await visibility.canSee(collection, row))) purged.push(row.id);
  return purged;
}
