import type { SignedInReplica } from './signed-in-replica';

/**
 * Leaves the signed-in app (lock or sign-out) so that nothing decrypted stays behind: the main
 * process is told first (from then on it refuses the replica's key), sync stops and the replica
 * closes (unsent changes stay in it, encrypted, and go at the next unlock), and the page reloads,
 * which drops the key, the derived field key and every decrypted record from the JS heap. The
 * reloaded app asks the main process and shows the lock screen or sign-in.
 */
export async function leaveAndForget(
  replica: Pick<SignedInReplica, 'close'>,
  tellMain: () => Promise<unknown>,
  reload = () => window.location.reload(),
): Promise<void> {
  try {
    await tellMain();
  } finally {
    await replica.close().finally(reload);
  }
}
