import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { approvalStatusLabels, approvalWorkflow, fetchesToAccept, fsStatusLabels, fsStatusOf, type ApprovalCase } from '../../../src-shared/domain/approval';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { useAppStore } from '../../app/store';
import { formatDate, hasDeadline } from '../../i18n/format';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { DocumentList } from '../case/document-list';
import { useStaffDirectory } from '../case/use-staff-directory';
import { WorkflowDiagram } from '../case/workflow-diagram';
import { useOrganisation } from '../organisation/use-organisation';
import { studentName } from '../case/letter-parts';
import { APPROVAL_PATH } from './approval-path';
import { ApprovalStepForms } from './approval-step-forms';
import { ApprovalStepNotice } from './approval-step-notice';
import { useApprovalText } from './approval-text';
import { ConsentPanel } from './consent-panel';
import { DecisionFacts } from './decision-facts';
import { DecisionPanel } from './decision-panel';
import { FetchDiff } from './fetch-diff';
import { FetchHistory } from './fetch-history';
import { FetchProgressView } from './fetch-progress-view';
import { InstitutionAnswers } from './institution-answers';
import { ResultsTable } from './results-table';
import { useApprovalCase } from './use-approval-case';
import { useApprovalStep } from './use-approval-step';
import './approval.css';
import { FactList } from '../case/fact-list';
import { BackLink, CaseNotShown } from '../case/case-page-states';

/** /approval/:id — one approval case: the application, the consent, the steps, the result fetches and their results. */
export function ApprovalCasePage() {
  const { id = '' } = useParams();
  return <ApprovalCaseRecord key={id} id={id} />;
}

function ApprovalCaseRecord({ id }: { id: string }) {
  const dictionary = useApprovalText();
  const t = dictionary.casePage;
  const actor = useActingUser();
  const { caseDoc, student, documents } = useApprovalCase(id);
  const organisation = useOrganisation();
  const staff = useStaffDirectory();
  const records = useMemo(() => (student && organisation ? { student, organisation, staff } : undefined), [student, organisation, staff]);
  const { state, run } = useApprovalStep(caseDoc ?? undefined, records);
  usePageTitle(caseDoc ? `${caseDoc.caseNumber} ${caseDoc.title}` : caseDoc === null ? t.notFound : dictionary.loading);

  const backTo = { to: APPROVAL_PATH, label: t.back };
  if (!caseDoc)
    return (
      <CaseNotShown missing={caseDoc === null} back={backTo} texts={{ loading: dictionary.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }} />
    );
  const allowed = approvalWorkflow.allowedEvents(caseDoc, actor);
  return (
    <article className="approval-case">
      <BackLink {...backTo} />
      <PageHeading>{caseDoc.title}</PageHeading>
      <ActingUserSwitch />
      <CaseFacts caseDoc={caseDoc} student={student} />
      <WorkflowDiagram workflow={approvalWorkflow} status={caseDoc.status} statusLabels={approvalStatusLabels} title={t.workflowTitle} />
      <ConsentPanel caseDoc={caseDoc} allowed={allowed} run={run} busy={state.busy} />
      <section aria-labelledby="approval-steps-heading" className="approval-case__section">
        <Heading level={2} data-size="sm" id="approval-steps-heading">
          {dictionary.steps.heading(actor.name)}
        </Heading>
        <ApprovalStepForms caseDoc={caseDoc} actor={actor} allowed={allowed} run={run} busy={state.busy} />
        <ApprovalStepNotice state={state} />
      </section>
      {allowed.includes('decide') && (
        // A newly accepted fetch changes the courses to decide on: the form starts again from them.
        <DecisionPanel key={caseDoc.details.acceptedFetches.length} caseDoc={caseDoc} letter={records} actor={actor} run={run} busy={state.busy} />
      )}
      {caseDoc.details.decision && <DecisionFacts caseDoc={caseDoc} />}
      {documents && documents.length > 0 && <DocumentList documents={documents} lastStep={state.last} />}
      <CurrentFetch caseDoc={caseDoc} mayAccept={allowed.includes('acceptFetchedResults')} run={run} busy={state.busy} />
      <section aria-labelledby="approval-accepted-heading" className="approval-case__section">
        <Heading level={2} data-size="sm" id="approval-accepted-heading">
          {dictionary.results.accepted}
        </Heading>
        {caseDoc.details.externalResults.length === 0 ? (
          <Paragraph>{dictionary.results.noneAccepted}</Paragraph>
        ) : (
          <ResultsTable results={caseDoc.details.externalResults} labelledBy="approval-accepted-heading" />
        )}
      </section>
      {caseDoc.details.fetches.length > 1 && <FetchHistory fetches={caseDoc.details.fetches} acceptances={caseDoc.details.acceptedFetches} />}
    </article>
  );
}

