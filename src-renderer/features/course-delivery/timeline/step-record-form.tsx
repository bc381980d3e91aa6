import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textarea, Textfield, ValidationMessage, Field, Label } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import {
  checklistStateLabels,
  checklistStates,
  checklistStep,
  mayRecordStep,
  openDependencies,
  type TimelineItem,
} from '../../../../src-shared/domain/course-delivery/checklist';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import type { ActingUser } from '../../case/acting-user';
import { checklistEditProblem, withChecklistEntry } from '../checklist-edit';
import { useCourseDeliveryText } from '../course-delivery-text';
import { entryOf, recordFormSchema, type RecordFormValues } from './record-form.schema';

/**
 * Records where one checklist step stands: its state, a reason when it does not apply, the outside
 * reference of a step done in P360, EHF or Exledger. Open only to whoever records the step, once
 * what it waits for is settled; the server's own check runs before the edit is written to the
 * replica (and the server runs it again when the change syncs).
 */
export function StepRecordForm({ caseDoc, item, actor, onClose }: { caseDoc: CourseDeliveryCase; item: TimelineItem; actor: ActingUser; onClose: () => void }) {
  const text = useCourseDeliveryText();
  const t = text.record;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { step } = item;
  const label = step.label[language];
  const entry = caseDoc.details.checklist?.[step.id];
  const waiting = openDependencies(caseDoc.details.checklist ?? {}, step);
  const mine = mayRecordStep(actor, step, caseDoc.details.teachingResource.userId);
  const enabled = mine && waiting.length === 0;
  const referenceLabel = step.reference ? text.references[step.reference] : '';
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<RecordFormValues>({
    resolver: zodResolver(recordFormSchema(step, { reasonMissing: t.reasonMissing, referenceMissing: t.referenceMissing(referenceLabel), tooLong: t.tooLong })),
    defaultValues: { state: entry?.state ?? 'notStarted', reason: entry?.reason ?? '', reference: entry?.reference ?? '' },
  });
  // The form opens where the user chose a step: focus goes to it.
  useEffect(() => heading.current?.focus(), []);

  const save = async (values: RecordFormValues) => {
    setMessage('');
    const next = entryOf(step, values, actor.userId, new Date().toISOString());
    const problem = checklistEditProblem(caseDoc, step.id, next, actor);
    setRefusal(problem);
    if (problem) return;
    const stored = await db.cases.findOne(caseDoc.id).exec();
    await stored?.incrementalModify((current) => withChecklistEntry(current as Case as CourseDeliveryCase, step.id, next) as Case as typeof current);
    setMessage(t.saved(label, checklistStateLabels[next.state][language]));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="course-timeline__record" data-testid="step-record-form">
      <Heading level={3} data-size="xs" id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t.heading(label)}
      </Heading>
      <Paragraph data-size="sm">
        {t.owner(text.owners[step.owner])} {t.due(formatDate(item.due, locale))}
      </Paragraph>
      {!mine && <Paragraph data-size="sm">{t.notYours(text.owners[step.owner])}</Paragraph>}
      {waiting.length > 0 && (
        <Paragraph data-size="sm">{t.waitsFor(waiting.map((dependency) => `«${checklistStep(dependency)!.label[language]}»`).join(', '))}</Paragraph>
      )}
      <form noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
        <Fieldset disabled={!enabled}>
          <Fieldset.Legend>{t.state}</Fieldset.Legend>
          {checklistStates.map((state) => (
            <Radio key={state} label={checklistStateLabels[state][language]} value={state} {...register('state')} />
          ))}
        </Fieldset>
        <Field>
          <Label htmlFor={`${id}-reason`}>{t.reason}</Label>
          <Field.Description>{t.reasonDescription}</Field.Description>
          <Textarea id={`${id}-reason`} rows={2} disabled={!enabled} aria-invalid={errors.reason ? true : undefined} {...register('reason')} />
          {errors.reason && <ValidationMessage>{errors.reason.message}</ValidationMessage>}
        </Field>
        {step.reference && <Textfield label={referenceLabel} disabled={!enabled} error={errors.reference?.message} {...register('reference')} />}
        <div className="course-timeline__record-actions">
          <Button type="submit" disabled={!enabled || isSubmitting}>
            {t.save}
          </Button>
          <Button type="button" variant="tertiary" onClick={onClose}>
            {t.close}
          </Button>
        </div>
      </form>
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      {refusal && (
        <Alert data-color="danger" role="alert">
          {t.refused(refusal)}
        </Alert>
      )}
    </section>
  );
}
