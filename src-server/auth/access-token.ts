import { randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Sql } from '../db/database';
import { HttpError } from '../http/http-error';

/** Short-lived access tokens (HS256). The key is shared by all server instances through the database. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'saksflyt';

export interface AccessClaims {
  userId: string;
  deviceId: string;
  /** Expiry, seconds since epoch. */
  exp: number;
}

export class AccessTokens {
  private constructor(
    private readonly key: Uint8Array,
    private readonly ttlSeconds: number,
  ) {}

  /** Uses `secret` when given; otherwise the key stored in the database (created on first start). */
  static async open(sql: Sql, secret?: string, ttlSeconds = ACCESS_TOKEN_SECONDS): Promise<AccessTokens> {
    if (secret) return new AccessTokens(new TextEncoder().encode(secret), ttlSeconds);
    await sql.query(`INSERT INTO server_settings (key, value) VALUES ('jwt_key', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('base64')]);
    const [row] = await sql.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'jwt_key'`);
    return new AccessTokens(new Uint8Array(Buffer.from(row!.value, 'base64')), ttlSeconds);
  }

  async issue(userId: string, deviceId: string): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ did: deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      // Unique per issue: two tokens issued in one second must still differ, or a refresh could hand back the token it replaces.
      .setJti(randomUUID())
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.did !== 'string' || typeof payload.exp !== 'number') {
        throw HttpError.unauthorized('unauthenticated', 'Malformed access token');
      }
      return { userId: payload.sub, deviceId: payload.did, exp: payload.exp };
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof errors.JWTExpired) throw HttpError.unauthorized('token-expired', 'Access token expired; refresh it');
      throw HttpError.unauthorized('unauthenticated', 'Invalid access token');
    }
  }
}
