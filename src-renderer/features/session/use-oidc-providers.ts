import { useEffect, useState } from 'react';
import type { OidcProvidersResponse } from '../../../src-shared/auth/oidc.contract';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';

export type OidcProvider = OidcProvidersResponse['providers'][number];

/** The providers the configured server offers (none while it cannot be reached). */
export function useOidcProviders(api: SaksflytApi): OidcProvider[] {
  const [providers, setProviders] = useState<OidcProvider[]>([]);
  useEffect(() => {
    let current = true;
    void api.sessionOidcProviders().then((result) => {
      if (current && result.ok) setProviders(result.value.providers);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return providers;
}

/** The provider id of a session signed in through one (`oidc:<id>`), else undefined (a password session). */
export function oidcProviderIdOf(sessionProvider: string): string | undefined {
  return sessionProvider.startsWith('oidc:') ? sessionProvider.slice('oidc:'.length) : undefined;
}
