import { Alert, Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { registrationFieldLabels, type RegistrationField, type RegistrationInput } from '../../../src-shared/domain/course-delivery/participants';
import type { PublicCourse } from '../../../src-shared/portal/course-registration.contract';
import { ChangeRefusedError, CourseRegistrationRefusedError, type PortalApi } from '../../api/portal-api';
import { useLanguage, useT } from '../../i18n/language';
import { emptyRegistrationForm, registrationFormSchema, type RegistrationFormInput } from './registration-form';

/** Where the form shows a refusal of a field the server found missing. */
const fieldOf: Record<RegistrationField, FieldPath<RegistrationFormInput>> = {
  phone: 'phone',
  employer: 'employer',
  education: 'education',
  invoiceAddress: 'invoiceAddress.name',
};

/**
 * The registration: name, birth date and e-mail, and the fields the course asks for (the invoice
 * address as a group of its own); checked with the server's schema here, each error at its field.
 */
export function CourseRegistrationForm({
  api,
  course,
  onRegistered,
  onClosed,
}: {
  api: PortalApi;
  course: PublicCourse;
  onRegistered(): void;
  onClosed(): void;
}) {
  const t = useT();
  const f = t.course.form;
  const { language } = useLanguage();
  const schema = useMemo(() => registrationFormSchema(course.fields), [course.fields]);
  const [problem, setProblem] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    getFieldState,
    formState,
    formState: { isSubmitting },
  } = useForm<RegistrationFormInput, unknown, RegistrationInput>({ resolver: zodResolver(schema), defaultValues: emptyRegistrationForm });
  const asked = (field: RegistrationField) => course.fields.includes(field);

  // The field's own message: the server's, required when blank, else what a valid value looks like.
  const message = (name: FieldPath<RegistrationFormInput>, invalid: string) => {
    const { error } = getFieldState(name, formState);
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    return String(getValues(name)).trim() === '' ? f.required : invalid;
  };
  const field = (
    name: FieldPath<RegistrationFormInput>,
    label: string,
    extra: { invalid?: string; type?: 'date' | 'email' | 'tel'; description?: string; autoComplete?: string } = {},
  ) => {
    const { invalid = f.invalid.text, ...rest } = extra;
    return <Textfield label={label} error={message(name, invalid)} {...rest} {...register(name)} />;
  };

  async function submit(registration: RegistrationInput) {
    setProblem(undefined);
    try {
      await api.registerForCourse(course.caseId, registration);
      onRegistered();
    } catch (error) {
      if (!(error instanceof CourseRegistrationRefusedError)) return setProblem(error instanceof ChangeRefusedError ? t.course.refused.invalid : t.failed);
      if (error.refusal === 'closed') return onClosed();
      if (error.refusal === 'already-registered') setError('email', { type: 'server', message: t.course.refused['already-registered'] }, { shouldFocus: true });
      if (error.field) setError(fieldOf[error.field], { type: 'server', message: f.required }, { shouldFocus: true });
      setProblem(t.course.refused[error.refusal]);
    }
  }

  return (
    <section aria-labelledby="course-registration">
      <Heading level={2} data-size="md" id="course-registration">
        {f.title}
      </Heading>
      <Paragraph>{f.intro}</Paragraph>
      <form noValidate className="portal-form" onSubmit={(event) => void handleSubmit(submit)(event)}>
        {field('name', f.name, { autoComplete: 'name' })}
        {field('birthDate', f.birthDate, { type: 'date', invalid: f.invalid.birthDate, autoComplete: 'bday' })}
        {field('email', f.email, { type: 'email', invalid: f.invalid.email, description: f.emailHint, autoComplete: 'email' })}
        {asked('phone') &&
          field('phone', registrationFieldLabels.phone[language], { type: 'tel', invalid: f.invalid.phone, description: f.phoneHint, autoComplete: 'tel' })}
        {asked('employer') && field('employer', registrationFieldLabels.employer[language], { autoComplete: 'organization' })}
        {asked('invoiceAddress') && (
          <Fieldset>
            <Fieldset.Legend>{registrationFieldLabels.invoiceAddress[language]}</Fieldset.Legend>
            {field('invoiceAddress.name', f.invoiceName)}
            {field('invoiceAddress.organisationNumber', f.organisationNumber, { invalid: f.invalid.organisationNumber, description: f.organisationNumberHint })}
            {field('invoiceAddress.address', f.invoiceAddressLine, { autoComplete: 'street-address' })}
            {field('invoiceAddress.reference', f.reference)}
          </Fieldset>
        )}
        {asked('education') && field('education', registrationFieldLabels.education[language], { description: f.educationHint })}
        <div aria-live="polite">{problem && <Alert data-color="danger">{problem}</Alert>}</div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? f.busy : f.submit}
        </Button>
      </form>
    </section>
  );
}
