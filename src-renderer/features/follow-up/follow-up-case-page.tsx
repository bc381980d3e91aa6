import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { canSeeCase, isTerminalStatus } from '../../../src-shared/domain/access/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { concernKinds, courseworkStates, followUpStatusLabels } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useObservable } from '../../db/use-observable';
import { useOrganisation } from '../organisation/use-organisation';
import { formatDate, hasDeadline } from '../../i18n/format';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { DecisionPanel } from './decision-panel';
import { studentName } from '../case/letter-parts';
import { FOLLOW_UP_PATH } from './follow-up-path';
import { useFollowUpText } from './follow-up-text';
import { DocumentList } from '../case/document-list';
import { NotesEditor } from './notes-editor';
import { ProtocolPanel } from './protocol-panel';
import { StepForms } from './step-forms';
import { FollowUpStepNotice } from './step-notice';
import { useFollowUpCase } from './use-follow-up-case';
import { useStaffDirectory } from '../case/use-staff-directory';
import { useStep } from './use-step';
import { WorkflowDiagram } from '../case/workflow-diagram';
import './follow-up.css';
import { FactList } from '../case/fact-list';
import { BackLink, CaseNotShown } from '../case/case-page-states';

/** /follow-up/:id — one follow-up case through its whole workflow. */
export function FollowUpCasePage() {
  const { id = '' } = useParams();
  return <FollowUpCaseRecord key={id} id={id} />;
}

function FollowUpCaseRecord({ id }: { id: string }) {
  const dictionary = useFollowUpText();
  const t = dictionary.casePage;
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const actor = useActingUser();
  const { caseDoc, student, notes, documents } = useFollowUpCase(id);
  const staff = useStaffDirectory();
  const organisation = useOrganisation();
  const ctx = useMemo(
    () => (caseDoc && student && notes && organisation ? { caseDoc, student, notes, staff, organisation } : undefined),
    [caseDoc, student, notes, staff, organisation],
  );
  const { state, run } = useStep(ctx);
  const subjectId = caseDoc?.subjectPersonId ?? '';
  const siblings$ = useMemo(() => db.cases.find({ selector: { type: 'followUp', subjectPersonId: subjectId } }).$, [db, subjectId]);
  const siblings = useObservable(siblings$);
  const otherOpenCases = useMemo(
    () =>
      (siblings ?? [])
        .map((doc) => doc.toJSON() as Case)
        .filter((c) => c.id !== id && !isTerminalStatus('followUp', c.status) && c.status !== 'reported' && canSeeCase(actor, c)),
    [siblings, id, actor],
  );
  usePageTitle(caseDoc ? `${caseDoc.caseNumber} ${caseDoc.title}` : caseDoc === null ? t.notFound : dictionary.loading);

  const backTo = { to: FOLLOW_UP_PATH, label: t.back };
  if (!caseDoc)
    return (
      <CaseNotShown missing={caseDoc === null} back={backTo} texts={{ loading: dictionary.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }} />
    );
  const visible = canSeeCase(actor, caseDoc);
  const delivery = caseDoc.details.decisionDelivery;
  const facts: [string, string][] = [
    [t.caseNumber, caseDoc.caseNumber],
    [t.status, followUpStatusLabels[caseDoc.status]?.[language] ?? caseDoc.status],
    [t.student, student ? studentName(student) : '–'],
    [t.cohort, caseDoc.cohort || '–'],
    [t.nextDeadline, hasDeadline(caseDoc.nextDeadline) ? formatDate(caseDoc.nextDeadline, dictionary.locale) : t.noDeadline],
    ...(delivery ? [[t.appealDeadline, formatDate(delivery.appealDeadline, dictionary.locale)] as [string, string]] : []),
  ];

  return (
    <article className="follow-up-case">
      <BackLink {...backTo} />
      <PageHeading>{caseDoc.title}</PageHeading>
      <ActingUserSwitch />
      {!visible && <Paragraph>{t.outsideScope}</Paragraph>}
      <section aria-labelledby="follow-up-facts-heading" className="follow-up-case__facts">
        <Heading level={2} data-size="sm" id="follow-up-facts-heading">
          {t.facts}
        </Heading>
        <FactList className="follow-up-case__fact-list" facts={facts} />
        <Heading level={3} data-size="2xs">
          {t.reports}
        </Heading>
        {caseDoc.details.reports.length === 0 ? (
          <Paragraph>{t.noReports}</Paragraph>
        ) : (
          <ul className="follow-up-case__reports">
            {caseDoc.details.reports.map((report) => (
              <li key={report.id}>
                <Paragraph>
                  <strong>
                    {report.course.code} {report.course.name}
                  </strong>{' '}
                  –{' '}
                  {report.concerns
                    .filter((kind) => concernKinds.includes(kind))
                    .map((kind) => dictionary.concernKinds[kind])
                    .join(', ')}
                </Paragraph>
                <Paragraph data-size="sm">{t.reportedBy(report.reporterName, formatDate(report.reportedAt, dictionary.locale))}</Paragraph>
                <Paragraph>{report.description}</Paragraph>
                {report.coursework.length > 0 && (
                  <ul>
                    {report.coursework.map((item) => (
                      <li key={item.title}>
                        {item.title}: {courseworkStates.includes(item.status) ? dictionary.courseworkStates[item.status] : item.status}
                        {item.due ? ` (${t.due(formatDate(item.due, dictionary.locale))})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {report.absencePercent !== undefined && <Paragraph data-size="sm">{t.absence(report.absencePercent)}</Paragraph>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="follow-up-case__columns">
        <WorkflowDiagram workflow={followUpWorkflow} status={caseDoc.status} statusLabels={followUpStatusLabels} title={dictionary.workflow.title} />
        <section aria-labelledby="follow-up-steps-heading" className="follow-up-case__steps">
          <Heading level={2} data-size="sm" id="follow-up-steps-heading">
            {t.yourSteps(actor.name)}
          </Heading>
          {ctx ? (
            <StepForms ctx={ctx} documents={documents ?? []} actor={actor} run={run} busy={state.busy} otherOpenCases={otherOpenCases} />
          ) : (
            <Paragraph>{student === null ? t.noStudent : dictionary.loading}</Paragraph>
          )}
          <FollowUpStepNotice state={state} />
        </section>
      </div>
      {notes && <NotesEditor caseDoc={caseDoc} notes={notes} actor={actor} />}
      {ctx && <ProtocolPanel ctx={ctx} documents={documents ?? []} actor={actor} run={run} busy={state.busy} />}
      {ctx && <DecisionPanel ctx={ctx} actor={actor} run={run} busy={state.busy} />}
      {documents && <DocumentList documents={documents} lastStep={state.last} />}
    </article>
  );
}
