import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { rankingReasonText } from '../../../src-shared/domain/nomination';
import { useAppStore } from '../../app/store';
import { inRankOrder } from './admission-ranking';
import { nominationCasePath } from './nomination-path';
import type { Admission, Nomination } from './nomination-queue';
import { useNominationText } from './nomination-text';
import { useAdmissionRanking } from './use-admission-ranking';

/** The admission's "Rank" action and the run's result: each application's positions, offer or not, the reasons, and whether its case recorded it. */
export function AdmissionRankingPanel({ nominations, admission }: { nominations: readonly Nomination[]; admission: Admission }) {
  const t = useNominationText().ranking;
  const language = useAppStore((state) => state.language);
  const ranking = useAdmissionRanking();
  const { state } = ranking;
  const caseNumbers = new Map(nominations.map((n) => [n.case.id, n.case.caseNumber] as const));
  const caseNumberOf = (id: string) => caseNumbers.get(id) ?? id;
  return (
    <section aria-labelledby="nomination-ranking-heading" className="nomination-ranking">
      <Heading level={2} data-size="xs" id="nomination-ranking-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <Button
        type="button"
        data-size="sm"
        variant="secondary"
        aria-disabled={state.kind === 'running' || !ranking.ready || undefined}
        onClick={() => void ranking.start(nominations, admission)}
      >
        {state.kind === 'running' ? t.running : t.rank}
      </Button>
      <Paragraph role="status" data-size="sm" data-testid="ranking-status">
        {state.kind === 'noneQualified' ? t.noneQualified : state.kind === 'failed' ? t.failed(state.message) : ''}
      </Paragraph>
      {state.kind === 'ranked' && (
        <>
          <Table data-size="sm" aria-label={t.tableLabel}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.application}</Table.HeaderCell>
                <Table.HeaderCell>{t.positions}</Table.HeaderCell>
                <Table.HeaderCell>{t.result}</Table.HeaderCell>
                <Table.HeaderCell>{t.reasons}</Table.HeaderCell>
                <Table.HeaderCell>{t.recorded}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {inRankOrder(state.ranked, admission.code).map(({ nomination: { case: c }, result }) => {
                const outcome = state.results.find((r) => r.case.id === c.id)?.outcome;
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={nominationCasePath(c.id)}>
                          {c.caseNumber} {c.title}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{result.positions.map((at) => t.position(at.offer, at.position)).join(', ')}</Table.Cell>
                    <Table.Cell>{result.offered === null ? t.notReached : t.offered(result.offered)}</Table.Cell>
                    <Table.Cell>
                      <ul className="nomination-ranking__reasons">
                        {result.reasons.map((reason, r) => (
                          <li key={r}>{rankingReasonText(reason, language, caseNumberOf)}</li>
                        ))}
                      </ul>
                    </Table.Cell>
                    <Table.Cell>{!outcome ? '' : outcome.kind === 'done' ? t.recorded : t.refused(outcome.message)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
          <Button type="button" variant="tertiary" data-size="sm" onClick={ranking.dismiss}>
            {t.dismiss}
          </Button>
        </>
      )}
    </section>
  );
}
