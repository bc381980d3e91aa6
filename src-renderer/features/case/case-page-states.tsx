import { Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../ui/page-heading';

/** The way back from a case's page to where it was opened from. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={to}>{label}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** A case's page while the local replica is still loading the case, or has no such case. */
export function CaseNotShown({
  missing,
  back,
  texts,
}: {
  missing: boolean;
  back: { to: string; label: string };
  texts: { loading: string; notFound: string; notFoundBody: string };
}) {
  if (!missing) return <Spinner aria-label={texts.loading} />;
  return (
    <>
      <BackLink {...back} />
      <PageHeading>{texts.notFound}</PageHeading>
      <Paragraph>{texts.notFoundBody}</Paragraph>
    </>
  );
}
