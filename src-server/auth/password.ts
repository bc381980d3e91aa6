import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (memory-hard; ~19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The password policy for passwords people choose (NIST SP 800-63B: length over composition
 * rules): at least MIN_PASSWORD_LENGTH characters, not a repetition of a few characters, and not
 * containing the person's own username or e-mail address. Returns why a password is refused.
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set(password.toLowerCase()).size < 5) return 'Use more different characters';
  const lower = password.toLowerCase();
  const own = personal.flatMap((value) => [value, value.split('@')[0] ?? '']).filter((value) => value.length >= 3);
  if (own.some((value) => lower.includes(value.toLowerCase()))) return 'Do not use your username or e-mail address in the password';
  return undefined;
}
