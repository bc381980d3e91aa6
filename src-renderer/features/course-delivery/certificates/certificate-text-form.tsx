import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { MAX_CERTIFICATE_TEXT } from '../../../../src-shared/documents/course-certificate.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import type { ActingUser } from '../../case/acting-user';
import { courseAccess, saveCourseEdit } from '../participants/course-details-edit';
import { useCertificatesText } from './certificates-text';

/**
 * The certificate text (the competence the course gives): written by the department head by a
 * plain edit of the course (the operations consultant may correct it), read by everyone else.
 */
export function CertificateTextForm({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useCertificatesText().text;
  const { locale } = useT();
  const db = useDatabase();
  const written = caseDoc.details.certificateText;
  const mayEdit = courseAccess(actor, 'certificateText').write;
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ text: z.string().trim().min(1, t.required).max(MAX_CERTIFICATE_TEXT, t.tooLong(MAX_CERTIFICATE_TEXT)) }), [t]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ text: string }>({ resolver: zodResolver(schema), defaultValues: { text: written?.text ?? '' } });

  const save = async ({ text }: { text: string }) => {
    setMessage('');
    const problem = await saveCourseEdit(db, caseDoc.id, actor, () => ({ certificateText: { writtenAt: new Date().toISOString(), text } }));
    setRefusal(problem);
    if (!problem) setMessage(t.saved);
  };

  return (
    <section aria-labelledby="course-certificate-text-heading" className="course-certificates__part">
      <Heading level={3} data-size="xs" id="course-certificate-text-heading">
        {t.heading}
      </Heading>
      {written ? <Paragraph data-size="sm">{t.written(formatDateTime(written.writtenAt, locale))}</Paragraph> : <Paragraph data-size="sm">{t.none}</Paragraph>}
      {mayEdit ? (
        <form noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
          <Textfield label={t.label} description={t.description(MAX_CERTIFICATE_TEXT)} multiline rows={5} error={errors.text?.message} {...register('text')} />
          <div className="course-certificates__actions">
            <Button type="submit" disabled={isSubmitting}>
              {t.save}
            </Button>
          </div>
        </form>
      ) : (
        written && <Paragraph className="course-certificates__text">{written.text}</Paragraph>
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
