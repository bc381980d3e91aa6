import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';
import { checklistSchema } from './checklist/checklist.schema';
import { courseMessagesSchema } from './messages/course-messages';
import { courseResultsSchema } from './participants/course-results';
import { participantSchema, registrationSetupSchema } from './participants/participant.schema';

/** At most this many registrations on one course (the case document must stay small). */
export const MAX_PARTICIPANTS = 400;

/** Workflow states of a further-education course delivery (kursgjennomføring, EVU), in order. */
export const courseDeliveryStatuses = [
  'planned',
  'contractSent',
  'contractSigned',
  'contractArchived',
  'published',
  'lmsReady',
  'enrolled',
  'inProgress',
  'evaluated',
  'graded',
  'certificatesSent',
  'closed',
  'cancelled',
] as const;
export type CourseDeliveryStatus = (typeof courseDeliveryStatuses)[number];
export const courseDeliveryStatusSchema = z.enum(courseDeliveryStatuses);
export const courseDeliveryTerminalStatuses = ['closed', 'cancelled'] as const satisfies readonly CourseDeliveryStatus[];

export const courseDeliveryStatusLabels: Record<CourseDeliveryStatus, { nb: string; en: string }> = {
  planned: { nb: 'Planlagt', en: 'Planned' },
  contractSent: { nb: 'Kontrakt sendt', en: 'Contract sent' },
  contractSigned: { nb: 'Kontrakt signert', en: 'Contract signed' },
  contractArchived: { nb: 'Kontrakt arkivert', en: 'Contract archived' },
  published: { nb: 'Publisert, påmelding åpen', en: 'Published, registration open' },
  lmsReady: { nb: 'Canvas og Zoom klart', en: 'LMS and video ready' },
  enrolled: { nb: 'Deltakere tatt opp', en: 'Participants enrolled' },
  inProgress: { nb: 'Pågår', en: 'In progress' },
  evaluated: { nb: 'Evaluert', en: 'Evaluated' },
  graded: { nb: 'Vurdert', en: 'Graded' },
  certificatesSent: { nb: 'Kursbevis sendt', en: 'Certificates sent' },
  closed: { nb: 'Avsluttet', en: 'Closed' },
  cancelled: { nb: 'Avlyst', en: 'Cancelled' },
};

/** One course run; the teaching resource (und.res.) is a `teacher` assignee of the case. */
export const courseDeliveryDetailsSchema = z.object({
  course: z.object({
    code: z.string().min(1).max(20),
    name: z.string().min(1).max(200),
    credits: z.number().min(0).max(60),
    sessions: z.number().int().min(1).max(100),
    startDate: isoDate,
    endDate: isoDate,
    priceNok: z.number().int().min(0).max(1_000_000),
  }),
  teachingResource: z.object({ userId: idSchema, name: z.string().min(1).max(200) }),
  contract: z
    .object({
      sentAt: isoTimestamp,
      documentId: idSchema,
      signedAt: isoTimestamp.optional(),
      archivedAt: isoTimestamp.optional(),
      archiveReference: z.string().max(100).optional(),
    })
    .optional(),
  /** The teaching resource's EHF invoice, approved by the head of department in Exledger. */
  teacherInvoice: z.object({ receivedAt: isoTimestamp, approvedAt: isoTimestamp.optional() }).optional(),
  landingPage: z
    .object({ publishedAt: isoTimestamp, url: z.url().max(2000), registrationUrl: z.url().max(2000), sessionPlanPublished: z.boolean() })
    .optional(),
  /** The LMS course (created by the server's Canvas adapter unless the consultant names one) and the video room. */
  lms: z
    .object({ readyAt: isoTimestamp, canvasCourseId: z.string().min(1).max(40).optional(), videoRoomUrl: z.url().max(2000), teacherAdded: z.boolean() })
    .optional(),
  /** The head of department's handling of the applications. */
  applications: z
    .object({ handledAt: isoTimestamp, admitted: z.number().int().min(0).max(10_000), waitlisted: z.number().int().min(0).max(10_000) })
    .optional(),
  enrolment: z
    .object({
      enrolledAt: isoTimestamp,
      participants: z.number().int().min(1).max(10_000),
      welcomeLettersSentAt: isoTimestamp,
      invoicedAt: isoTimestamp,
    })
    .optional(),
  startedAt: isoTimestamp.optional(),
  /** The evaluation's link, posted in the LMS and e-mailed at the next-to-last session. */
  evaluationInvite: z.object({ sentAt: isoTimestamp, link: z.url().max(2000) }).optional(),
  /** When the grades were last asked of the LMS (the server's Canvas adapter answers with `results`). */
  gradesRequest: z.object({ requestedAt: isoTimestamp, requestedBy: idSchema }).optional(),
  /** The grades: from the LMS or the teaching resource's uploaded list (participants/course-results.ts). */
  results: courseResultsSchema.optional(),
  evaluation: z
    .object({
      sentAt: isoTimestamp,
      analysedAt: isoTimestamp,
      responseRate: z.number().min(0).max(100),
      findings: z.string().min(1).max(4000),
    })
    .optional(),
  grading: z
    .object({
      submissionDeadline: isoDate,
      gradedAt: isoTimestamp,
      passed: z.number().int().min(0).max(10_000),
      failed: z.number().int().min(0).max(10_000),
    })
    .optional(),
  /** Text of the competence certificate, written by the head of department. */
  certificateText: z.object({ writtenAt: isoTimestamp, text: z.string().min(1).max(4000) }).optional(),
  certificates: z.object({ issuedAt: isoTimestamp, count: z.number().int().min(0).max(10_000) }).optional(),
  closedAt: isoTimestamp.optional(),
  /** Every step of the seed's flowchart with where it stands (checklist/), recorded by whoever owns the step. */
  checklist: checklistSchema.optional(),
  /** The public registration page's set-up: places, deadline, the fields asked for. */
  registration: registrationSetupSchema.optional(),
  /** Who registered, in the order they did, with the department head's decision. */
  participants: z.array(participantSchema).max(MAX_PARTICIPANTS).optional(),
  /** The welcome letter's and the evaluation's texts, kept by the department head (messages/). */
  messages: courseMessagesSchema.optional(),
  cancellation: z.object({ cancelledAt: isoTimestamp, reason: z.string().min(1).max(2000) }).optional(),
});
export type CourseDeliveryDetails = z.infer<typeof courseDeliveryDetailsSchema>;
