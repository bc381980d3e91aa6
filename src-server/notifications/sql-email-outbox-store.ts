import type { Sql } from '../db/database';
import type { EmailOutboxStore } from './email-outbox-store';
import type { OutgoingEmail, StoredEmail } from './email.schema';

/** The e-mail outbox in the server's database (table `email_outbox`, migration 004). */
export function createSqlEmailOutboxStore(sql: Sql): EmailOutboxStore {
  const get = async (id: string) => {
    const [row] = await sql.query<OutboxRow>(`SELECT * FROM email_outbox WHERE id = $1`, [id]);
    return row && storedEmailOf(row);
  };
  return {
    async insert(message) {
      const { id, status, attempts, nextAttemptAt, createdAt } = message;
      await sql.query(
        `INSERT INTO email_outbox (id, message, status, attempts, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [id, JSON.stringify(contentOf(message)), status, attempts, nextAttemptAt, createdAt],
      );
      return (await get(id))!;
    },
    async update(id, patch) {
      const params: unknown[] = [id];
      const param = (value: unknown) => `$${params.push(value ?? null)}`;
      const assignments = Object.entries(stateColumns)
        .filter(([field]) => field in patch)
        .map(([field, column]) => `${column} = ${param(patch[field as keyof typeof stateColumns])}`);
      const content = Object.fromEntries(contentFields.filter((field) => field in patch).map((field) => [field, patch[field]]));
      if (Object.keys(content).length) assignments.push(`message = (message::jsonb || ${param(JSON.stringify(content))}::jsonb)::text`);
      if (!assignments.length) return;
      const rows = await sql.query(`UPDATE email_outbox SET ${assignments.join(', ')} WHERE id = $1 RETURNING id`, params);
      if (!rows.length) throw new Error(`No e-mail ${id}`);
    },
    get,
    list: async () => (await sql.query<OutboxRow>(`SELECT * FROM email_outbox ORDER BY created_at, id`)).map(storedEmailOf),
    // Claims the due messages in one statement; SKIP LOCKED lets another process claim others meanwhile.
    due: async (now, limit) =>
      (
        await sql.query<OutboxRow>(
          `UPDATE email_outbox SET status = 'sending'
            WHERE id IN (SELECT id FROM email_outbox WHERE status = 'queued' AND next_attempt_at <= $1
                          ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING *`,
          [now, limit],
        )
      )
        .map(storedEmailOf)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    async requeueInterrupted(now) {
      const rows = await sql.query(`UPDATE email_outbox SET status = 'queued', next_attempt_at = $1 WHERE status = 'sending' RETURNING id`, [now]);
      return rows.length;
    },
  };
}

interface OutboxRow {
  id: string;
  message: string;
  status: StoredEmail['status'];
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  message_id: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
}

/** The fields kept as JSON in `message`. */
const contentFields = ['to', 'cc', 'subject', 'text', 'attachments'] as const satisfies readonly (keyof OutgoingEmail)[];

/** The columns of every other field (the delivery state). */
const stateColumns = {
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  messageId: 'message_id',
  createdAt: 'created_at',
  sentAt: 'sent_at',
} as const satisfies Record<Exclude<keyof StoredEmail, 'id' | (typeof contentFields)[number]>, string>;

const contentOf = (message: OutgoingEmail): OutgoingEmail => Object.fromEntries(contentFields.map((field) => [field, message[field]])) as OutgoingEmail;

const iso = (value: Date | string) => new Date(value).toISOString();

function storedEmailOf(row: OutboxRow): StoredEmail {
  return {
    ...(JSON.parse(row.message) as OutgoingEmail),
    id: row.id,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    createdAt: iso(row.created_at),
    ...(row.sent_at !== null ? { sentAt: iso(row.sent_at) } : {}),
  };
}
