import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, type JWK, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1, for tests: authorization code
 * flow with PKCE required, its development sign-in and consent pages (any password), and the
 * given accounts. `tamperIdToken` sits in front of its token endpoint: when set, the ID token
 * answered is changed by it and signed again with the provider's own key, so its signature stays
 * valid and only the changed claims are wrong.
 */
export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcTestAccount {
  /** The subject (`sub`) and the login name typed at the sign-in page. */
  sub: string;
  claims?: Record<string, unknown>;
}

export interface OidcTestProvider {
  issuer: string;
  /** Registers a client (e.g. once the server under test knows its callback address). */
  addClient(client: OidcTestClient): void;
  /** Changes the ID token's claims (unset: the token goes out as issued). */
  tamperIdToken?: (claims: JWTPayload) => JWTPayload;
  /** Signs tampered tokens with a key the provider does not publish (a forged signature). */
  signWithForeignKey?: boolean;
  close(): Promise<void>;
}

/**
 * Scope → claims, as Feide's scopes give them (`userid-feide`: eduPersonPrincipalName). As at
 * Feide, the ID token holds `sub` (and the protocol's claims); the others come from userinfo.
 */
export const FEIDE_EPPN_CLAIM = 'https://n.feide.no/claims/eduPersonPrincipalName';
const CLAIMS = { openid: ['sub'], profile: ['name'], email: ['email'], 'userid-feide': [FEIDE_EPPN_CLAIM] };

export async function startOidcProvider(options: { clients?: OidcTestClient[]; accounts: OidcTestAccount[] }): Promise<OidcTestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const foreign = (await generateKeyPair('RS256')).privateKey;
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));
  const clients = [...(options.clients ?? [])];

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let handler: ReturnType<Provider['callback']> = () => undefined;
  server.on('request', (req, res) => handler(req, res));

  const handle: OidcTestProvider = {
    issuer,
    addClient(client) {
      clients.push(client);
      handler = build().callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function build(): Provider {
    const provider = new Provider(issuer, {
      clients: clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      })),
      pkce: { required: () => true },
      jwks: { keys: [jwk] },
      claims: CLAIMS,
      cookies: { keys: ['oidc-test-provider'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      features: { devInteractions: { enabled: true } },
      async findAccount(_ctx: unknown, sub: string) {
        const account = accounts.get(sub);
        return account && { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (ctx.path !== '/token' || !handle.tamperIdToken || typeof body?.id_token !== 'string') return;
      const header = decodeProtectedHeader(body.id_token);
      const claims = handle.tamperIdToken(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(handle.signWithForeignKey ? foreign : privateKey);
    });
    return provider;
  }

  handler = build().callback();
  return handle;
}
