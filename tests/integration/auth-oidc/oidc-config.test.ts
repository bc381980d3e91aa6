import { describe, expect, it } from 'vitest';
import { oidcOptions } from '../../../src-server/auth/oidc/oidc-config';
import { readEnv } from '../../../src-server/config';

/** The server's OIDC settings from its environment (README: Sign-in with Feide). */
describe('OIDC settings', () => {
  const feide = {
    OIDC_ISSUER: 'https://auth.dataporten.no',
    OIDC_CLIENT_ID: 'client-id',
    OIDC_CLIENT_SECRET: 'secret',
    OIDC_SCOPES: 'openid profile userid-feide email',
    OIDC_USERNAME_CLAIM: 'https://n.feide.no/claims/eduPersonPrincipalName',
    OIDC_APP_REDIRECTS: 'https://saksflyt.example.no/app/oidc-callback, https://saksflyt.example.no/other',
  };

  it('reads a Feide configuration', () => {
    expect(oidcOptions(readEnv(feide))).toEqual({
      providers: [
        {
          id: 'feide',
          label: 'Feide',
          issuer: 'https://auth.dataporten.no',
          clientId: 'client-id',
          clientSecret: 'secret',
          scopes: 'openid profile userid-feide email',
          usernameClaim: 'https://n.feide.no/claims/eduPersonPrincipalName',
        },
      ],
      appRedirects: ['https://saksflyt.example.no/app/oidc-callback', 'https://saksflyt.example.no/other'],
    });
    expect(oidcOptions(readEnv({}))).toBeUndefined();
  });

  it('refuses half a configuration, http to another machine, and scopes without openid', () => {
    expect(() => readEnv({ OIDC_ISSUER: feide.OIDC_ISSUER })).toThrow(/set together/);
    expect(() => readEnv({ ...feide, OIDC_ISSUER: 'http://auth.dataporten.no' })).toThrow(/https/);
    expect(() => readEnv({ ...feide, OIDC_SCOPES: 'profile email' })).toThrow(/openid/);
    expect(() => readEnv({ ...feide, OIDC_APP_REDIRECTS: 'not-a-url' })).toThrow();
    expect(oidcOptions(readEnv({ ...feide, OIDC_ISSUER: 'http://127.0.0.1:9000' }))?.providers[0]?.issuer).toBe('http://127.0.0.1:9000');
  });
});
