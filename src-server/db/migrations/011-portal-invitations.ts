import type { Migration } from '../migrations';

/** The portal's personal invitation links and the files applicants upload (src-server/portal). */
export const portalInvitationsMigration: Migration = {
  id: '011-portal-invitations',
  sql: `
    -- A personal link sent by e-mail: an applicant's to their application, a new nominator's to
    -- set up their account. Only the token's hash is kept; a token works once, before it expires,
    -- and only with the e-mail address it was sent to.
    CREATE TABLE portal_invitations (
      token_hash text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('applicant', 'nominator')),
      -- applicant: the person id (their portal account has the same id); nominator: the account.
      user_id text NOT NULL,
      email text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      -- Tries with another e-mail address; at the limit the link stops working.
      failed_attempts integer NOT NULL DEFAULT 0
    );
    CREATE INDEX portal_invitations_user ON portal_invitations (kind, user_id);
    -- Documents an applicant uploads to their application (passport, language certificate, transcript).
    CREATE TABLE portal_uploads (
      id text PRIMARY KEY,
      case_id text NOT NULL,
      kind text NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL
    );
    CREATE INDEX portal_uploads_case ON portal_uploads (case_id, uploaded_at);
  `,
};
