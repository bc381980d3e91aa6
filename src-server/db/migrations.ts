import { ewpNominationsMigration } from './migrations/010-ewp-nominations';
import { portalInvitationsMigration } from './migrations/011-portal-invitations';
import { nominatorLifecycleMigration } from './migrations/012-nominator-lifecycle';
import { caseFilesMigration } from './migrations/013-case-files';
import { oidcLoginsMigration } from './migrations/014-oidc-logins';
import { accountAdminsMigration } from './migrations/015-account-admins';

/**
 * The server's schema, one migration per entry, applied in order and never edited once released
 * (add a new entry instead). Both engines run the same PostgreSQL SQL.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    id: '001-sync-documents',
    sql: `
      CREATE SEQUENCE sync_seq;
      -- Every replicated document, one row per (collection, id). The document is stored exactly as
      -- pushed (JSON text, without RxDB's _deleted flag, which is its own column). The change-feed
      -- position (txid, seq) lives outside the document: see sync/change-feed.ts.
      CREATE TABLE sync_documents (
        collection text NOT NULL,
        id text NOT NULL,
        doc text NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq bigint NOT NULL DEFAULT nextval('sync_seq'),
        -- Cases: the case itself; notes, documents, tasks: their case.
        case_id text,
        -- Cases: the person the case concerns.
        subject_person_id text,
        -- Cases: earlier visibility-relevant states (JSON array), to tell who may hold a copy.
        scope_history text NOT NULL DEFAULT '[]',
        -- Goes up by one with every write and every change of who may see the row; clients use it
        -- to ignore a state older than one they already have (e.g. a live event that was overtaken).
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX sync_documents_feed ON sync_documents (collection, txid, seq);
      CREATE INDEX sync_documents_case ON sync_documents (case_id, collection);
      CREATE INDEX sync_documents_subject ON sync_documents (subject_person_id);
    `,
  },
  {
    id: '002-accounts',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        -- NULL for accounts that only sign in through an external provider (e.g. Feide).
        password_hash text,
        roles text NOT NULL,
        scope text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- External identities (OIDC issuer + subject) mapped to local users.
      CREATE TABLE identities (
        provider text NOT NULL,
        subject text NOT NULL,
        user_id text NOT NULL REFERENCES users (id),
        PRIMARY KEY (provider, subject)
      );
      CREATE TABLE devices (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX devices_user ON devices (user_id);
      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        family_id text NOT NULL,
        user_id text NOT NULL REFERENCES users (id),
        device_id text NOT NULL REFERENCES devices (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
      CREATE TABLE server_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    id: '003-audit',
    sql: `
      -- Append-only. Pushes insert entries unchained (no lock, so their commits run in parallel);
      -- the server's sealer then gives committed entries their place in the chain (chain_seq) and
      -- a hash over their content and the previous entry's hash. See audit/audit-log.ts.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at text NOT NULL,
        actor_id text,
        device_id text,
        on_behalf_of text,
        action text NOT NULL,
        collection text,
        document_id text,
        outcome text NOT NULL,
        reason text,
        detail text NOT NULL,
        chain_seq bigint UNIQUE,
        prev_hash text,
        hash text
      );
      CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE chain_seq IS NULL;
    `,
  },
  {
    id: '004-email-outbox',
    sql: `
      -- Letters waiting for, or given to, the mail server. The id is the laptop's delivery id, so a
      -- retried POST /letters finds its e-mail instead of queueing another. See notifications/.
      CREATE TABLE email_outbox (
        id text PRIMARY KEY,
        -- The e-mail as JSON text: to, cc, subject, text, attachments (base64).
        message text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        -- Message-ID the mail server accepted.
        message_id text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      );
      CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'queued';
    `,
  },
  {
    id: '005-staff-email',
    sql: `
      -- Where letters to a member of staff go; published with the name in the staff directory.
      ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT '';
    `,
  },
  {
    id: '006-audit-head',
    sql: `
      -- The writing transaction of each entry: the sealer chains entries only once every older
      -- transaction has ended, in (txid, id) order, so an entry can never commit "behind" the chain.
      ALTER TABLE audit_log ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
      DROP INDEX audit_log_unsealed;
      CREATE INDEX audit_log_unsealed ON audit_log (txid, id) WHERE chain_seq IS NULL;
      -- The sealer's record of the chain (one row): its length and last hash and entry, and the
      -- high-water mark of sealing: every entry of a transaction older than sealed_below is sealed,
      -- so an unsealed one had its seal removed. See audit/audit-sealer.ts.
      CREATE TABLE audit_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        chain_count bigint NOT NULL,
        hash text NOT NULL,
        last_id bigint,
        sealed_below xid8 NOT NULL,
        sealed_at timestamptz
      );
      INSERT INTO audit_head (chain_count, hash, last_id, sealed_below)
        SELECT COALESCE(max(chain_seq), 0),
               COALESCE((SELECT value FROM server_settings WHERE key = 'audit_head'), repeat('0', 64)),
               (SELECT id FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1),
               '0'
          FROM audit_log;
      DELETE FROM server_settings WHERE key = 'audit_head';
    `,
  },
  {
    id: '007-sign-in-attempts',
    sql: `
      -- Sign-in attempts of the last minutes, shared by every server instance: a row is written
      -- before the password is checked and removed again when it was right, so what remains are
      -- failures (and attempts under way). See auth/sign-in-limiter.ts.
      CREATE TABLE sign_in_attempts (
        id bigserial PRIMARY KEY,
        username text NOT NULL,
        address text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        -- Under way until the password was checked; only failures count against the address.
        failed boolean NOT NULL DEFAULT false
      );
      CREATE INDEX sign_in_attempts_username ON sign_in_attempts (username, at);
      CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);
      CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);
    `,
  },
  {
    id: '008-need-to-know-fields',
    sql: `
      -- Notes get a visibility (internal / shared with the party): those written before were for
      -- the institution only. People get the cohorts and courses they belong to (none known yet).
      -- Same conversion as the app's (src-renderer/db/migration-strategies.ts); clients re-read
      -- everything anyway, as the read rules' version is part of every checkpoint (sync/visibility.ts).
      UPDATE sync_documents SET doc = (doc::jsonb || '{"visibility": "internal"}'::jsonb)::text, version = version + 1
       WHERE collection = 'notes' AND NOT (doc::jsonb ? 'visibility');
      UPDATE sync_documents SET doc = (doc::jsonb || '{"cohorts": []}'::jsonb)::text, version = version + 1
       WHERE collection = 'people' AND NOT (doc::jsonb ? 'cohorts');
    `,
  },
  {
    id: '009-jobs',
    sql: `
      -- The server's durable job queue (integration calls and other background work), shared by
      -- every server instance: a job is claimed by one of them at a time. See jobs/.
      CREATE TABLE jobs (
        id text PRIMARY KEY,
        -- Order of enqueueing (jobs queued in the same millisecond keep it).
        seq bigserial NOT NULL,
        kind text NOT NULL,
        case_id text,
        -- The job's input as JSON text (an integration job: system and operation).
        payload text NOT NULL,
        -- Set by the caller so that enqueueing the same job again finds it instead of adding one.
        dedupe_key text,
        -- queued, running, retrying, waiting, done, failed (src-shared/jobs/case-jobs.schema.ts).
        state text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        -- A running job whose lease has run out (its server stopped mid-run) is taken again.
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz,
        UNIQUE (kind, dedupe_key)
      );
      CREATE INDEX jobs_due ON jobs (next_attempt_at) WHERE state IN ('queued', 'retrying');
      CREATE INDEX jobs_lease ON jobs (lease_until) WHERE state = 'running';
      CREATE INDEX jobs_case ON jobs (case_id, seq);
    `,
  },
  ewpNominationsMigration,
  portalInvitationsMigration,
  nominatorLifecycleMigration,
  caseFilesMigration,
  oidcLoginsMigration,
  accountAdminsMigration,
];
