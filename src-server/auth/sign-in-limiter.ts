import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';

/**
 * Limits password guessing, per account and per client address, across every server instance
 * (the attempts live in the database). Each attempt is recorded *before* the password is checked,
 * under a lock per account and per address, so a burst of parallel guesses at one account counts
 * exactly; a right password removes its account's record, so what stays are failures. An address
 * counts only attempts that failed: an office behind one address where many sign in at once is not
 * locked out by sign-ins still under way. A blocked attempt is not recorded: hammering does not
 * prolong the lock-out beyond the window after the last failure.
 */
export interface SignInLimits {
  /** Failed sign-ins per username within the window before it is locked. */
  perAccount: number;
  /** Failed sign-ins per client address within the window (many usernames from one place). */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

export type LimitScope = 'account' | 'address';

export class TooManySignIns extends HttpError {
  constructor(
    readonly scope: LimitScope,
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const what = scope === 'account' ? 'this account' : 'this address';
    super(429, 'too-many-sign-ins', 'forbidden', `Too many failed sign-ins for ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      reason: 'too-many-sign-ins',
      scope,
      retryAfterSeconds,
    });
  }
}

/** One sign-in under way. */
export interface SignInAttempt {
  /** The password was right: forget this account's failures. */
  succeeded(): Promise<void>;
  /** The sign-in failed; returns the scopes this failure locked (it reached their limit). */
  failed(): Promise<LimitScope[]>;
  /** The check itself did not happen (e.g. a server error): the attempt does not count. */
  abandoned(): Promise<void>;
}

interface Counts {
  account_n: number;
  address_n: number;
  account_retry: number | null;
  address_retry: number | null;
}

/** Takes the account's and the address's lock (in that order, so two attempts never wait on each other crosswise). */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':sign-in:' || $1))`;

export function signInLimiter(db: Database, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
  return async function begin(username: string, address: string): Promise<SignInAttempt> {
    const recorded = await db.transaction(async (tx) => {
      await tx.query(LOCK, [`account:${username}`]);
      await tx.query(LOCK, [`address:${address}`]);
      const [counts] = await tx.query<Counts>(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS account_n,
                count(*) FILTER (WHERE address = $2 AND failed)::int AS address_n,
                ceil(extract(epoch FROM min(at) FILTER (WHERE username = $1) + make_interval(secs => $3) - now()))::int AS account_retry,
                ceil(extract(epoch FROM min(at) FILTER (WHERE address = $2 AND failed) + make_interval(secs => $3) - now()))::int AS address_retry
           FROM sign_in_attempts
          WHERE (username = $1 OR address = $2) AND at > now() - make_interval(secs => $3)`,
        [username, address, limits.windowSeconds],
      );
      const { account_n: accountN, address_n: addressN } = counts!;
      if (accountN >= limits.perAccount) return new TooManySignIns('account', Math.max(1, counts!.account_retry ?? limits.windowSeconds));
      if (addressN >= limits.perAddress) return new TooManySignIns('address', Math.max(1, counts!.address_retry ?? limits.windowSeconds));
      const [row] = await tx.query<{ id: number }>('INSERT INTO sign_in_attempts (username, address) VALUES ($1, $2) RETURNING id', [username, address]);
      // Counting this attempt: when it fails and reaches a limit, it locks.
      return { id: Number(row!.id), accountN: accountN + 1 };
    });
    if (recorded instanceof TooManySignIns) throw recorded;
    const { id, accountN } = recorded;
    return {
      async succeeded() {
        await db.query('DELETE FROM sign_in_attempts WHERE username = $1 OR id = $2', [username, id]);
      },
      async failed() {
        const [{ address_n: addressN } = { address_n: 0 }] = await db.query<{ address_n: number }>(
          `WITH marked AS (UPDATE sign_in_attempts SET failed = true WHERE id = $1)
           SELECT count(*)::int + 1 AS address_n FROM sign_in_attempts
            WHERE address = $2 AND failed AND id <> $1 AND at > now() - make_interval(secs => $3)`,
          [id, address, limits.windowSeconds],
        );
        await db.query('DELETE FROM sign_in_attempts WHERE at < now() - make_interval(secs => $1)', [limits.windowSeconds]);
        const locked: LimitScope[] = [];
        if (accountN === limits.perAccount) locked.push('account');
        if (addressN === limits.perAddress) locked.push('address');
        return locked;
      },
      async abandoned() {
        await db.query('DELETE FROM sign_in_attempts WHERE id = $1', [id]);
      },
    };
  };
}

export type SignInLimiter = ReturnType<typeof signInLimiter>;
