import { zodResolver } from '@hookform/resolvers/zod';
import { Field, Fieldset, Heading, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { decisionOutcomeLabels, decisionOutcomes } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { ActingUser } from '../case/acting-user';
import { AppError } from '../../../src-shared/kernel/app-error';
import { unwrap } from '../../../src-shared/kernel/result';
import { useApi } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useToday } from '../../ui/use-today';
import { decisionFormSchema, type DecisionFormInput, type DecisionFormValues } from './decision-form.schema';
import { decisionInput, type DecisionLetterParts, type FollowUpContext } from './document-inputs';
import { defaultAppeal } from '../case/letter-parts';
import { useFollowUpText } from './follow-up-text';
import { type MakeDocuments } from './follow-up-steps';
import { documentRecord, newDocumentId } from '../case/case-document-archive';
import { PdfFrame } from '../case/pdf-frame';
import { PANEL_HEADING_IDS, safeAppealDeadline } from './step-forms';
import type { RunStep } from './use-step';
import { DecisionActions } from '../case/decision-actions';

/**
 * The decision (enkeltvedtak): its grounds and appeal notice in a form checked by the shared
 * decision schema; a preview of the letter; on "make the decision" the main process renders and
 * seals it, the workflow records it, and it goes to the archives.
 */
export function DecisionPanel({ ctx, actor, run, busy }: { ctx: Omit<FollowUpContext, 'today'>; actor: ActingUser; run: RunStep; busy: boolean }) {
  const dictionary = useFollowUpText();
  const t = dictionary.decision;
  const language = useAppStore((state) => state.language);
  const api = useApi();
  const today = useToday();
  const { caseDoc } = ctx;
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<DecisionFormInput, unknown, DecisionFormValues>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: {
      outcomeKind: 'continuationWithConditions',
      title: `Vedtak – ${decisionOutcomeLabels.continuationWithConditions.nb.toLowerCase()}`,
      outcome: '',
      legalBasis: '',
      facts: '',
      mainConsiderations: '',
      appeal: { ...defaultAppeal(ctx.organisation, caseDoc), receivedOn: today },
    },
  });
  const receivedOn = useWatch({ control, name: 'appeal.receivedOn' });
  if (!followUpWorkflow.allowedEvents(caseDoc, actor).includes('decide')) return null;

  // The decision is taken together with the rector who reviewed the case in their own step.
  const review = caseDoc.details.rectorReview;
  const reviewer = review?.rectorId;
  const deciders = [actor.userId, ...(reviewer && reviewer !== actor.userId ? [reviewer] : [])];
  const letterParts = (values: DecisionFormValues): DecisionLetterParts => ({
    title: values.title,
    outcome: values.outcome,
    legalBasis: values.legalBasis,
    facts: values.facts,
    mainConsiderations: values.mainConsiderations,
    appeal: values.appeal,
  });

  const showPreview = async (values: DecisionFormValues) => {
    setProblem(null);
    try {
      const pdf = unwrap(await api.documentsPreview({ kind: 'decision', decision: decisionInput({ ...ctx, today }, letterParts(values), deciders) }));
      setPreview(pdf.pdfBase64);
    } catch (error) {
      setProblem(AppError.from(error).message);
    }
  };

  const decide = async (values: DecisionFormValues) => {
    const documentId = newDocumentId(caseDoc.id, 'decision');
    const make: MakeDocuments = async (next) => {
      const issued = unwrap(await api.documentsSealDecision({ documentId, decision: decisionInput(next, letterParts(values), deciders) }));
      const fields = { id: documentId, kind: 'decision', title: values.title, sha256: issued.sha256, signatures: issued.signatures } as const;
      return [documentRecord(next.caseDoc, fields, actor)];
    };
    await run(
      {
        type: 'decide',
        at: new Date().toISOString(),
        outcome: values.outcomeKind,
        legalBasis: values.legalBasis.join('; '),
        facts: values.facts,
        considerations: values.mainConsiderations,
        documentId,
      },
      make,
    );
  };

  const error = (field: FieldError | undefined) => (field ? t.invalid : undefined);
  const deadline = safeAppealDeadline(receivedOn);
  return (
    <section aria-labelledby={PANEL_HEADING_IDS.decision} className="follow-up-decision">
      <Heading level={2} data-size="sm" id={PANEL_HEADING_IDS.decision} tabIndex={-1}>
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      {review && (
        <Paragraph data-size="sm">
          {t.rectorReview(ctx.staff.member(review.rectorId)?.name ?? review.rectorId, review.recommendsDecision)}
          {review.comment && ` «${review.comment}»`}
        </Paragraph>
      )}
      <form noValidate className="follow-up-decision__form" onSubmit={(event) => void handleSubmit(decide)(event)}>
        <Field>
          <Label htmlFor="decision-outcome-kind">{t.outcomeKind}</Label>
          <Select id="decision-outcome-kind" {...register('outcomeKind')}>
            {decisionOutcomes.map((outcome) => (
              <Select.Option key={outcome} value={outcome}>
                {decisionOutcomeLabels[outcome][language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t.title} error={error(errors.title)} {...register('title')} />
        <Textarea aria-label={t.outcome} rows={3} aria-invalid={errors.outcome ? true : undefined} {...register('outcome')} />
        {errors.outcome && <ValidationMessage>{t.invalid}</ValidationMessage>}
        <Field>
          <Label htmlFor="decision-legal-basis">{t.legalBasis}</Label>
          <Field.Description>{t.legalBasisDescription}</Field.Description>
          <Textarea id="decision-legal-basis" rows={3} aria-invalid={errors.legalBasis ? true : undefined} {...register('legalBasis')} />
          {errors.legalBasis && <ValidationMessage>{t.invalid}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor="decision-facts">{t.facts}</Label>
          <Textarea id="decision-facts" rows={4} aria-invalid={errors.facts ? true : undefined} {...register('facts')} />
          {errors.facts && <ValidationMessage>{t.invalid}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor="decision-considerations">{t.mainConsiderations}</Label>
          <Textarea id="decision-considerations" rows={4} aria-invalid={errors.mainConsiderations ? true : undefined} {...register('mainConsiderations')} />
          {errors.mainConsiderations && <ValidationMessage>{t.invalid}</ValidationMessage>}
        </Field>
        <Fieldset className="follow-up-decision__appeal">
          <Fieldset.Legend>{t.appealHeading}</Fieldset.Legend>
          <Textfield label={t.submitTo} error={error(errors.appeal?.submitTo)} {...register('appeal.submitTo')} />
          <Textfield label={t.appealBody} error={error(errors.appeal?.appealBody)} {...register('appeal.appealBody')} />
          <Textfield label={t.howTo} error={error(errors.appeal?.howTo)} {...register('appeal.howTo')} />
          <Textfield
            label={t.receivedOn}
            description={t.receivedOnDescription}
            type="date"
            error={error(errors.appeal?.receivedOn)}
            {...register('appeal.receivedOn')}
          />
          <Paragraph role="status">{deadline ? t.appealDeadline(formatDate(deadline, dictionary.locale)) : t.noAppealDeadline}</Paragraph>
        </Fieldset>
        <DecisionActions
          problem={problem}
          onPreview={() => void handleSubmit(showPreview)()}
          decideDisabled={busy}
          texts={t}
          className="follow-up-decision__buttons"
        />
      </form>
      {preview && <PdfFrame pdfBase64={preview} title={t.previewTitle} />}
    </section>
  );
}
