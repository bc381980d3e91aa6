import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language';
import type { Loaded } from './use-load';

/** What a page shows while its data loads or after loading failed; the data itself once ready. */
export function LoadState<T>({ loaded, reload, children }: { loaded: Loaded<T>; reload(): void; children(value: T): ReactNode }) {
  const t = useT();
  if (loaded.state === 'loading') return <Spinner aria-label={t.loading} data-size="md" />;
  if (loaded.state === 'failed')
    return (
      <Alert data-color="danger">
        <Paragraph>{t.failed}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={reload}>
          {t.tryAgain}
        </Button>
      </Alert>
    );
  return <>{children(loaded.value)}</>;
}
