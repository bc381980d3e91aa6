import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import type { CourseDeliveryCase, CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import { useServerUrl } from '../participants/use-server-url';
import { fieldProblem } from './field-problem';
import { stepEvent, stepFields, stepInputSchema, stepStart, type InputStep, type StepField, type StepStart } from './step-inputs';
import { useStepsText, type StepsText } from './steps-text';
import './course-steps.css';

type Values = Record<string, unknown>;

export interface CourseStepFormProps {
  type: InputStep;
  caseDoc: CourseDeliveryCase;
  /** The step's name (the workflow's label), on the summary and the submit button. */
  label: string;
  busy: boolean;
  run: (event: CourseDeliveryEvent) => Promise<boolean>;
}

/**
 * One course step that needs input, folded under its name: the fields the step's shared event
 * schema asks for, checked by that schema before the step is taken (each problem shown at its
 * field), then taken the way the click-only steps are.
 */
export function CourseStepForm({ type, caseDoc, label, busy, run }: CourseStepFormProps) {
  const text = useStepsText();
  const fieldTexts: Record<string, { label: string; description?: string }> = text.fields[type];
  const serverUrl = useServerUrl();
  const start = useMemo(() => stepStart(type, caseDoc, serverUrl), [type, caseDoc, serverUrl]);
  const fields: readonly StepField[] = stepFields[type];
  const resolver = useMemo(
    () => zodResolver(stepInputSchema(type), { error: (issue) => text.problem(fieldProblem(issue), fieldTexts[String(issue.path?.[0])]?.label ?? '') }),
    [type, text, fieldTexts],
  );
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver, values: start.values, resetOptions: { keepDirtyValues: true } });
  const submit = (values: Values) => void run(stepEvent(type, values, new Date().toISOString()));
  const note = readOnlyNote(type, start, text);
  return (
    <Details data-testid={`course-step-${type}`}>
      <Details.Summary>{text.open(label)}</Details.Summary>
      <Details.Content>
        <form noValidate className="course-steps__form" aria-label={label} onSubmit={(event) => void handleSubmit(submit)(event)}>
          {fields.map((field) => (
            <StepFieldInput
              key={field.name}
              field={field}
              texts={fieldTexts[field.name]!}
              readOnly={start.readOnly.includes(field.name)}
              error={errors[field.name]?.message}
              register={register}
            />
          ))}
          {note && <Paragraph data-size="sm">{note}</Paragraph>}
          <Button type="submit" disabled={busy}>
            {label}
          </Button>
        </form>
      </Details.Content>
    </Details>
  );
}

/** Why some numbers cannot be changed: they follow the registrations or the recorded results. */
function readOnlyNote(type: InputStep, start: StepStart, text: StepsText): string | undefined {
  if (start.readOnly.length === 0) return undefined;
  return type === 'enrol' ? text.enrolFromRegistrations(Number(start.values.participants)) : text.gradeFromResults;
}

interface FieldProps {
  field: StepField;
  texts: { label: string; description?: string };
  readOnly: boolean;
  error: string | undefined;
  register: UseFormRegister<Values>;
}

/** One field, its description and its problem tied to the input (Designsystemet's Field does the linking). */
function StepFieldInput({ field, texts, readOnly, error, register }: FieldProps) {
  const common = { label: texts.label, description: texts.description, error, readOnly };
  switch (field.kind) {
    case 'confirm':
      return <Checkbox label={texts.label} error={error} {...register(field.name)} />;
    case 'textarea':
      return <Textfield multiline rows={3} {...common} {...register(field.name, { setValueAs: trimmed(false) })} />;
    case 'number':
      return <Textfield type="number" inputMode="numeric" {...common} {...register(field.name, { valueAsNumber: true })} />;
    case 'date':
      return <Textfield type="date" {...common} {...register(field.name)} />;
    default:
      return <Textfield type={field.kind} {...common} {...register(field.name, { setValueAs: trimmed(field.optional === true) })} />;
  }
}

/** A text as the event takes it: trimmed; an optional field left empty is left out. */
const trimmed = (optional: boolean) => (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : value;
  return optional && text === '' ? undefined : text;
};
