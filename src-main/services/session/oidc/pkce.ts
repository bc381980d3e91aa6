import { createHash, randomBytes } from 'node:crypto';

/** PKCE (RFC 7636): a random code verifier (256 bits) and its S256 challenge, both base64url. */
export function createPkce(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

/** The OAuth `state` binding a redirect back to the sign-in that started it (192 random bits). */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
