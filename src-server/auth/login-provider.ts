/**
 * A way to prove who you are. It only resolves a user id; sessions, devices and sync are the same
 * for every provider. Feide (OIDC) is brokered in ./oidc/ instead: its sign-in spans several
 * requests and ends in a one-time app code, traded for the same session (issueSession).
 */
export interface LoginProvider {
  readonly id: string;
  /** The user id for these credentials, or throws HttpError 401 'invalid-credentials'. */
  authenticate(credentials: unknown): Promise<{ userId: string }>;
}
