/**
 * A way to prove who you are. It only resolves a user id; sessions, devices and sync are the same
 * for every provider. Feide (OIDC) would add a provider whose `authenticate` exchanges an
 * authorization code, looks the (issuer, subject) pair up in `identities` and returns that user.
 */
export interface LoginProvider {
  readonly id: string;
  /** The user id for these credentials, or throws HttpError 401 'invalid-credentials'. */
  authenticate(credentials: unknown): Promise<{ userId: string }>;
}
