import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useForm } from 'react-hook-form';
import type { AssessmentValues } from '../../../src-shared/domain/nomination/assessment';
import { nominationWorkflow } from '../../../src-shared/domain/nomination';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useActingUser } from '../case/acting-user';
import { useStaffDirectory } from '../case/use-staff-directory';
import type { BulkRun } from '../overview/bulk/use-bulk-run';
import { assessmentFormSchema, assessmentFormValues, type AssessmentFormInput } from './assessment-form';
import type { Nomination } from './nomination-queue';
import { useNominationText } from './nomination-text';

const fields = ['gradeAverage', 'committeeScore', 'motivationScore', 'progress', 'isced', 'eqf'] as const satisfies readonly (keyof AssessmentValues)[];

/**
 * The case officer's assessment of one application (the `assess` step): the grades and scores a
 * ranked admission ranks by. Taken through the same runner as the page's other steps, so it is
 * written to the replica and synced like any change, offline too.
 */
export function AssessmentPanel({ nomination, run }: { nomination: Nomination; run: BulkRun }) {
  const t = useNominationText().assessment;
  const { locale } = useT();
  const actor = useActingUser();
  const staff = useStaffDirectory();
  const { case: c, details } = nomination;
  const allowed = nominationWorkflow.allowedEvents(c, actor).includes('assess');
  const recorded = details.assessment;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<AssessmentFormInput, unknown, AssessmentValues>({
    resolver: zodResolver(assessmentFormSchema),
    values: assessmentFormValues(recorded),
  });
  const save = (assessment: AssessmentValues) =>
    void run.start([{ id: c.id, caseNumber: c.caseNumber, title: c.title, type: c.type }], 'assess', { assessment });

  return (
    <section aria-labelledby="nomination-assessment-heading">
      <Heading level={2} data-size="sm" id="nomination-assessment-heading">
        {t.heading}
      </Heading>
      <Paragraph>
        {recorded ? t.recorded(formatDateTime(recorded.assessedAt, locale), staff.member(recorded.assessedBy)?.name ?? recorded.assessedBy) : t.notRecorded}
      </Paragraph>
      {!allowed ? (
        <Paragraph data-size="sm">{t.notAllowed}</Paragraph>
      ) : (
        <form noValidate className="nomination-assessment" onSubmit={(event) => void handleSubmit(save)(event)}>
          <Paragraph data-size="sm">{t.intro}</Paragraph>
          {fields.map((field) => (
            <Textfield
              key={field}
              label={t[field]}
              inputMode={field === 'isced' ? 'numeric' : 'decimal'}
              error={errors[field] ? t.invalid : undefined}
              {...register(field)}
            />
          ))}
          <Button type="submit" disabled={run.state.kind === 'running'}>
            {t.save}
          </Button>
        </form>
      )}
    </section>
  );
}
