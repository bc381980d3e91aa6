import { useEffect, useState } from 'react';
import { useApi } from '../../../app/providers';
import { useSession } from '../../session/session-context';

/** The server's address from the settings while signed in; undefined on local demo data (no server) and while reading it. */
export function useServerUrl(): string | undefined {
  const api = useApi();
  const signedIn = useSession() !== null;
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    void api.settingsGet().then((result) => {
      if (current && result.ok) setUrl(result.value.serverUrl);
    });
    return () => {
      current = false;
    };
  }, [api, signedIn]);
  return signedIn ? url : undefined;
}
