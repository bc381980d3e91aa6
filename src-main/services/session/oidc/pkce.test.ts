import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oidcStartQuerySchema, oidcTokenRequestSchema } from '../../../../src-shared/auth/oidc.contract';
import { createPkce, createState } from './pkce';

describe('PKCE and state', () => {
  it('makes an S256 challenge of the verifier that the contract accepts', () => {
    const { codeVerifier, codeChallenge } = createPkce();
    expect(codeChallenge).toBe(createHash('sha256').update(codeVerifier).digest('base64url'));
    const start = { redirect_uri: 'http://127.0.0.1:1234/oidc/callback', state: createState(), code_challenge: codeChallenge, code_challenge_method: 'S256' };
    expect(oidcStartQuerySchema.safeParse(start).success).toBe(true);
    expect(oidcTokenRequestSchema.safeParse({ code: 'x'.repeat(32), codeVerifier }).success).toBe(true);
  });

  it('never repeats a verifier or a state', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createPkce().codeVerifier));
    const states = new Set(Array.from({ length: 50 }, () => createState()));
    expect(verifiers.size).toBe(50);
    expect(states.size).toBe(50);
  });
});
