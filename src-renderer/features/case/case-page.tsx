import { Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useT } from '../../i18n/use-t';
import { approvalCasePath } from '../approval/approval-path';
import { courseCasePath } from '../course-delivery/course-delivery-path';
import { useCourseDeliveryText } from '../course-delivery/course-delivery-text';
import { followUpCasePath } from '../follow-up/follow-up-path';
import { orderPath } from '../placement/placement-path';
import { usePlacementText } from '../placement/placement-text';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { CaseFacts } from './case-facts';
import { CaseNotes } from './case-notes';
import { CaseTasks } from './case-tasks';
import { CaseTitleForm } from './case-title-form';
import { CaseDocuments } from './case-documents';
import { useCaseRecord } from './use-case-record';

/** /cases/:id — one case: facts, notes, tasks and documents (a skeleton the case types build on). */
export function CasePage() {
  const { id = '' } = useParams();
  return <CaseRecord key={id} id={id} />;
}

function CaseRecord({ id }: { id: string }) {
  const t = useT();
  const placementText = usePlacementText();
  const courseText = useCourseDeliveryText();
  const { caseDoc, person, notes, tasks, documents } = useCaseRecord(id);
  usePageTitle(caseDoc ? `${caseDoc.caseNumber} ${caseDoc.title}` : caseDoc === null ? t.casePage.notFound : t.app.loading);

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/">{t.casePage.back}</RouterLink>
      </Link>
    </Paragraph>
  );
  if (caseDoc === undefined) return <Spinner aria-label={t.app.loading} />;
  if (caseDoc === null) {
    return (
      <>
        <PageHeading>{t.casePage.notFound}</PageHeading>
        <Paragraph>{t.casePage.notFoundBody}</Paragraph>
        {back}
      </>
    );
  }
  return (
    <article className="case-page">
      {back}
      <PageHeading>{caseDoc.title}</PageHeading>
      {caseDoc.type === 'followUp' && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={followUpCasePath(caseDoc.id)}>{t.casePage.openFollowUp}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {caseDoc.type === 'approval' && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={approvalCasePath(caseDoc.id)}>{t.casePage.openApproval}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {caseDoc.type === 'placement' && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={orderPath(caseDoc.id)}>{placementText.order.open}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {caseDoc.type === 'courseDelivery' && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={courseCasePath(caseDoc.id)}>{courseText.page.open}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <CaseTitleForm caseDoc={caseDoc} />
      <CaseFacts caseDoc={caseDoc} person={person ?? null} />
      <div className="case-page__columns">
        <CaseNotes notes={notes} />
        <div>
          <CaseTasks tasks={tasks} />
          <CaseDocuments documents={documents} />
        </div>
      </div>
    </article>
  );
}
