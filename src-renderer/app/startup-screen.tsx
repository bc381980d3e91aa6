import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t';
import { useAppStore } from './store';

/** Shown while the replica opens (and, on first start, fills with demo data), or closes before the page reloads (`closing`). */
export function StartupScreen({ status = 'opening' }: { status?: 'opening' | 'closing' }) {
  const t = useT();
  const seedingCases = useAppStore((state) => state.seedingCases);
  return (
    <main className="startup-screen">
      <Heading level={1} data-size="md">
        {t.app.name}
      </Heading>
      <Spinner aria-hidden data-size="lg" />
      <Paragraph role="status">
        {status === 'closing' ? t.app.closingDatabase : seedingCases === null ? t.app.startingDatabase : t.app.seeding(seedingCases)}
      </Paragraph>
    </main>
  );
}
