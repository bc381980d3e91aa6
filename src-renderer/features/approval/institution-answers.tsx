import { Table } from '@digdir/designsystemet-react';
import type { ResultFetch } from '../../../src-shared/domain/approval';
import { formatDateTime } from '../../i18n/format';
import { answerText } from './answer-text';
import { useApprovalText } from './approval-text';

/** Each institution the fetch asks, with its answer in words (or that it has not answered yet). */
export function InstitutionAnswers({ fetch, captionId }: { fetch: ResultFetch; captionId: string }) {
  const dictionary = useApprovalText();
  const t = dictionary.fetch;
  return (
    <Table data-size="sm" aria-labelledby={captionId} className="approval-answers">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.institution}</Table.HeaderCell>
          <Table.HeaderCell>{t.outcome}</Table.HeaderCell>
          <Table.HeaderCell>{t.answeredAt}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {fetch.sources.map((source) => {
          const answer = fetch.answers.find((a) => a.code === source.code);
          const text = answer && answerText(answer, dictionary);
          return (
            <Table.Row key={source.code} data-institution={source.code}>
              <Table.Cell>
                {source.name} ({source.code})
              </Table.Cell>
              <Table.Cell>
                {text ? text.outcome : t.notAnswered}
                {text?.notes.map((note) => (
                  <span key={note} className="approval-answers__note">
                    {note}
                  </span>
                ))}
              </Table.Cell>
              <Table.Cell>{answer ? formatDateTime(answer.answeredAt, dictionary.locale) : '–'}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
