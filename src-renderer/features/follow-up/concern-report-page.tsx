import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { concernKinds, courseworkStates } from '../../../src-shared/domain/follow-up/follow-up.schema';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { useApi, useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useOrganisation } from '../organisation/use-organisation';
import { useActingUser, type ActingUser } from '../case/acting-user';
import { ActingUserSwitch } from '../case/acting-user-switch';
import { concernReportFormSchema, type ConcernReportFormInput, type ConcernReportFormValues } from './concern-report-form.schema';
import { studentName } from '../case/letter-parts';
import { FOLLOW_UP_PATH, followUpCasePath } from './follow-up-path';
import { createFollowUpCase } from './follow-up-steps';
import { useFollowUpText } from './follow-up-text';
import './follow-up.css';

const MAX_STUDENT_CHOICES = 50;
const optionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));
const optionalDate = (value: unknown) => (value === '' ? undefined : value);

/**
 * /follow-up/report — a teacher reports a concern about a student to the cohort coordinator
 * (a new follow-up case, "reported"); a coordinator may open a case the same way from their own
 * overview. Coursework status can be fetched from the course in Canvas.
 */
export function ConcernReportPage() {
  const organisation = useOrganisation();
  const loading = useFollowUpText().loading;
  // The form's defaults (the reporter's first cohort) are the acting user's: a new user, a new form.
  const actor = useActingUser();
  return organisation ? <ConcernReport key={actor.userId} organisation={organisation} actor={actor} /> : <Spinner aria-label={loading} />;
}

/** The cohorts a reporter may report in, each with the courses of its department. */
function reportableCohorts(organisation: OrganisationIndex, actor: Actor) {
  return organisation
    .list('cohort')
    .filter((cohort) => actor.scope.cohorts.includes(cohort.id))
    .map((cohort) => ({
      id: cohort.id,
      name: cohort.name,
      department: {
        id: cohort.parentId,
        courses: organisation
          .list('course', cohort.parentId)
          .filter((course) => (course.attributes.category ?? 'ordinary') === 'ordinary')
          .map((course) => ({ code: course.code, name: course.name })),
      },
    }));
}

