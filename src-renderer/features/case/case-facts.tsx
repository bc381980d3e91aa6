import { Heading } from '@digdir/designsystemet-react';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { useAppStore } from '../../app/store';
import { formatDate, hasDeadline } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { statusLabel } from '../overview/case-statuses';

export function CaseFacts({ caseDoc, person }: { caseDoc: Case; person: Person | null }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const facts: [string, string][] = [
    [t.casePage.caseNumber, caseDoc.caseNumber],
    [t.casePage.type, t.caseTypes[caseDoc.type]],
    [t.casePage.status, statusLabel(language, caseDoc.type, caseDoc.status)],
    [t.casePage.subject, person ? `${person.givenName} ${person.familyName}` : '–'],
    [t.casePage.institution, caseDoc.institution || '–'],
    [t.casePage.department, caseDoc.department || '–'],
    [t.casePage.cohort, caseDoc.cohort || '–'],
    [t.casePage.nextDeadline, hasDeadline(caseDoc.nextDeadline) ? formatDate(caseDoc.nextDeadline, t.locale) : t.overview.noDeadline],
  ];
  return (
    <section aria-labelledby="case-facts-heading" className="case-facts">
      <Heading level={2} data-size="sm" id="case-facts-heading">
        {t.casePage.facts}
      </Heading>
      <dl className="case-facts__list">
        {facts.map(([term, value]) => (
          <div key={term} className="case-facts__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Heading level={3} data-size="2xs">
        {t.casePage.deadlines}
      </Heading>
      {caseDoc.deadlines.length === 0 ? (
        <p>{t.casePage.noDeadlines}</p>
      ) : (
        <ul className="case-facts__deadlines">
          {caseDoc.deadlines.map((deadline) => (
            <li key={`${deadline.kind}-${deadline.due}`}>
              {formatDate(deadline.due, t.locale)}: {deadline.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
