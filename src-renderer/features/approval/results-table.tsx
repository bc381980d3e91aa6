import { Table } from '@digdir/designsystemet-react';
import type { ExternalResult } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import { useApprovalText } from './approval-text';
import { groupByQualification } from './result-groups';

/** The name of a result in the user's language (the English name may be missing). */
export const resultName = (result: ExternalResult, language: 'nb' | 'en') => (language === 'en' && result.nameEn ? result.nameEn : result.nameNb);

/** Results grouped by institution and degree: a group heading row per degree, its courses under it. */
export function ResultsTable({ results, labelledBy }: { results: readonly ExternalResult[]; labelledBy: string }) {
  const t = useApprovalText().results;
  const language = useAppStore((state) => state.language);
  return (
    <Table data-size="sm" aria-labelledby={labelledBy} className="approval-results">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.code}</Table.HeaderCell>
          <Table.HeaderCell>{t.name}</Table.HeaderCell>
          <Table.HeaderCell>{t.term}</Table.HeaderCell>
          <Table.HeaderCell>{t.credits}</Table.HeaderCell>
          <Table.HeaderCell>{t.grade}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      {groupByQualification(results).map((group) => (
        <Table.Body key={`${group.institutionCode}|${group.qualification?.code ?? ''}`}>
          <Table.Row className="approval-results__group">
            <Table.HeaderCell colSpan={group.qualification ? 2 : 5} scope="colgroup">
              {group.institutionName}:{' '}
              {group.qualification ? `${t.degree} ${group.qualification.code} ${resultName(group.qualification, language)}` : t.outsideDegree}
            </Table.HeaderCell>
            {group.qualification && (
              <>
                <Table.Cell>{group.qualification.term}</Table.Cell>
                <Table.Cell>{group.qualification.credits}</Table.Cell>
                <Table.Cell>{group.qualification.grade}</Table.Cell>
              </>
            )}
          </Table.Row>
          {group.courses.map((course) => (
            <Table.Row key={`${course.code}|${course.term}`} data-result={course.code}>
              <Table.Cell>{course.code}</Table.Cell>
              <Table.Cell>
                {resultName(course, language)}
                {course.thesisTitle && <span className="approval-results__thesis">{t.thesis(course.thesisTitle)}</span>}
              </Table.Cell>
              <Table.Cell>{course.term}</Table.Cell>
              <Table.Cell>{course.credits}</Table.Cell>
              <Table.Cell>{course.grade}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      ))}
    </Table>
  );
}
