import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { registrationFieldLabels, registrationFields, type RegistrationSetup } from '../../../../src-shared/domain/course-delivery/participants';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import type { ActingUser } from '../../case/acting-user';
import { courseAccess, saveCourseEdit } from './course-details-edit';
import { useParticipantsText } from './participants-text';
import { registrationLink } from './registration-link';
import { setupDefaults, setupFormSchema } from './setup-form.schema';
import { useServerUrl } from './use-server-url';

/**
 * The public registration's set-up — places, deadline, the fields it asks for — edited by the head
 * of department or the operations consultant, with the link to the registration page.
 */
export function RegistrationSetupForm({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useParticipantsText();
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const serverUrl = useServerUrl();
  const { registration, participants = [], landingPage } = caseDoc.details;
  const admitted = participants.filter((p) => p.status === 'admitted').length;
  const mayEdit = courseAccess(actor, 'registration').write;
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<RegistrationSetup>({
    resolver: zodResolver(setupFormSchema(admitted, t.setup.errors)),
    defaultValues: setupDefaults(caseDoc.details),
  });
  const link = registrationLink(caseDoc.id, serverUrl);

  const save = async (values: RegistrationSetup) => {
    setMessage('');
    const problem = await saveCourseEdit(db, caseDoc.id, actor, () => ({ registration: values }));
    setRefusal(problem);
    if (!problem) setMessage(t.setup.saved);
  };

  return (
    <section aria-labelledby="course-registration-setup-heading" className="course-participants__part">
      <Heading level={3} data-size="xs" id="course-registration-setup-heading">
        {t.setup.heading}
      </Heading>
      <Paragraph data-size="sm">{registration ? t.setup.summary(registration.capacity, formatDate(registration.deadline, locale)) : t.setup.none}</Paragraph>
      <dl className="course-participants__links">
        <dt>{t.setup.link}</dt>
        <dd>
          {serverUrl ? <Link href={link}>{link}</Link> : <code>{link}</code>}
          {!serverUrl && <Paragraph data-size="xs">{t.setup.linkPathOnly}</Paragraph>}
        </dd>
        {landingPage && (
          <>
            <dt>{t.setup.landingPage}</dt>
            <dd>
              <Link href={landingPage.registrationUrl}>{landingPage.registrationUrl}</Link>
            </dd>
          </>
        )}
      </dl>
      {mayEdit ? (
        <form noValidate className="course-participants__form" onSubmit={(event) => void handleSubmit(save)(event)}>
          <Textfield
            type="number"
            min={1}
            max={1000}
            label={t.setup.capacity}
            error={errors.capacity?.message}
            {...register('capacity', { valueAsNumber: true })}
          />
          <Textfield type="date" label={t.setup.deadline} error={errors.deadline?.message} {...register('deadline')} />
          <Fieldset>
            <Fieldset.Legend>{t.setup.fields}</Fieldset.Legend>
            <Fieldset.Description>{t.setup.fieldsDescription}</Fieldset.Description>
            {registrationFields.map((field) => (
              <Checkbox key={field} label={registrationFieldLabels[field][language]} value={field} {...register('fields')} />
            ))}
          </Fieldset>
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {t.setup.save}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph data-size="sm">{t.setup.readOnly}</Paragraph>
      )}
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      {refusal && (
        <Alert data-color="danger" role="alert">
          {t.saveFailed(refusal)}
        </Alert>
      )}
    </section>
  );
}
