import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph, Textarea, Textfield, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import {
  defaultCourseMessages,
  fillMessage,
  messageTemplateOf,
  messageTemplateSchema,
  unknownPlaceholders,
  type CourseMessageKind,
  type MessagePlaceholder,
  type MessageTemplate,
} from '../../../../src-shared/domain/course-delivery/messages/course-messages';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import type { ActingUser } from '../../case/acting-user';
import { saveCourseEdit } from '../participants/course-details-edit';
import { useMessagesText, type MessagesText } from './messages-text';

/** A field's issue in the UI language: empty, too long, or placeholders the letters do not know (named). */
function issueText(t: MessagesText['errors'], error: FieldError | undefined, value: string): string | undefined {
  if (!error) return undefined;
  if (error.type === 'too_big') return t.tooLong;
  const unknown = unknownPlaceholders(value);
  return unknown.length > 0 ? t.unknown(unknown.map((name) => `{${name}}`).join(', ')) : t.empty;
}

/**
 * One of the course's e-mail texts, edited by the head of department beside a live preview for an
 * example participant; saved as a plain edit of the course's messages.
 */
export function MessageTemplateForm(props: {
  caseDoc: CourseDeliveryCase;
  actor: ActingUser;
  kind: CourseMessageKind;
  values: Partial<Record<MessagePlaceholder, string>>;
}) {
  const { caseDoc, actor, kind, values } = props;
  const t = useMessagesText();
  const db = useDatabase();
  const id = useId();
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<MessageTemplate>({ resolver: zodResolver(messageTemplateSchema), defaultValues: messageTemplateOf(caseDoc.details.messages, kind) });
  const current = useWatch({ control }) as MessageTemplate;
  const preview = fillMessage({ subject: current.subject ?? '', body: current.body ?? '' }, values);

  const save = async (template: MessageTemplate) => {
    setMessage('');
    const at = new Date().toISOString();
    const problem = await saveCourseEdit(db, caseDoc.id, actor, (details) => ({
      messages: { ...details.messages, [kind]: template, changedAt: at, changedBy: actor.userId },
    }));
    setRefusal(problem && t.saveFailed(problem));
    if (!problem) setMessage(t.saved(t.kinds[kind]));
  };
  const reset = () => {
    const template = defaultCourseMessages[kind];
    setValue('subject', template.subject, { shouldDirty: true, shouldValidate: true });
    setValue('body', template.body, { shouldDirty: true, shouldValidate: true });
    setMessage(t.resetDone);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="course-messages__kind" data-testid={`course-message-${kind}`}>
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t.kinds[kind]}
      </Heading>
      <div className="course-messages__columns">
        <form noValidate className="course-messages__form" onSubmit={(event) => void handleSubmit(save)(event)}>
          <Textfield label={t.subject} error={issueText(t.errors, errors.subject, current.subject ?? '')} {...register('subject')} />
          <Field>
            <Label htmlFor={`${id}-body`}>{t.body}</Label>
            <Textarea id={`${id}-body`} rows={10} aria-invalid={errors.body ? true : undefined} {...register('body')} />
            {errors.body && <ValidationMessage>{issueText(t.errors, errors.body, current.body ?? '')}</ValidationMessage>}
          </Field>
          <div className="course-messages__actions">
            <Button type="submit" disabled={isSubmitting}>
              {t.save}
            </Button>
            <Button type="button" variant="secondary" onClick={reset}>
              {t.reset}
            </Button>
          </div>
        </form>
        <div className="course-messages__preview" aria-labelledby={`${id}-preview`} role="region">
          <Heading level={4} data-size="2xs" id={`${id}-preview`}>
            {t.preview}
          </Heading>
          <Paragraph data-size="xs">{t.previewFor(values.navn ?? '')}</Paragraph>
          <Paragraph data-testid="course-message-preview-subject">
            <strong>{preview.subject}</strong>
          </Paragraph>
          <Paragraph className="course-messages__body" data-testid="course-message-preview-body">
            {preview.body}
          </Paragraph>
        </div>
      </div>
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      {refusal && (
        <Alert data-color="danger" role="alert">
          {refusal}
        </Alert>
      )}
    </section>
  );
}
