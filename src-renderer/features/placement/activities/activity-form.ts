import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import { z } from 'zod';
import {
  defaultDistributionRules,
  placementActivitySchema,
  type DistributionRules,
  type PlacementActivity,
} from '../../../../src-shared/domain/placement/activity.schema';

/** Wishes a student may give in the form (the schema allows a few more, e.g. from an import). */
export const MAX_WISHES = 3;

export interface StudentFormValues {
  personId: string;
  name: string;
  email: string;
  className: string;
  requirementsMet: string[];
  /** MAX_WISHES site ids, '' for no wish. */
  wishes: string[];
  homeMunicipality: string;
  earlierSites: string[];
}

/**
 * The activity form's values: the stored activity's shape where an input holds the same, else what
 * the inputs hold — a class's teacher as a staff id, requirements as objects (field arrays keep
 * objects), a fixed number of wish slots.
 */
export interface ActivityFormValues {
  department: string;
  courseCode: string;
  courseName: string;
  from: string;
  to: string;
  classes: { name: string; teacherId: string }[];
  requirements: { text: string }[];
  rules: DistributionRules;
  students: StudentFormValues[];
}

/** What the form does not edit: the activity's id, scope, creator and distribution, and when it is saved. */
export interface ActivityIdentity {
  id: string;
  institution: string;
  createdBy: string;
  updatedAt: string;
  distribution?: PlacementActivity['distribution'];
}

/** A teacher as the activity names them (from the staff directory). */
export type TeacherOf = (userId: string) => { userId: string; name: string; email?: string } | undefined;

export function newActivityForm(department: string): ActivityFormValues {
  return {
    department,
    courseCode: '',
    courseName: '',
    from: '',
    to: '',
    classes: [{ name: 'A', teacherId: '' }],
    requirements: [],
    rules: { ...defaultDistributionRules },
    students: [],
  };
}

export function formFromActivity(activity: PlacementActivity): ActivityFormValues {
  return structuredClone({
    department: activity.department,
    courseCode: activity.courseCode,
    courseName: activity.courseName,
    from: activity.from,
    to: activity.to,
    classes: activity.classes.map((c) => ({ name: c.name, teacherId: c.teacher?.userId ?? '' })),
    requirements: activity.requirements.map((text) => ({ text })),
    // Activities saved before spreading was weighed have none: 0.
    rules: { spreadWeight: 0, ...activity.rules },
    students: activity.students.map((s) => ({
      personId: s.personId,
      name: s.name,
      email: s.email ?? '',
      className: s.className,
      requirementsMet: s.requirementsMet,
      wishes: Array.from({ length: MAX_WISHES }, (_, i) => s.wishes[i] ?? ''),
      homeMunicipality: s.homeMunicipality,
      earlierSites: s.earlierSites,
    })),
  });
}

/** The next class name after the form's classes: A, B, … Z. */
export function nextClassName(classes: readonly { name: string }[]): string {
  const taken = new Set(classes.map((c) => c.name));
  return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((letter) => !taken.has(letter)) ?? '';
}

/** Rules across fields the schema cannot see: the period's order, one class per name, each student in a class of the activity. */
function crossFieldIssues(values: ActivityFormValues): z.core.$ZodRawIssue[] {
  const issues: z.core.$ZodRawIssue[] = [];
  if (values.from && values.to && values.to < values.from) issues.push({ code: 'custom', path: ['to'], message: 'dateOrder', input: values.to });
  values.classes.forEach((c, i) => {
    if (values.classes.findIndex((other) => other.name === c.name) < i)
      issues.push({ code: 'custom', path: ['classes', i, 'name'], message: 'duplicate', input: c.name });
  });
  const names = new Set(values.classes.map((c) => c.name));
  values.students.forEach((s, i) => {
    if (!names.has(s.className)) issues.push({ code: 'custom', path: ['students', i, 'className'], message: 'unknownClass', input: s.className });
  });
  return issues;
}

/** The activity the form describes, checked by the stored activities' schema. */
export function activityFromForm(values: ActivityFormValues, identity: ActivityIdentity, teacherOf: TeacherOf): z.ZodSafeParseResult<PlacementActivity> {
  const requirements = values.requirements.map((r) => r.text.trim());
  const parsed = placementActivitySchema.safeParse({
    id: identity.id,
    institution: identity.institution,
    department: values.department,
    courseCode: values.courseCode.trim(),
    courseName: values.courseName,
    from: values.from,
    to: values.to,
    classes: values.classes.map((c) => {
      const teacher = c.teacherId ? teacherOf(c.teacherId) : undefined;
      return { name: c.name, ...(teacher ? { teacher } : {}) };
    }),
    requirements,
    rules: values.rules,
    students: values.students.map((s) => ({
      personId: s.personId,
      name: s.name,
      ...(s.email ? { email: s.email } : {}),
      className: s.className,
      // A requirement removed from the activity is no longer met by anyone.
      requirementsMet: s.requirementsMet.filter((r) => requirements.includes(r)),
      wishes: s.wishes.filter(Boolean),
      homeMunicipality: s.homeMunicipality.trim(),
      earlierSites: s.earlierSites,
    })),
    ...(identity.distribution ? { distribution: identity.distribution } : {}),
    createdBy: identity.createdBy,
    updatedAt: identity.updatedAt,
  });
  const extra = crossFieldIssues(values);
  if (extra.length === 0) return parsed;
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...extra] as z.core.$ZodIssue[];
  return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<PlacementActivity>;
}

/** The form field a schema issue concerns (a class's teacher is its teacherId, a requirement its text). */
export function formFieldOf(path: readonly PropertyKey[]): string {
  const [first, index, field] = path;
  if (first === 'classes' && field === 'teacher') return `classes.${String(index)}.teacherId`;
  if (first === 'requirements' && index !== undefined) return `requirements.${String(index)}.text`;
  if (first === 'students' && (field === 'wishes' || field === 'earlierSites' || field === 'requirementsMet')) return `students.${String(index)}.${field}`;
  return path.map(String).join('.');
}

/** Validates the form with the activity's schema; valid values come out as the activity, stamped `identity()` at that moment. */
export function activityResolver(identity: () => ActivityIdentity, teacherOf: TeacherOf): Resolver<ActivityFormValues, unknown, PlacementActivity> {
  return (values, _context, options) => {
    const parsed = activityFromForm(values, identity(), teacherOf);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) errors[formFieldOf(issue.path)] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** The id of a field's input (for links from the error summary). */
export const fieldId = (field: string) => `activity-${field.replace(/\./g, '-')}`;
