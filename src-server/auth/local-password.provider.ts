import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseInput } from '../http/parse';
import { findUser } from './accounts';
import { serverCredentialsSchema } from '../../src-shared/auth/auth.contract';
import type { LoginProvider } from './login-provider';
import { dummyPasswordHash, verifyPassword } from './password';

/** Username + password checked against the argon2id hash in `users`. */
export function localPasswordProvider(db: Database): LoginProvider {
  return {
    id: 'local',
    async authenticate(credentials) {
      const { username, password } = parseInput(serverCredentialsSchema, credentials, 'credentials');
      const user = await findUser(db, { username });
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !user.passwordHash || !valid) throw HttpError.unauthorized('invalid-credentials', 'Wrong username or password');
      if (user.disabled) throw HttpError.unauthorized('user-disabled', 'This account is disabled');
      return { userId: user.id };
    },
  };
}
