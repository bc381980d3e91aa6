import { zodResolver } from '@hookform/resolvers/zod';
import { Field, Fieldset, Heading, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { approvalOutcomes, type ApprovalCase, type ApprovalOutcome } from '../../../src-shared/domain/approval';
import { AppError } from '../../../src-shared/kernel/app-error';
import { unwrap } from '../../../src-shared/kernel/result';
import { useApi } from '../../app/providers';
import { useAppStore } from '../../app/store';
import type { ActingUser } from '../case/acting-user';
import { documentRecord, newDocumentId } from '../case/case-document-archive';
import { PdfFrame } from '../case/pdf-frame';
import { useApprovalText } from './approval-text';
import {
  caseGrounds,
  coursesToDecide,
  decisionFormSchema,
  DEFAULT_LEGAL_BASIS,
  defaultCredits,
  type DecisionFormInput,
  type DecisionFormValues,
} from './decision-form.schema';
import { approvalDecisionInput, DECISION_TITLE, liveOutcome, type ApprovalLetterContext } from './decision-input';
import { resultName } from './results-table';
import type { RunApprovalStep } from './use-approval-step';
import { DecisionActions } from '../case/decision-actions';

/**
 * The decision on an approval case: a verdict, the credits and the grounds per accepted course,
 * the legal basis and the grounds for the case as a whole, checked by the shared rules as the
 * case officer types; the outcome and the total shown live; a preview of the letter; on "decide"
 * the main process renders and seals the letter before the workflow records the decision.
 */
export function DecisionPanel({
  caseDoc,
  letter,
  actor,
  run,
  busy,
}: {
  caseDoc: ApprovalCase;
  /** Undefined while the student or the organisation is loading. */
  letter: Omit<ApprovalLetterContext, 'caseDoc' | 'officer'> | undefined;
  actor: ActingUser;
  run: RunApprovalStep;
  busy: boolean;
}) {
  const dictionary = useApprovalText();
  const t = dictionary.decision;
  const language = useAppStore((state) => state.language);
  const api = useApi();
  const accepted = caseDoc.details.externalResults;
  const courses = useMemo(() => coursesToDecide(accepted), [accepted]);
  const schema = useMemo(() => decisionFormSchema(accepted), [accepted]);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors },
  } = useForm<DecisionFormInput, unknown, DecisionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      courses: courses.map((course) => ({
        institutionCode: course.institutionCode,
        code: course.code,
        term: course.term,
        verdict: 'approved',
        credits: course.credits,
        grounds: '',
      })),
      legalBasis: DEFAULT_LEGAL_BASIS,
      grounds: '',
    },
  });
  const { fields } = useFieldArray({ control, name: 'courses' });
  const rows = useWatch({ control, name: 'courses' });
  const live = liveOutcome(rows);

  if (courses.length === 0) return <Paragraph>{t.noCourses}</Paragraph>;
  const context = (): ApprovalLetterContext => {
    if (!letter) throw new AppError('precondition', 'The student or the organisation is not loaded yet');
    return { ...letter, caseDoc, officer: actor };
  };

  const showPreview = async (values: DecisionFormValues) => {
    setProblem(null);
    try {
      const decision = approvalDecisionInput(context(), values, new Date().toISOString());
      setPreview(unwrap(await api.documentsPreview({ kind: 'approvalDecision', decision })).pdfBase64);
    } catch (error) {
      setProblem(AppError.from(error).message);
    }
  };

  const decide = async (values: DecisionFormValues) => {
    const at = new Date().toISOString();
    const documentId = newDocumentId(caseDoc.id, 'decision');
    setProblem(null);
    await run({ type: 'decide', at, courses: values.courses, grounds: caseGrounds(values.legalBasis, values.grounds) }, async (next) => {
      const issued = unwrap(
        await api.documentsSealApprovalDecision({ documentId, decision: approvalDecisionInput({ ...context(), caseDoc: next }, values, at) }),
      );
      return [documentRecord(next, { id: documentId, kind: 'decision', title: DECISION_TITLE, sha256: issued.sha256, signatures: issued.signatures }, actor)];
    });
  };

  /** A verdict sets the credits it allows; partly approved keeps them for the case officer to write. */
  const chooseVerdict = (index: number, verdict: ApprovalOutcome, courseCredits: number) => {
    if (verdict !== 'partlyApproved') setValue(`courses.${index}.credits`, defaultCredits(verdict, courseCredits), { shouldValidate: true });
  };

  return (
    <section aria-labelledby="approval-decision-heading" className="approval-case__section approval-decision">
      <Heading level={2} data-size="sm" id="approval-decision-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <form noValidate className="approval-case__form" onSubmit={(event) => void handleSubmit(decide)(event)}>
        {fields.map((field, index) => {
          const course = courses[index]!;
          const verdict = rows[index]?.verdict ?? 'approved';
          const creditsError = errors.courses?.[index]?.credits;
          const id = `approval-course-${index}`;
          return (
            <Fieldset key={field.id} className="approval-decision__course" data-course={course.code}>
              <Fieldset.Legend>{t.courseLegend(course.code, resultName(course, language), course.term, course.credits)}</Fieldset.Legend>
              <Field>
                <Label htmlFor={`${id}-verdict`}>{t.verdict}</Label>
                <Select
                  id={`${id}-verdict`}
                  {...register(`courses.${index}.verdict`, {
                    onChange: (event) => chooseVerdict(index, event.target.value as ApprovalOutcome, course.credits),
                  })}
                >
                  {approvalOutcomes.map((outcome) => (
                    <Select.Option key={outcome} value={outcome}>
                      {t.verdicts[outcome]}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield
                label={t.credits}
                description={t.creditsDescription(course.credits)}
                type="number"
                inputMode="decimal"
                min={0}
                max={course.credits}
                step="any"
                readOnly={verdict !== 'partlyApproved'}
                error={creditsError ? t.creditsMisfit[verdict](course.credits) : undefined}
                {...register(`courses.${index}.credits`, { valueAsNumber: true })}
              />
              <Field>
                <Label htmlFor={`${id}-grounds`}>{t.courseGrounds}</Label>
                <Textarea
                  id={`${id}-grounds`}
                  rows={2}
                  aria-invalid={errors.courses?.[index]?.grounds ? true : undefined}
                  {...register(`courses.${index}.grounds`)}
                />
                {errors.courses?.[index]?.grounds && <ValidationMessage>{t.invalid}</ValidationMessage>}
              </Field>
            </Fieldset>
          );
        })}
        <Paragraph role="status" data-testid="approval-decision-summary">
          {live ? t.summary(t.verdicts[live.outcome], new Intl.NumberFormat(dictionary.locale).format(live.credits)) : t.summaryIncomplete}
        </Paragraph>
        <Field>
          <Label htmlFor="approval-legal-basis">{t.legalBasis}</Label>
          <Field.Description>{t.legalBasisDescription}</Field.Description>
          <Textarea id="approval-legal-basis" rows={2} aria-invalid={errors.legalBasis ? true : undefined} {...register('legalBasis')} />
          {errors.legalBasis && <ValidationMessage>{t.invalid}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor="approval-grounds">{t.grounds}</Label>
          <Textarea id="approval-grounds" rows={4} aria-invalid={errors.grounds ? true : undefined} {...register('grounds')} />
          {errors.grounds && <ValidationMessage>{errors.grounds.type === 'custom' ? errors.grounds.message : t.invalid}</ValidationMessage>}
        </Field>
        <DecisionActions
          problem={problem}
          onPreview={() => void handleSubmit(showPreview)()}
          decideDisabled={busy || !letter}
          texts={t}
          className="approval-decision__buttons"
        />
      </form>
      {preview && <PdfFrame pdfBase64={preview} title={t.previewTitle} />}
    </section>
  );
}
