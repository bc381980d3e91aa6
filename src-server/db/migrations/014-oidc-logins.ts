import type { Migration } from '../migrations';

/** Sign-ins through an OpenID Connect provider under way (src-server/auth/oidc), shared by every server instance. */
export const oidcLoginsMigration: Migration = {
  id: '014-oidc-logins',
  sql: `
    -- One row per sign-in sent to the provider, keyed by the hash of the state sent along; taken
    -- (deleted) by the provider's answer, so a state or code works once.
    CREATE TABLE oidc_logins (
      state_hash text PRIMARY KEY,
      provider text NOT NULL,
      -- The callback address given to the provider (the token request repeats it).
      callback_uri text NOT NULL,
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      -- The app that started it: where the answer goes, its state, and its PKCE challenge.
      app_redirect_uri text NOT NULL,
      app_state text NOT NULL,
      app_code_challenge text NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);
    -- One-time codes the app trades for a session (POST /auth/oidc/token), stored hashed.
    CREATE TABLE oidc_app_codes (
      code_hash text PRIMARY KEY,
      provider text NOT NULL,
      user_id text NOT NULL REFERENCES users (id),
      code_challenge text NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX oidc_app_codes_expires ON oidc_app_codes (expires_at);
  `,
};
