import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { nominationStatusLabels, nominationWorkflow, rankingReasonText } from '../../../src-shared/domain/nomination';
import { useAppStore } from '../../app/store';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { BackLink, CaseNotShown } from '../case/case-page-states';
import { FactList } from '../case/fact-list';
import { WorkflowDiagram } from '../case/workflow-diagram';
import { BulkProgress } from '../overview/bulk/bulk-progress';
import { BulkResults } from '../overview/bulk/bulk-results';
import { useBulkRun } from '../overview/bulk/use-bulk-run';
import '../overview/bulk/bulk.css';
import { ApplicantUploads } from './applicant-uploads';
import { AssessmentPanel } from './assessment-panel';
import { NominationBulkBar } from './nomination-bulk-bar';
import { NOMINATION_PATH } from './nomination-path';
import type { Nomination } from './nomination-queue';
import { useNominationText } from './nomination-text';
import { useCaseNumbers } from './use-case-numbers';
import { useNominationCase } from './use-nomination-case';

/** /nomination/:id — one nomination: the application, the offer, the ranking with its reasons, the steps and the process. */
export function NominationCasePage() {
  const { id = '' } = useParams();
  return <NominationCaseRecord key={id} id={id} />;
}

function NominationCaseRecord({ id }: { id: string }) {
  const text = useNominationText();
  const t = text.casePage;
  const language = useAppStore((state) => state.language);
  const actor = useActingUser();
  const today = useToday();
  const run = useBulkRun();
  const nomination = useNominationCase(id);
  usePageTitle(nomination ? `${nomination.case.caseNumber} ${nomination.case.title}` : nomination === null ? t.notFound : text.loading);

  const backTo = { to: NOMINATION_PATH, label: t.back };
  if (!nomination)
    return <CaseNotShown missing={nomination === null} back={backTo} texts={{ loading: text.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }} />;
  const { case: c } = nomination;
  const allowed = nominationWorkflow.allowedEvents(c, actor);
  return (
    <article className="nomination-case">
      <BackLink {...backTo} />
      <PageHeading>{c.title}</PageHeading>
      <ActingUserSwitch />
      <NominationFacts nomination={nomination} />
      <NominatedApplicant nomination={nomination} />
      <ApplicantUploads caseId={c.id} />
      <AssessmentPanel nomination={nomination} run={run} />
      <NominationRanking nomination={nomination} />
      <section aria-labelledby="nomination-steps-heading">
        <Heading level={2} data-size="sm" id="nomination-steps-heading">
          {t.steps(actor.name)}
        </Heading>
        {allowed.length === 0 ? (
          <Paragraph>{t.noSteps}</Paragraph>
        ) : (
          <ul>
            {allowed.map((event) => (
              <li key={event}>{nominationWorkflow.eventLabel(event)?.[language] ?? event}</li>
            ))}
          </ul>
        )}
        <NominationBulkBar run={run} selected={[{ id: c.id, caseNumber: c.caseNumber, title: c.title, type: c.type }]} today={today} />
        <BulkProgress run={run} />
        <BulkResults run={run} />
      </section>
      <WorkflowDiagram workflow={nominationWorkflow} status={c.status} statusLabels={nominationStatusLabels} title={t.workflowTitle} />
    </article>
  );
}

function NominationFacts({ nomination: { case: c, details, status } }: { nomination: Nomination }) {
  const t = useNominationText().casePage;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const onBehalf = details.nomination.onBehalfOf;
  const facts: [string, string][] = [
    [t.caseNumber, c.caseNumber],
    [t.status, nominationStatusLabels[status][language]],
    [t.partner, details.partner.name],
    [t.nominatedBy, onBehalf ? t.onBehalfOf(onBehalf.registeredByName, details.partner.name, onBehalf.reason) : details.nomination.nominatorName],
    [t.offer, `${details.offer.code} ${details.offer.name} (${details.offer.term})`],
    [t.admission, `${t.admissionKinds[details.admissionKind]}, ${t.proFormaModes[details.admission.proFormaMode]}`],
    [t.choices, details.application ? details.application.choices.map((choice, i) => `${i + 1}. ${choice.code} ${choice.name}`).join('; ') : t.notSubmitted],
  ];
  if (details.offerMade) facts.push([t.offer, t.offerMade(details.offerMade.offer.code, formatDate(details.offerMade.answerBy, locale))]);
  if (details.outcome) facts.push([t.outcome, [nominationStatusLabels[details.outcome.result][language], details.outcome.reason].filter(Boolean).join(': ')]);
  return (
    <section aria-labelledby="nomination-facts-heading">
      <Heading level={2} data-size="sm" id="nomination-facts-heading">
        {t.facts}
      </Heading>
      <FactList className="nomination-case__facts" facts={facts} />
    </section>
  );
}

/** What the nominator told about the applicant, and the offers they proposed, best first. */
function NominatedApplicant({ nomination: { details } }: { nomination: Nomination }) {
  const t = useNominationText().casePage;
  const { locale } = useT();
  const { applicant, choices } = details.nomination;
  const facts: [string, string][] = [];
  if (applicant?.birthDate) facts.push([t.birthDate, formatDate(applicant.birthDate, locale)]);
  if (applicant?.citizenship) facts.push([t.citizenship, applicant.citizenship]);
  if (applicant?.globalStudentId) facts.push([t.globalStudentId, applicant.globalStudentId]);
  if (applicant?.homeInstitution) facts.push([t.homeInstitution, applicant.homeInstitution]);
  if (choices?.length) facts.push([t.proposedChoices, choices.map((choice, i) => `${i + 1}. ${choice.code} ${choice.name}`).join('; ')]);
  return (
    <section aria-labelledby="nomination-told-heading">
      <Heading level={2} data-size="sm" id="nomination-told-heading">
        {t.told}
      </Heading>
      {facts.length === 0 ? <Paragraph>{t.nothingTold}</Paragraph> : <FactList className="nomination-case__facts" facts={facts} />}
    </section>
  );
}

function NominationRanking({ nomination: { details } }: { nomination: Nomination }) {
  const t = useNominationText().casePage;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const ranking = details.ranking;
  const caseNumberOf = useCaseNumbers(ranking?.reasons.flatMap((reason) => (reason.kind === 'position' && reason.above ? [reason.above.id] : [])) ?? []);
  return (
    <section aria-labelledby="nomination-ranking-heading">
      <Heading level={2} data-size="sm" id="nomination-ranking-heading">
        {t.ranking}
      </Heading>
      {!ranking ? (
        <Paragraph>{t.notRanked}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t.rankedAt(formatDateTime(ranking.run.at, locale))} {ranking.offered === null ? t.notReached : t.offered(ranking.offered)}
          </Paragraph>
          <ul data-testid="ranking-reasons">
            {ranking.reasons.map((reason, i) => (
              <li key={i}>{rankingReasonText(reason, language, caseNumberOf)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
