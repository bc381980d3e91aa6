import { Heading } from '@digdir/designsystemet-react';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useActingUser } from '../../case/acting-user';
import { courseAccess } from './course-details-edit';
import { InvoicingDownload } from './invoicing-download';
import { useParticipantsText } from './participants-text';
import { RegistrationSetupForm } from './registration-setup';
import { RegistrationsTable } from './registrations-table';
import './participants.css';

/**
 * A course's registration and participants for the acting user: the registration's set-up and
 * link (head of department, operations consultant), the registrations with the head's decisions,
 * and the invoicing basis of the admitted. The teaching resource sees the set-up only.
 */
export function ParticipantsPanel({ caseDoc }: { caseDoc: Case | CourseDeliveryCase }) {
  if (caseDoc.type !== 'courseDelivery') return null;
  return <CourseParticipants caseDoc={caseDoc as CourseDeliveryCase} />;
}

function CourseParticipants({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useParticipantsText();
  const actor = useActingUser();
  const seesParticipants = courseAccess(actor, 'participants').read;
  return (
    <section aria-labelledby="course-participants-heading" className="course-page__section course-participants" data-testid="course-participants">
      <Heading level={2} data-size="sm" id="course-participants-heading">
        {t.heading}
      </Heading>
      {/* Keyed by who acts: the form starts again from the stored set-up for someone else. */}
      <RegistrationSetupForm key={actor.userId} caseDoc={caseDoc} actor={actor} />
      {seesParticipants && <RegistrationsTable key={`${actor.userId}-table`} caseDoc={caseDoc} actor={actor} />}
      {seesParticipants && <InvoicingDownload caseDoc={caseDoc} />}
    </section>
  );
}
