import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PortalApi, PortalFailure } from '../../api/portal-api';
import { LoadState } from '../../app/load-state';
import { useLoad } from '../../app/use-load';
import { usePageTitle } from '../../app/use-page-title';
import { useT } from '../../i18n/language';
import { ApplicationPanel } from './application-panel';

/** "Min søknad": the signed-in applicant's applications, each with what they may do now. */
export function MyApplicationPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  usePageTitle(t.application.title);
  const [loaded, reload, refresh] = useLoad(() => api.applications(), onFailure);
  return (
    <>
      <Heading level={1} data-size="xl">
        {t.application.title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {(applications) =>
          applications.length === 0 ? (
            <Paragraph>{t.application.none}</Paragraph>
          ) : (
            applications.map((application) => <ApplicationPanel key={application.id} api={api} application={application} onChanged={refresh} />)
          )
        }
      </LoadState>
    </>
  );
}
