import { z } from 'zod';
import { addDays } from '../../../../src-shared/domain/calendar/iso-date';
import { courseDeliveryEventSchema, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import { registrationLink } from '../participants/registration-link';

/** The course steps this panel takes through a form (the contract's and the certificates' are their panels'). */
export const inputSteps = ['publish', 'prepareLms', 'enrol', 'sendEvaluation', 'evaluate', 'grade', 'cancel'] as const;
export type InputStep = (typeof inputSteps)[number];
export const isInputStep = (event: string): event is InputStep => (inputSteps as readonly string[]).includes(event);

/** What a step's form asks for: its event without the type and the time. */
export type StepInput<T extends InputStep> = Omit<Extract<CourseDeliveryEvent, { type: T }>, 'type' | 'at'>;

export type FieldKind = 'url' | 'text' | 'textarea' | 'number' | 'date' | 'confirm';
export interface StepField<Name extends string = string> {
  name: Name;
  kind: FieldKind;
  optional?: boolean;
}

/** Each step's fields in the order the form shows them; a `confirm` field is the form's own, never part of the event. */
export const stepFields: { [T in InputStep]: readonly StepField<(keyof StepInput<T> & string) | (T extends 'cancel' ? 'confirmed' : never)>[] } = {
  publish: [
    { name: 'url', kind: 'url' },
    { name: 'registrationUrl', kind: 'url' },
  ],
  prepareLms: [
    { name: 'videoRoomUrl', kind: 'url' },
    { name: 'canvasCourseId', kind: 'text', optional: true },
  ],
  enrol: [{ name: 'participants', kind: 'number' }],
  sendEvaluation: [{ name: 'link', kind: 'url' }],
  evaluate: [
    { name: 'responseRate', kind: 'number' },
    { name: 'findings', kind: 'textarea' },
  ],
  grade: [
    { name: 'submissionDeadline', kind: 'date' },
    { name: 'passed', kind: 'number' },
    { name: 'failed', kind: 'number' },
  ],
  cancel: [
    { name: 'reason', kind: 'textarea' },
    { name: 'confirmed', kind: 'confirm' },
  ],
};

/** The shared event schema of one step, without its type and time: the form checks what the workflow will. */
export function stepInputSchema(type: InputStep) {
  const option = courseDeliveryEventSchema.options.find((schema) => schema.shape.type.value === type)!;
  const input = (option as z.ZodObject).omit({ type: true, at: true });
  return type === 'cancel' ? input.extend({ confirmed: z.literal(true) }) : input;
}

/** The step's event from the form's valid values (a form-only confirmation left out). */
export function stepEvent(type: InputStep, values: Record<string, unknown>, at: string): CourseDeliveryEvent {
  const input = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'confirmed'));
  return { ...input, type, at } as CourseDeliveryEvent;
}

export interface StepStart {
  values: Record<string, unknown>;
  /** Fields the form shows but does not let the user change. */
  readOnly: readonly string[];
}

/** Passed and failed as the recorded results count them (the workflow's grade must agree with them). */
export function resultCounts(caseDoc: CourseDeliveryCase): { passed: number; failed: number } | undefined {
  const entries = caseDoc.details.results?.entries;
  if (!entries) return undefined;
  const passed = entries.filter((entry) => entry.result === 'passed').length;
  return { passed, failed: entries.length - passed };
}

/** Weeks after the last session the written assignment is due by default (the grading deadline counts from there). */
const SUBMISSION_DAYS_AFTER_END = 14;

/**
 * What a step's form starts with: the course's portal registration link (when the server is known), the admitted participants
 * (fixed once there are registrations), the recorded results' counts (fixed: the grade must agree
 * with them), and whatever the course already has.
 */
export function stepStart(type: InputStep, caseDoc: CourseDeliveryCase, serverUrl: string | undefined): StepStart {
  const { details } = caseDoc;
  switch (type) {
    case 'publish':
      // Without the server's address (local demo data) only the link's path is known: no address to prefill.
      return { values: { url: details.landingPage?.url ?? '', registrationUrl: serverUrl ? registrationLink(caseDoc.id, serverUrl) : '' }, readOnly: [] };
    case 'prepareLms':
      return { values: { videoRoomUrl: details.lms?.videoRoomUrl ?? '', canvasCourseId: details.lms?.canvasCourseId }, readOnly: [] };
    case 'enrol': {
      const registrations = details.participants ?? [];
      if (registrations.length === 0) return { values: { participants: details.applications?.admitted }, readOnly: [] };
      return { values: { participants: registrations.filter((p) => p.status === 'admitted').length }, readOnly: ['participants'] };
    }
    case 'sendEvaluation':
      return { values: { link: details.evaluationInvite?.link ?? '' }, readOnly: [] };
    case 'evaluate':
      return { values: { responseRate: undefined, findings: '' }, readOnly: [] };
    case 'grade': {
      const counts = resultCounts(caseDoc);
      const submissionDeadline = addDays(details.course.endDate, SUBMISSION_DAYS_AFTER_END);
      return counts ? { values: { submissionDeadline, ...counts }, readOnly: ['passed', 'failed'] } : { values: { submissionDeadline }, readOnly: [] };
    }
    case 'cancel':
      return { values: { reason: '', confirmed: false }, readOnly: [] };
  }
}