function CaseFacts({ caseDoc, student }: { caseDoc: ApprovalCase; student: Person | null | undefined }) {
  const dictionary = useApprovalText();
  const t = dictionary.casePage;
  const language = useAppStore((state) => state.language);
  const fsStatus = fsStatusOf[caseDoc.status];
  const { application } = caseDoc.details;
  const facts: [string, string][] = [
    [t.caseNumber, caseDoc.caseNumber],
    [t.status, approvalStatusLabels[caseDoc.status]?.[language] ?? caseDoc.status],
    [t.fsStatus, `${fsStatus} – ${fsStatusLabels[fsStatus][language]}`],
    [t.student, student ? studentName(student) : '–'],
    [t.nextDeadline, hasDeadline(caseDoc.nextDeadline) ? formatDate(caseDoc.nextDeadline, dictionary.locale) : t.noDeadline],
    [t.receivedAt, formatDate(application.receivedAt, dictionary.locale)],
    [t.requestedCredits, t.credits(application.requestedCredits)],
  ];
  return (
    <section aria-labelledby="approval-facts-heading" className="approval-case__section">
      <Heading level={2} data-size="sm" id="approval-facts-heading">
        {t.facts}
      </Heading>
      <FactList className="approval-case__facts" facts={facts} />
      <Heading level={3} data-size="2xs">
        {t.application}
      </Heading>
      <Paragraph>{application.description}</Paragraph>
    </section>
  );
}

/** The latest fetch: its progress, each institution's answer, what it brought and, if it waits to be accepted, the diff. */
function CurrentFetch({
  caseDoc,
  mayAccept,
  run,
  busy,
}: {
  caseDoc: ApprovalCase;
  mayAccept: boolean;
  run: ReturnType<typeof useApprovalStep>['run'];
  busy: boolean;
}) {
  const dictionary = useApprovalText();
  const t = dictionary.fetch;
  const { fetches, acceptedFetches, externalResults } = caseDoc.details;
  const fetch = fetches.at(-1);
  const waiting = fetch && fetchesToAccept(fetches, acceptedFetches).some((f) => f.id === fetch.id);
  return (
    <section aria-labelledby="approval-fetch-heading" className="approval-case__section">
      <Heading level={2} data-size="sm" id="approval-fetch-heading">
        {t.heading}
      </Heading>
      {!fetch ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <>
          <Heading level={3} data-size="xs" id="approval-current-fetch-heading">
            {t.current(fetches.length, formatDate(fetch.orderedAt, dictionary.locale))}
          </Heading>
          <FetchProgressView fetch={fetch} />
          {waiting && <FetchDiff fetch={fetch} accepted={externalResults} mayAccept={mayAccept} run={run} busy={busy} />}
          {fetch.results.length > 0 && (
            <>
              <Heading level={3} data-size="xs" id="approval-fetched-heading">
                {dictionary.results.heading}
              </Heading>
              <ResultsTable results={fetch.results} labelledBy="approval-fetched-heading" />
            </>
          )}
          {fetch.sources.length > 0 && <InstitutionAnswers fetch={fetch} captionId="approval-current-fetch-heading" />}
        </>
      )}
    </section>
  );
}
