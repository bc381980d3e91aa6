import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../db/database';

/**
 * The sign-ins under way and the app codes they end in, in the database so that any server
 * instance can take the provider's answer or the app's code. Both are taken once (DELETE …
 * RETURNING) and expire; only hashes of the state and the codes are stored.
 */
export const PENDING_LOGIN_MINUTES = 10;
export const APP_CODE_SECONDS = 120;

const hashed = (value: string) => createHash('sha256').update(value).digest('hex');

export interface PendingLogin {
  provider: string;
  callbackUri: string;
  codeVerifier: string;
  nonce: string;
  appRedirectUri: string;
  appState: string;
  appCodeChallenge: string;
}

interface PendingRow {
  provider: string;
  callback_uri: string;
  code_verifier: string;
  nonce: string;
  app_redirect_uri: string;
  app_state: string;
  app_code_challenge: string;
  expired: boolean;
}

export async function savePendingLogin(sql: Sql, state: string, login: PendingLogin): Promise<void> {
  await sql.query('DELETE FROM oidc_logins WHERE expires_at < now()');
  await sql.query(
    `INSERT INTO oidc_logins (state_hash, provider, callback_uri, code_verifier, nonce, app_redirect_uri, app_state, app_code_challenge, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(mins => $9))`,
    [
      hashed(state),
      login.provider,
      login.callbackUri,
      login.codeVerifier,
      login.nonce,
      login.appRedirectUri,
      login.appState,
      login.appCodeChallenge,
      PENDING_LOGIN_MINUTES,
    ],
  );
}

/** The sign-in this state belongs to (gone from the store now), or undefined when unknown or used. */
export async function takePendingLogin(sql: Sql, provider: string, state: string): Promise<(PendingLogin & { expired: boolean }) | undefined> {
  const [row] = await sql.query<PendingRow>(
    `DELETE FROM oidc_logins WHERE state_hash = $1 AND provider = $2
     RETURNING provider, callback_uri, code_verifier, nonce, app_redirect_uri, app_state, app_code_challenge, expires_at < now() AS expired`,
    [hashed(state), provider],
  );
  return (
    row && {
      provider: row.provider,
      callbackUri: row.callback_uri,
      codeVerifier: row.code_verifier,
      nonce: row.nonce,
      appRedirectUri: row.app_redirect_uri,
      appState: row.app_state,
      appCodeChallenge: row.app_code_challenge,
      expired: row.expired,
    }
  );
}

/** A new one-time code for the app, bound to its PKCE challenge. */
export async function issueAppCode(sql: Sql, grant: { provider: string; userId: string; codeChallenge: string }): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await sql.query('DELETE FROM oidc_app_codes WHERE expires_at < now()');
  await sql.query(
    `INSERT INTO oidc_app_codes (code_hash, provider, user_id, code_challenge, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [hashed(code), grant.provider, grant.userId, grant.codeChallenge, APP_CODE_SECONDS],
  );
  return code;
}

/** Takes an app code: the grant when it is known, unexpired and `codeVerifier` matches its challenge; undefined otherwise (the code is used up either way). */
export async function redeemAppCode(sql: Sql, code: string, codeVerifier: string): Promise<{ provider: string; userId: string } | undefined> {
  const [row] = await sql.query<{ provider: string; user_id: string; code_challenge: string; expired: boolean }>(
    'DELETE FROM oidc_app_codes WHERE code_hash = $1 RETURNING provider, user_id, code_challenge, expires_at < now() AS expired',
    [hashed(code)],
  );
  const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
  if (!row || row.expired || row.code_challenge !== challenge) return undefined;
  return { provider: row.provider, userId: row.user_id };
}
