import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { passListOf } from '../../../../src-shared/domain/course-delivery/participants';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useResultsText } from './results-text';

/** The pass list for the head of department and the consultant: passed, failed, without a result, and results matching nobody admitted. */
export function PassListView({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useResultsText().passList;
  const list = passListOf(caseDoc.details.participants ?? [], caseDoc.details.results);
  const groups = [
    { key: 'passed', title: t.passed(list.passed.length), people: list.passed },
    { key: 'failed', title: t.failed(list.failed.length), people: list.failed },
    { key: 'missing', title: t.missing(list.missing.length), people: list.missing },
    { key: 'unmatched', title: t.unmatched(list.unmatched.length), people: list.unmatched },
  ];
  return (
    <section aria-labelledby="course-pass-list-heading" className="course-results__part" data-testid="course-pass-list">
      <Heading level={3} data-size="xs" id="course-pass-list-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.description}</Paragraph>
      <div className="course-results__groups">
        {groups.map(({ key, title, people }) => (
          <section key={key} aria-labelledby={`course-pass-list-${key}`} data-group={key}>
            <Heading level={4} data-size="2xs" id={`course-pass-list-${key}`}>
              {title}
            </Heading>
            {people.length === 0 ? (
              <Paragraph data-size="sm">{t.empty}</Paragraph>
            ) : (
              <ul>
                {people.map((person) => (
                  <li key={person.email}>{`${person.name} (${person.email})`}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
