import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useT } from '../i18n/use-t';
import { PageHeading } from './page-heading';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.app.pageNotFound);
  return (
    <>
      <PageHeading>{t.app.pageNotFound}</PageHeading>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t.casePage.back}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
