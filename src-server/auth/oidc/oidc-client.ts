import * as client from 'openid-client';
import type { OidcProviderConfig } from './oidc-config';

/** Who the provider says signed in, from a validated ID token. */
export interface OidcPerson {
  issuer: string;
  subject: string;
  /** The configured username claim (Feide: eduPersonPrincipalName), when the token has it. */
  name?: string;
}

/**
 * The server as the provider's confidential client (openid-client): authorization code flow with
 * PKCE (S256), state and nonce. The discovery document is read once per process and kept (read
 * again after a failure). The ID token's signature is checked against the provider's published
 * keys, besides its issuer, audience, nonce and expiry.
 */
export function oidcClient(provider: OidcProviderConfig) {
  let configuration: Promise<client.Configuration> | undefined;
  const discovered = () => {
    configuration ??= discover(provider).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };

  /** The username claim from the ID token, else from userinfo (Feide keeps its ID tokens minimal); only a record, so a failure leaves it out. */
  async function nameOf(claims: client.IDToken, userInfo: () => Promise<client.UserInfoResponse>): Promise<string | undefined> {
    if (!provider.usernameClaim) return undefined;
    const value = claims[provider.usernameClaim] ?? (await userInfo().catch(() => undefined))?.[provider.usernameClaim];
    return typeof value === 'string' ? value : undefined;
  }

  return {
    provider,
    /** Where to send the browser to sign in. */
    async authorizationUrl(request: { callbackUri: string; state: string; nonce: string; codeVerifier: string }): Promise<URL> {
      return client.buildAuthorizationUrl(await discovered(), {
        redirect_uri: request.callbackUri,
        scope: provider.scopes,
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    /** Trades the code in the provider's answer (`callbackUrl` with its query) and validates the ID token; throws when anything is off. */
    async redeem(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<OidcPerson> {
      const tokens = await client.authorizationCodeGrant(await discovered(), callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      const name = await nameOf(claims, async () => client.fetchUserInfo(await discovered(), tokens.access_token, claims.sub));
      return { issuer: claims.iss, subject: claims.sub, ...(name === undefined ? {} : { name }) };
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

async function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
  const local = new URL(provider.issuer).protocol === 'http:';
  const configuration = await client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    client.ClientSecretBasic(provider.clientSecret),
    // oidc-config.ts allows http only for a provider on this machine.
    local ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}
