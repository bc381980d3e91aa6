import { describe, expect, it } from 'vitest';
import { createPasswordVerifier, verifyPassword } from './password-verifier';

describe('the local password verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const verifier = await createPasswordVerifier('Blåbærsyltetøy 42');
    expect(verifier).not.toContain('Blåbærsyltetøy');
    expect(await verifyPassword(verifier, 'Blåbærsyltetøy 42')).toBe(true);
    expect(await verifyPassword(verifier, 'blåbærsyltetøy 42')).toBe(false);
    expect(await verifyPassword(verifier, '')).toBe(false);
  });

  it('salts every verifier, so equal passwords give different verifiers', async () => {
    expect(await createPasswordVerifier('samme passord')).not.toBe(await createPasswordVerifier('samme passord'));
  });

  it('refuses a malformed or tampered verifier instead of throwing', async () => {
    const verifier = await createPasswordVerifier('passord');
    expect(await verifyPassword('plain$text', 'passord')).toBe(false);
    expect(await verifyPassword(verifier.replace(/\$\d+\$/, '$x$'), 'passord')).toBe(false);
    expect(await verifyPassword(verifier.slice(0, -4), 'passord')).toBe(false);
  });
});
