import { z } from 'zod';
import { oidcProviderIdSchema } from '../../../src-shared/auth/oidc.contract';

/** An OpenID Connect provider the server signs people in with (it is the provider's confidential client). */
export interface OidcProviderConfig {
  /** In the server's URLs (`/auth/oidc/{id}/…`) and in audit entries (`oidc:{id}`). */
  id: string;
  /** The sign-in button's text, e.g. "Feide". */
  label: string;
  /** The provider's issuer URL; its discovery document is read from `{issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, `openid` among them. */
  scopes: string;
  /** An ID token claim naming the person (Feide: eduPersonPrincipalName), recorded when an unknown subject is refused. */
  usernameClaim?: string;
}

export interface OidcOptions {
  providers: OidcProviderConfig[];
  /** App callback addresses allowed besides loopback ones (the browser host's own page), exact. */
  appRedirects?: string[];
}

/** http is for a provider on this machine only (development and tests); anywhere else it must be https. */
const issuerSchema = z.url({ protocol: /^https?$/ }).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}, 'must be https (http only on this machine)');

/** The server's OIDC settings in its environment (config.ts); one provider, all of it or none. */
export const oidcEnvShape = {
  OIDC_ISSUER: issuerSchema.optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/(^| )openid( |$)/, 'must include openid')
    .default('openid'),
  OIDC_ID: oidcProviderIdSchema.default('feide'),
  OIDC_LABEL: z.string().min(1).max(100).default('Feide'),
  OIDC_USERNAME_CLAIM: z.string().min(1).max(200).optional(),
  OIDC_APP_REDIRECTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })))
    .optional(),
};

type OidcEnv = z.output<z.ZodObject<typeof oidcEnvShape>>;

/** Half an OIDC configuration stops the start. */
export function checkOidcEnv(env: OidcEnv, ctx: z.RefinementCtx): void {
  const required = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (required.some(Boolean) && !required.every(Boolean)) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together' });
  }
}

/** buildApp's `oidc` option from the environment (undefined without OIDC_ISSUER). */
export function oidcOptions(env: OidcEnv): OidcOptions | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined;
  return {
    providers: [
      {
        id: env.OIDC_ID,
        label: env.OIDC_LABEL,
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        scopes: env.OIDC_SCOPES,
        usernameClaim: env.OIDC_USERNAME_CLAIM,
      },
    ],
    appRedirects: env.OIDC_APP_REDIRECTS,
  };
}
