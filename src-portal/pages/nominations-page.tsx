import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { nominationStatusLabels, nominationTerminalStatuses } from '../../src-shared/domain/nomination/nomination.schema';
import type { PortalNomination } from '../../src-shared/portal/portal.contract';
import type { PortalApi, PortalFailure } from '../api/portal-api';
import { LoadState } from '../app/load-state';
import { usePageTitle } from '../app/use-page-title';
import { useLoad } from '../app/use-load';
import { useLanguage, useT } from '../i18n/language';
import { refusalText } from './refusal-text';
import { ConfirmDialog } from './confirm-dialog';

const isOpen = (nomination: PortalNomination) => !(nominationTerminalStatuses as readonly string[]).includes(nomination.status);

/** "Mine nominasjoner": the partner's nominations with applicant, offer and status; an open one may be withdrawn, with a reason. */
export function NominationsPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  usePageTitle(t.nominations.title);
  const [loaded, reload, refresh] = useLoad(() => api.nominations(), onFailure);
  const [withdrawing, setWithdrawing] = useState<PortalNomination>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  async function withdraw(nomination: PortalNomination, reason: string) {
    try {
      await api.withdrawNomination(nomination.caseNumber, reason);
      setNotice({ ok: true, text: t.nominationWithdraw.done(nomination.caseNumber) });
      refresh();
    } catch (error) {
      setNotice({ ok: false, text: refusalText(t, error) });
    } finally {
      setWithdrawing(undefined);
    }
  }
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.nominations.title}
      </Heading>
      <div aria-live="polite">{notice && <Alert data-color={notice.ok ? 'success' : 'danger'}>{notice.text}</Alert>}</div>
      <LoadState loaded={loaded} reload={reload}>
        {(nominations) =>
          nominations.length === 0 ? (
            <Paragraph>{t.nominations.none}</Paragraph>
          ) : (
            <Table zebra className="portal-table" data-testid="nominations">
              <caption>{t.nominations.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.nominations.caseNumber}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.applicant}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.offer}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.status}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominationWithdraw.column}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {nominations.map((nomination) => (
                  <Table.Row key={nomination.caseNumber}>
                    <Table.Cell>{nomination.caseNumber}</Table.Cell>
                    <Table.Cell>{nomination.applicantName}</Table.Cell>
                    <Table.Cell>
                      {nomination.offer.name} ({nomination.offer.code})
                    </Table.Cell>
                    <Table.Cell>{nominationStatusLabels[nomination.status][language]}</Table.Cell>
                    <Table.Cell>
                      {isOpen(nomination) && (
                        <Button variant="tertiary" data-size="sm" onClick={() => setWithdrawing(nomination)}>
                          {t.nominationWithdraw.button(nomination.applicantName)}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )
        }
      </LoadState>
      <ConfirmDialog
        open={withdrawing !== undefined}
        title={withdrawing ? t.nominationWithdraw.title(withdrawing.applicantName) : ''}
        reason={{ label: t.application.withdraw.reason, required: t.application.withdraw.required }}
        confirm={t.application.withdraw.confirm}
        cancel={t.application.withdraw.cancel}
        onConfirm={(reason) => (withdrawing ? withdraw(withdrawing, reason) : Promise.resolve())}
        onClose={() => setWithdrawing(undefined)}
      />
    </>
  );
}