function ConcernReport({ organisation, actor }: { organisation: OrganisationIndex; actor: ActingUser }) {
  const dictionary = useFollowUpText();
  const t = dictionary.report;
  usePageTitle(t.title);
  const api = useApi();
  const db = useDatabase();
  const navigate = useNavigate();
  const people$ = useMemo(() => db.people.find().$, [db]);
  const peopleDocs = useObservable(people$);
  const people = useMemo(() => (peopleDocs ?? []).map((doc) => doc.toJSON() as Person), [peopleDocs]);
  const [search, setSearch] = useState('');
  const [canvasCourseId, setCanvasCourseId] = useState<string | null>(null);
  const [canvasNote, setCanvasNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cohorts = useMemo(() => reportableCohorts(organisation, actor), [organisation, actor]);

  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ConcernReportFormInput, unknown, ConcernReportFormValues>({
    resolver: zodResolver(concernReportFormSchema),
    defaultValues: { studentId: '', cohort: cohorts[0]?.id ?? '', courseCode: '', concerns: [], description: '', coursework: [] },
  });
  const coursework = useFieldArray({ control, name: 'coursework' });
  const [chosenCohort, courseCode, studentId] = useWatch({ control, name: ['cohort', 'courseCode', 'studentId'] });
  const cohort = cohorts.find((candidate) => candidate.id === chosenCohort);
  const needle = search.trim().toLocaleLowerCase('nb');
  const choices = people
    .filter((person) => person.id === studentId || (needle !== '' && studentName(person).toLocaleLowerCase('nb').includes(needle)))
    .slice(0, MAX_STUDENT_CHOICES);
  const mayReport = actor.roles.includes('teacher') || actor.roles.includes('cohortCoordinator');

  const fetchCoursework = async () => {
    setCanvasNote(null);
    const courseId = canvasCourseId ?? `sis_course_id:${courseCode}`;
    const result = await api.canvasCoursework({ courseId });
    if (!result.ok) {
      setCanvasNote(result.error.kind === 'precondition' ? t.canvasNotConfigured : t.canvasFailed(result.error.message));
      return;
    }
    const found = result.value.find((entry) => entry.sisUserId === studentId);
    if (!found) {
      setCanvasNote(t.canvasNoStudent);
      return;
    }
    coursework.replace(found.coursework.map((item) => ({ title: item.title, status: item.status, ...(item.due ? { due: item.due } : {}) })));
    setCanvasNote(t.canvasFetched(found.coursework.length));
  };

  const send = async (values: ConcernReportFormValues) => {
    setProblem(null);
    const student = people.find((person) => person.id === values.studentId);
    const chosen = cohorts.find((candidate) => candidate.id === values.cohort);
    const course = chosen?.department.courses.find((candidate) => candidate.code === values.courseCode);
    if (!student || !chosen || !course) return;
    try {
      const created = await createFollowUpCase(
        { db, actor },
        {
          student,
          department: chosen.department.id,
          cohort: chosen.id,
          report: {
            id: `report-${crypto.randomUUID()}`,
            reportedBy: actor.userId,
            reporterName: actor.name,
            reportedAt: new Date().toISOString(),
            course,
            concerns: values.concerns,
            description: values.description,
            coursework: values.coursework,
            ...(values.absencePercent === undefined ? {} : { absencePercent: values.absencePercent }),
          },
        },
      );
      await navigate(followUpCasePath(created.id));
    } catch (error) {
      setProblem(AppError.from(error).message);
    }
  };

  return (
    <div className="follow-up-report">
      <Paragraph>
        <Link asChild>
          <RouterLink to={FOLLOW_UP_PATH}>{t.back}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading>{t.title}</PageHeading>
      <ActingUserSwitch />
      {!mayReport ? (
        <Paragraph>{t.notForRole}</Paragraph>
      ) : (
        <form noValidate className="follow-up-report__form" onSubmit={(event) => void handleSubmit(send)(event)}>
          <Paragraph>{actor.roles.includes('teacher') ? t.introTeacher : t.introCoordinator}</Paragraph>
          <Fieldset>
            <Fieldset.Legend>{t.studentLegend}</Fieldset.Legend>
            <Textfield label={t.searchStudent} description={t.searchStudentDescription} value={search} onChange={(event) => setSearch(event.target.value)} />
            <Field>
              <Label htmlFor="report-student">{t.student}</Label>
              <Select id="report-student" aria-invalid={errors.studentId ? true : undefined} {...register('studentId')}>
                <Select.Option value="">{choices.length === 0 ? t.noStudentMatches : t.chooseStudent}</Select.Option>
                {choices.map((person) => (
                  <Select.Option key={person.id} value={person.id}>
                    {studentName(person)} ({person.email})
                  </Select.Option>
                ))}
              </Select>
              {errors.studentId && <ValidationMessage>{t.errors.student}</ValidationMessage>}
            </Field>
            <Field>
              <Label htmlFor="report-cohort">{t.cohort}</Label>
              <Select id="report-cohort" {...register('cohort')}>
                {cohorts.map((candidate) => (
                  <Select.Option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </Fieldset>
          <Field>
            <Label htmlFor="report-course">{t.course}</Label>
            <Select id="report-course" aria-invalid={errors.courseCode ? true : undefined} {...register('courseCode')}>
              <Select.Option value="">{t.chooseCourse}</Select.Option>
              {(cohort?.department.courses ?? []).map((course) => (
                <Select.Option key={course.code} value={course.code}>
                  {course.code} {course.name}
                </Select.Option>
              ))}
            </Select>
            {errors.courseCode && <ValidationMessage>{t.errors.course}</ValidationMessage>}
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t.concernsLegend}</Fieldset.Legend>
            {concernKinds.map((kind) => (
              <Checkbox key={kind} label={dictionary.concernKinds[kind]} value={kind} {...register('concerns')} />
            ))}
            {errors.concerns && <ValidationMessage>{t.errors.concerns}</ValidationMessage>}
          </Fieldset>
          <Field>
            <Label htmlFor="report-description">{t.description}</Label>
            <Textarea id="report-description" rows={4} aria-invalid={errors.description ? true : undefined} {...register('description')} />
            {errors.description && <ValidationMessage>{t.errors.description}</ValidationMessage>}
          </Field>
          <Textfield
            label={t.absence}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            error={errors.absencePercent ? t.errors.absence : undefined}
            {...register('absencePercent', { setValueAs: optionalNumber })}
          />
          <Fieldset className="follow-up-report__coursework">
            <Fieldset.Legend>{t.courseworkLegend}</Fieldset.Legend>
            <Fieldset.Description>{t.courseworkDescription}</Fieldset.Description>
            <div className="follow-up-report__canvas">
              <Textfield
                label={t.canvasCourse}
                description={t.canvasCourseDescription}
                value={canvasCourseId ?? (courseCode ? `sis_course_id:${courseCode}` : '')}
                onChange={(event) => setCanvasCourseId(event.target.value)}
              />
              <Button type="button" variant="secondary" disabled={!studentId || !(canvasCourseId ?? courseCode)} onClick={() => void fetchCoursework()}>
                {t.fetchFromCanvas}
              </Button>
            </div>
            <div role="status">{canvasNote && <Paragraph data-size="sm">{canvasNote}</Paragraph>}</div>
            {coursework.fields.map((field, index) => (
              <div key={field.id} className="follow-up-report__coursework-row">
                <Textfield label={t.courseworkTitle(index + 1)} {...register(`coursework.${index}.title`)} />
                <Field>
                  <Label htmlFor={`report-coursework-${index}-status`}>{t.courseworkStatus(index + 1)}</Label>
                  <Select id={`report-coursework-${index}-status`} {...register(`coursework.${index}.status`)}>
                    {courseworkStates.map((state) => (
                      <Select.Option key={state} value={state}>
                        {dictionary.courseworkStates[state]}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Textfield label={t.courseworkDue(index + 1)} type="date" {...register(`coursework.${index}.due`, { setValueAs: optionalDate })} />
                <Button type="button" variant="tertiary" onClick={() => coursework.remove(index)}>
                  {t.removeCoursework(index + 1)}
                </Button>
              </div>
            ))}
            {errors.coursework && <ValidationMessage>{t.errors.coursework}</ValidationMessage>}
            <Button type="button" variant="secondary" onClick={() => coursework.append({ title: '', status: 'notSubmitted' })}>
              {t.addCoursework}
            </Button>
          </Fieldset>
          {problem && (
            <Alert data-color="danger" role="alert">
              {problem}
            </Alert>
          )}
          <Button type="submit" disabled={isSubmitting}>
            {actor.roles.includes('teacher') ? t.send : t.open}
          </Button>
        </form>
      )}
    </div>
  );
}
