import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { isoDate } from '../../../../src-shared/domain/case/case.schema';
import { registrationFieldLabels, registrationFields, type RegistrationSetup } from '../../../../src-shared/domain/course-delivery/participants';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { useDatabase } from '../../../app/providers';
import { useAppStore } from '../../../app/store';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser, type ActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { BackLink } from '../../case/case-page-states';
import { newCaseNumber } from '../../case/new-case-number';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { useOrganisation } from '../../organisation/use-organisation';
import { COURSES_PATH, courseCasePath } from '../course-delivery-path';
import { useCourseDeliveryText } from '../course-delivery-text';
import { setupDefaults } from '../participants/setup-form.schema';
import { useParticipantsText } from '../participants/participants-text';
import { newCourseCase, newCourseProblem } from './new-course-case';
import { newCourseFormSchema, type NewCourseForm } from './new-course-form.schema';
import { useNewCourseText } from './new-course-text';
import '../course-delivery.css';
import './new-course.css';

/** /kurs/ny — "Planlegg nytt kurs": the department head creates a planned course case. */
export function NewCoursePage() {
  const t = useNewCourseText();
  usePageTitle(t.title);
  const actor = useActingUser();
  const mayPlan = actor.roles.includes('departmentHead') && actor.scope.departments.length > 0;
  return (
    <div className="course-page">
      <BackLink to={COURSES_PATH} label={useCourseDeliveryText().page.back} />
      <PageHeading>{t.title}</PageHeading>
      <ActingUserSwitch />
      {mayPlan ? <NewCourseFormView key={actor.userId} actor={actor} /> : <Paragraph>{t.notHead}</Paragraph>}
    </div>
  );
}

function NewCourseFormView({ actor }: { actor: ActingUser }) {
  const t = useNewCourseText();
  const setup = useParticipantsText().setup;
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const navigate = useNavigate();
  const staff = useStaffDirectory();
  const organisation = useOrganisation();
  /** Whether the registration is set up now, and its start: the usual set-up for the start date chosen when ticked. */
  const [registration, setRegistration] = useState<{ start?: RegistrationSetup } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<NewCourseForm>({
    resolver: zodResolver(newCourseFormSchema(t.errors)),
    defaultValues: { department: actor.scope.departments[0], teacherId: '' },
  });
  /** The registration's fields leave the form when it is not set up now. */
  const registrationField = { shouldUnregister: true };
  const department = useWatch({ control, name: 'department' });
  const teachers = useMemo(() => staff.withRole('teacher').filter((member) => member.departments.includes(department)), [staff, department]);
  /** The refinement's own message (end before start), else the field's. */
  const say = (error: FieldError | undefined, message: string) => (error ? (error.type === 'custom' && error.message) || message : undefined);
  const toggleRegistration = (on: boolean) => {
    const course = getValues('course');
    setRegistration(on ? { start: isoDate.safeParse(course.startDate).success ? setupDefaults({ course }) : undefined } : null);
  };

  const plan = async (form: NewCourseForm) => {
    setRefusal(null);
    const at = new Date().toISOString();
    const teacher = teachers.find((member) => member.id === form.teacherId);
    if (!teacher) return setError('teacherId', { type: 'department' });
    const caseDoc = newCourseCase(form, {
      id: `course-${crypto.randomUUID()}`,
      caseNumber: newCaseNumber(at),
      teacherName: teacher.name,
      actor,
      at,
    });
    const problem = newCourseProblem(caseDoc, actor);
    if (problem) return setRefusal(problem);
    try {
      await db.cases.insert(caseDoc);
      void navigate(courseCasePath(caseDoc.id));
    } catch (error) {
      setRefusal(AppError.from(error).message);
    }
  };

  return (
    <form noValidate className="course-new" onSubmit={(event) => void handleSubmit(plan)(event)}>
      <Paragraph>{t.intro}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t.course}</Fieldset.Legend>
        {actor.scope.departments.length > 1 && (
          <Field>
            <Label htmlFor="course-new-department">{t.department}</Label>
            <Select id="course-new-department" aria-invalid={errors.department ? true : undefined} {...register('department')}>
              {actor.scope.departments.map((id) => (
                <Select.Option key={id} value={id}>
                  {organisation?.nameOf(id) ?? id}
                </Select.Option>
              ))}
            </Select>
            {errors.department && <ValidationMessage>{t.errors.department}</ValidationMessage>}
          </Field>
        )}
        <Textfield label={t.code} error={say(errors.course?.code, t.errors.code)} {...register('course.code')} />
        <Textfield label={t.name} error={say(errors.course?.name, t.errors.name)} {...register('course.name')} />
        <Textfield
          label={t.credits}
          type="number"
          min={0}
          max={60}
          step={0.5}
          error={say(errors.course?.credits, t.errors.credits)}
          {...register('course.credits', { valueAsNumber: true })}
        />
        <Textfield
          label={t.sessions}
          type="number"
          min={1}
          max={100}
          error={say(errors.course?.sessions, t.errors.sessions)}
          {...register('course.sessions', { valueAsNumber: true })}
        />
        <Textfield label={t.startDate} type="date" error={say(errors.course?.startDate, t.errors.date)} {...register('course.startDate')} />
        <Textfield label={t.endDate} type="date" error={say(errors.course?.endDate, t.errors.date)} {...register('course.endDate')} />
        <Textfield
          label={t.priceNok}
          type="number"
          min={0}
          max={1_000_000}
          error={say(errors.course?.priceNok, t.errors.priceNok)}
          {...register('course.priceNok', { valueAsNumber: true })}
        />
      </Fieldset>
      <Field>
        <Label htmlFor="course-new-teacher">{t.teacher}</Label>
        <Field.Description>{teachers.length > 0 ? t.teacherDescription : t.noTeachers}</Field.Description>
        <Select id="course-new-teacher" aria-invalid={errors.teacherId ? true : undefined} {...register('teacherId')}>
          <Select.Option value="">{t.chooseTeacher}</Select.Option>
          {teachers.map((member) => (
            <Select.Option key={member.id} value={member.id}>
              {member.name}
            </Select.Option>
          ))}
        </Select>
        {errors.teacherId && <ValidationMessage>{t.errors.teacher}</ValidationMessage>}
      </Field>
      <Checkbox label={t.withRegistration} checked={registration !== null} onChange={(event) => toggleRegistration(event.target.checked)} />
      {registration && (
        <Fieldset>
          <Fieldset.Legend>{t.registration}</Fieldset.Legend>
          <Textfield
            label={setup.capacity}
            type="number"
            min={1}
            max={1000}
            defaultValue={registration.start?.capacity}
            error={say(errors.registration?.capacity, t.errors.capacity)}
            {...register('registration.capacity', { ...registrationField, valueAsNumber: true })}
          />
          <Textfield
            label={setup.deadline}
            type="date"
            defaultValue={registration.start?.deadline}
            error={say(errors.registration?.deadline, t.errors.date)}
            {...register('registration.deadline', registrationField)}
          />
          <Fieldset>
            <Fieldset.Legend>{setup.fields}</Fieldset.Legend>
            <Fieldset.Description>{setup.fieldsDescription}</Fieldset.Description>
            {registrationFields.map((field) => (
              <Checkbox
                key={field}
                label={registrationFieldLabels[field][language]}
                value={field}
                defaultChecked={registration.start?.fields.includes(field)}
                {...register('registration.fields', registrationField)}
              />
            ))}
          </Fieldset>
        </Fieldset>
      )}
      {refusal && (
        <Alert data-color="danger" role="alert">
          {t.refused(refusal)}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t.submit}
        </Button>
      </div>
    </form>
  );
}
