import { Heading } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { courseDeliveryStatusLabels, courseDeliveryWorkflow, type CourseDeliveryCase } from '../../../src-shared/domain/course-delivery';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useToday } from '../../ui/use-today';
import { useActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { BackLink, CaseNotShown } from '../case/case-page-states';
import { FactList } from '../case/fact-list';
import { WorkflowDiagram } from '../case/workflow-diagram';
import { COURSES_PATH } from './course-delivery-path';
import { useCourseDeliveryText } from './course-delivery-text';
import { CertificatesPanel } from './certificates';
import { ContractPanel } from './contract/contract-panel';
import { CourseStepPanel } from './course-step-panel';
import { MessagesPanel } from './messages';
import { ParticipantsPanel } from './participants';
import { ResultsPanel } from './results';
import { CourseTimeline } from './timeline/course-timeline';
import { useCourseCase } from './use-course-case';
import './course-delivery.css';

/** /kurs/:id — one course: its facts, the workflow and its next steps, the checklist as a timeline, and the course's panels. */
export function CourseCasePage() {
  const { id = '' } = useParams();
  return <CourseCaseRecord key={id} id={id} />;
}

function CourseCaseRecord({ id }: { id: string }) {
  const text = useCourseDeliveryText();
  const t = text.page;
  const actor = useActingUser();
  const today = useToday();
  const caseDoc = useCourseCase(id);
  usePageTitle(caseDoc ? `${caseDoc.caseNumber} ${caseDoc.title}` : caseDoc === null ? t.notFound : text.loading);
  const back = { to: COURSES_PATH, label: t.back };
  if (!caseDoc)
    return <CaseNotShown missing={caseDoc === null} back={back} texts={{ loading: text.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }} />;
  return (
    <article className="course-page">
      <BackLink {...back} />
      <PageHeading>{caseDoc.title}</PageHeading>
      <ActingUserSwitch />
      <CourseFacts caseDoc={caseDoc} />
      <CourseStepPanel caseDoc={caseDoc} actor={actor} />
      <CourseTimeline caseDoc={caseDoc} actor={actor} today={today} />
      {/* The course's own panels, each a section with its own h2, in the order the course needs them. */}
      <ContractPanel caseDoc={caseDoc} />
      <ParticipantsPanel caseDoc={caseDoc} />
      <MessagesPanel caseDoc={caseDoc} />
      <ResultsPanel caseDoc={caseDoc} />
      <CertificatesPanel caseDoc={caseDoc} />
      <WorkflowDiagram workflow={courseDeliveryWorkflow} status={caseDoc.status} statusLabels={courseDeliveryStatusLabels} title={t.workflowTitle} />
    </article>
  );
}

function CourseFacts({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useCourseDeliveryText().page;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const { course, teachingResource } = caseDoc.details;
  const facts: [string, string][] = [
    [t.caseNumber, caseDoc.caseNumber],
    [t.course, `${course.code} ${course.name}`],
    [t.period, `${formatDate(course.startDate, locale)}–${formatDate(course.endDate, locale)}`],
    [t.sessions, String(course.sessions)],
    [t.credits, String(course.credits)],
    [t.teachingResource, teachingResource.name],
    [t.status, courseDeliveryStatusLabels[caseDoc.status][language]],
  ];
  return (
    <section aria-labelledby="course-facts-heading" className="course-page__section">
      <Heading level={2} data-size="sm" id="course-facts-heading">
        {t.facts}
      </Heading>
      <FactList className="course-page__facts" facts={facts} />
    </section>
  );
}
