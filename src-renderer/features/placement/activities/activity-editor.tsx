import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { get, useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../../src-shared/domain/person/person.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { useDatabase } from '../../../app/providers';
import type { ActingUser } from '../../case/acting-user';
import { useStaffDirectory } from '../../case/use-staff-directory';
import { activityPath } from '../placement-path';
import { sitesFor } from '../placement-sites';
import { usePlacementText } from '../placement-text';
import { activityResolver, fieldId, MAX_WISHES, nextClassName, type ActivityFormValues, type ActivityIdentity, type TeacherOf } from './activity-form';
import { StudentSearch } from './student-search';
import { erroneousFields } from '../../../ui/form-errors';

interface Props {
  existing: PlacementActivity | null;
  id: string;
  initial: ActivityFormValues;
  organisation: OrganisationIndex;
  actor: ActingUser;
}

/**
 * The activity form: course and period, classes with their teachers, requirements, distribution
 * rules and the students with what the distribution weighs. Checked with the shared activity
 * schema; saved to the replica (synced like any change; the server checks it again). The
 * distribution another page writes is kept as it is in the replica at the moment of saving.
 */
export function ActivityEditor({ existing, id, initial, organisation, actor }: Props) {
  const text = usePlacementText();
  const t = text.form;
  const db = useDatabase();
  const navigate = useNavigate();
  const staff = useStaffDirectory();
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const teacherOf: TeacherOf = (userId) => {
    const member = staff.member(userId);
    return member ? { userId: member.id, name: member.name, ...(member.email ? { email: member.email } : {}) } : undefined;
  };
  const identity = (): ActivityIdentity => ({
    id,
    institution: existing?.institution ?? actor.scope.institution,
    createdBy: existing?.createdBy ?? actor.userId,
    updatedAt: new Date().toISOString(),
  });
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ActivityFormValues, unknown, PlacementActivity>({ resolver: activityResolver(identity, teacherOf), defaultValues: initial });
  const values = useWatch({ control }) as ActivityFormValues;
  const classes = useFieldArray({ control, name: 'classes' });
  const requirements = useFieldArray({ control, name: 'requirements' });
  const students = useFieldArray({ control, name: 'students' });

  const departments = organisation.list('department').filter((unit) => actor.scope.departments.includes(unit.id));
  const courses = organisation.list('course', values.department).filter((course) => course.attributes.category === 'placement');
  const sites = sitesFor(organisation, values.department);
  const teachers = useMemo(() => staff.withRole('teacher').filter((member) => member.departments.includes(values.department)), [staff, values.department]);
  const requirementTexts = values.requirements.map((r) => r.text.trim()).filter(Boolean);
  // The summary words each field's issue by the message code the form's resolver gave it.
  const problems =
    submitCount > 0
      ? erroneousFields(errors).map(({ field }) => ({ field, message: messageOf(get(errors, field)) ?? messageOf(get(errors, `${field}.root`)) ?? '' }))
      : [];

  const errorOf = (name: FieldPath<ActivityFormValues>) => {
    const error = get(errors, name) as { message?: string } | undefined;
    return error ? ((text.errors as Record<string, string>)[error.message ?? ''] ?? text.errors.other) : undefined;
  };
  const input = (name: FieldPath<ActivityFormValues>, label: string, extra: { type?: 'date' | 'number'; description?: string; readOnly?: boolean } = {}) => (
    <Textfield id={fieldId(name)} label={label} error={errorOf(name)} {...extra} {...register(name, extra.type === 'number' ? { valueAsNumber: true } : {})} />
  );
  const toggle = (name: `students.${number}.requirementsMet` | `students.${number}.earlierSites`, value: string, on: boolean) => {
    const current = (get(values, name) as string[] | undefined) ?? [];
    setValue(name, on ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value), { shouldDirty: true });
  };
  const addStudent = (person: Person) =>
    students.append({
      personId: person.id,
      name: `${person.givenName} ${person.familyName}`,
      email: person.email,
      className: values.classes[0]?.name ?? '',
      requirementsMet: [],
      wishes: Array.from({ length: MAX_WISHES }, () => ''),
      homeMunicipality: '',
      earlierSites: [],
    });

  const save = async (activity: PlacementActivity) => {
    setSaveProblem(null);
    setSaved(false);
    try {
      const stored = await db.activities.findOne(activity.id).exec();
      if (stored) await stored.incrementalModify((before) => ({ ...activity, ...(before.distribution ? { distribution: before.distribution } : {}) }));
      else await db.activities.insert(activity);
      setSaved(true);
      if (!existing) await navigate(activityPath(activity.id));
    } catch (error) {
      setSaveProblem(t.saveFailed(AppError.from(error).message));
    }
  };

  return (
    <form noValidate className="placement-form" onSubmit={(event) => void handleSubmit(save)(event)}>
      {problems.length > 0 && (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t.fieldsHeading}
          </Heading>
          <ul>
            {problems.map(({ field, message }) => (
              <li key={field}>
                <Link href={`#${fieldId(field)}`} onClick={(event) => (event.preventDefault(), document.getElementById(fieldId(field))?.focus())}>
                  {`${text.fieldNames[field.split('.')[0] ?? ''] ?? field}: ${(text.errors as Record<string, string>)[message] ?? text.errors.other}`}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Fieldset>
        <Fieldset.Legend>{t.courseLegend}</Fieldset.Legend>
        {existing ? (
          <Textfield label={t.department} description={t.fixed} readOnly value={organisation.nameOf(existing.department)} />
        ) : (
          <Field>
            <Label htmlFor={fieldId('department')}>{t.department}</Label>
            <Select id={fieldId('department')} {...register('department')}>
              {departments.map((unit) => (
                <Select.Option key={unit.id} value={unit.id}>
                  {unit.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor="activity-course-pick">{t.pickCourse}</Label>
          <Field.Description>{t.pickCourseDescription}</Field.Description>
          <Select
            id="activity-course-pick"
            value={courses.find((course) => course.code === values.courseCode)?.id ?? ''}
            onChange={(event) => {
              const course = organisation.unit(event.target.value);
              if (!course) return;
              setValue('courseCode', course.code, { shouldDirty: true });
              setValue('courseName', course.name, { shouldDirty: true });
            }}
          >
            <Select.Option value="">{t.noCourse}</Select.Option>
            {courses.map((course) => (
              <Select.Option key={course.id} value={course.id}>
                {`${course.code} ${course.name}`}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="placement-form__row">
          {input('courseCode', t.courseCode)}
          {input('courseName', t.courseName)}
        </div>
        <div className="placement-form__row">
          {input('from', t.from, { type: 'date' })}
          {input('to', t.to, { type: 'date' })}
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t.classesLegend}</Fieldset.Legend>
        {classes.fields.map((field, i) => {
          const name = values.classes[i]?.name ?? field.name;
          return (
            <div key={field.id} className="placement-form__row">
              {input(`classes.${i}.name`, t.className)}
              <Field>
                <Label htmlFor={fieldId(`classes.${i}.teacherId`)}>{t.teacher(name)}</Label>
                <Select id={fieldId(`classes.${i}.teacherId`)} {...register(`classes.${i}.teacherId`)}>
                  <Select.Option value="">{t.noTeacher}</Select.Option>
                  {teachers.map((member) => (
                    <Select.Option key={member.id} value={member.id}>
                      {member.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              {classes.fields.length > 1 && (
                <Button type="button" variant="tertiary" onClick={() => classes.remove(i)}>
                  {t.removeClass(name)}
                </Button>
              )}
            </div>
          );
        })}
        <div>
          <Button type="button" variant="secondary" onClick={() => classes.append({ name: nextClassName(values.classes), teacherId: '' })}>
            {t.addClass}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t.requirementsLegend}</Fieldset.Legend>
        {requirements.fields.map((field, i) => (
          <div key={field.id} className="placement-form__row">
            {input(`requirements.${i}.text`, t.requirement(i + 1))}
            <Button type="button" variant="tertiary" onClick={() => requirements.remove(i)}>
              {t.removeRequirement(i + 1)}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => requirements.append({ text: '' })}>
            {t.addRequirement}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t.rulesLegend}</Fieldset.Legend>
        <Checkbox label={t.avoidEarlierSites} {...register('rules.avoidEarlierSites')} />
        <div className="placement-form__row">
          {input('rules.wishWeight', t.wishWeight, { type: 'number' })}
          {input('rules.travelWeight', t.travelWeight, { type: 'number' })}
          {input('rules.spreadWeight', t.spreadWeight, { type: 'number' })}
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t.studentsLegend}</Fieldset.Legend>
        <StudentSearch taken={values.students.map((s) => s.personId)} onAdd={addStudent} />
        {students.fields.length === 0 && <Paragraph data-size="sm">{t.studentsEmpty}</Paragraph>}
        {students.fields.map((field, i) => {
          const student = values.students[i] ?? field;
          return (
            <Fieldset key={field.id} className="placement-form__student">
              <Fieldset.Legend>{t.student(student.name)}</Fieldset.Legend>
              <div className="placement-form__row">
                <Field>
                  <Label htmlFor={fieldId(`students.${i}.className`)}>{t.studentClass}</Label>
                  <Select
                    id={fieldId(`students.${i}.className`)}
                    aria-invalid={errorOf(`students.${i}.className`) ? true : undefined}
                    {...register(`students.${i}.className`)}
                  >
                    {values.classes.map((c, k) => (
                      <Select.Option key={`${c.name}-${k}`} value={c.name}>
                        {c.name}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                {input(`students.${i}.homeMunicipality`, t.homeMunicipality)}
              </div>
              <Fieldset>
                <Fieldset.Legend>{t.requirementsMet}</Fieldset.Legend>
                {requirementTexts.length === 0 && <Paragraph data-size="sm">{t.noRequirements}</Paragraph>}
                {requirementTexts.map((requirement) => (
                  <Checkbox
                    key={requirement}
                    label={requirement}
                    checked={student.requirementsMet.includes(requirement)}
                    onChange={(event) => toggle(`students.${i}.requirementsMet`, requirement, event.target.checked)}
                  />
                ))}
              </Fieldset>
              <div className="placement-form__row">
                {Array.from({ length: MAX_WISHES }, (_, k) => (
                  <Field key={k}>
                    <Label htmlFor={fieldId(`students.${i}.wishes.${k}`)}>{t.wish(k + 1)}</Label>
                    <Select id={fieldId(`students.${i}.wishes.${k}`)} {...register(`students.${i}.wishes.${k}`)}>
                      <Select.Option value="">{t.noWish}</Select.Option>
                      {sites.map((site) => (
                        <Select.Option key={site.id} value={site.id}>
                          {site.name}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
              <Fieldset>
                <Fieldset.Legend>{t.earlierSites}</Fieldset.Legend>
                <div className="placement-form__row">
                  {sites.map((site) => (
                    <Checkbox
                      key={site.id}
                      label={site.name}
                      checked={student.earlierSites.includes(site.id)}
                      onChange={(event) => toggle(`students.${i}.earlierSites`, site.id, event.target.checked)}
                    />
                  ))}
                </div>
              </Fieldset>
              <div>
                <Button type="button" variant="tertiary" onClick={() => students.remove(i)}>
                  {t.removeStudent(student.name)}
                </Button>
              </div>
            </Fieldset>
          );
        })}
      </Fieldset>
      {saveProblem && (
        <Alert data-color="danger" role="alert">
          {saveProblem}
        </Alert>
      )}
      <div role="status">{saved && <Paragraph>{t.saved}</Paragraph>}</div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}

const messageOf = (error: unknown): string | undefined => (error as { message?: string } | undefined)?.message;
