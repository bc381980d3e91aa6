import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { courseMessageKinds, messagePlaceholders, messageTemplateOf } from '../../../../src-shared/domain/course-delivery/messages/course-messages';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useActingUser } from '../../case/acting-user';
import { courseAccess } from '../participants/course-details-edit';
import { exampleValues } from './example-values';
import { MessageTemplateForm } from './message-template-form';
import { useMessagesText } from './messages-text';
import './messages.css';

/**
 * The course's e-mails to its participants — the welcome letter and the evaluation invitation —
 * with the placeholders they may use: the head of department edits them with a live preview,
 * everyone else reads them.
 */
export function MessagesPanel({ caseDoc }: { caseDoc: Case | CourseDeliveryCase }) {
  if (caseDoc.type !== 'courseDelivery') return null;
  return <CourseMessages caseDoc={caseDoc as CourseDeliveryCase} />;
}

function CourseMessages({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useMessagesText();
  const { locale } = useT();
  const actor = useActingUser();
  const mayEdit = courseAccess(actor, 'messages').write;
  const { messages } = caseDoc.details;
  const values = exampleValues(caseDoc.details, t.exampleName, locale);
  return (
    <section aria-labelledby="course-messages-heading" className="course-page__section course-messages" data-testid="course-messages">
      <Heading level={2} data-size="sm" id="course-messages-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <Paragraph data-size="sm">{messages ? t.changed(formatDateTime(messages.changedAt, locale)) : t.defaultText}</Paragraph>
      <Heading level={3} data-size="xs">
        {t.placeholders}
      </Heading>
      <Paragraph data-size="sm">{t.placeholdersDescription}</Paragraph>
      <dl className="course-messages__placeholders">
        {messagePlaceholders.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{t.placeholderNames[name]}</dd>
          </div>
        ))}
      </dl>
      {!mayEdit && <Paragraph data-size="sm">{t.readOnly}</Paragraph>}
      {courseMessageKinds.map((kind) =>
        mayEdit ? (
          <MessageTemplateForm key={`${actor.userId}-${kind}`} caseDoc={caseDoc} actor={actor} kind={kind} values={values} />
        ) : (
          <ReadOnlyMessage key={kind} title={t.kinds[kind]} subject={messageTemplateOf(messages, kind).subject} body={messageTemplateOf(messages, kind).body} />
        ),
      )}
    </section>
  );
}

function ReadOnlyMessage({ title, subject, body }: { title: string; subject: string; body: string }) {
  const t = useMessagesText();
  return (
    <section className="course-messages__kind" aria-label={title}>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <dl className="course-messages__read">
        <dt>{t.subject}</dt>
        <dd>{subject}</dd>
        <dt>{t.body}</dt>
        <dd className="course-messages__body">{body}</dd>
      </dl>
    </section>
  );
}
