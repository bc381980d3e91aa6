import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/** Workflow states of a follow-up case (oppfølgingssak), in process order. */
export const followUpStatuses = [
  'reported',
  'merged',
  'open',
  'summoned',
  'conversationHeld',
  'protocolDrafted',
  'signedByStudent',
  'protocolSigned',
  'protocolSent',
  'meetingCalled',
  'reviewedWithRector',
  'decided',
  'decisionArchived',
  'decisionSent',
  'closed',
] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpStatusSchema = z.enum(followUpStatuses);
export const followUpTerminalStatuses = ['merged', 'closed'] as const satisfies readonly FollowUpStatus[];
/** States before the student is summoned: the student does not see the case yet. */
export const followUpInternalStatuses = ['reported', 'merged', 'open'] as const satisfies readonly FollowUpStatus[];

export const followUpStatusLabels: Record<FollowUpStatus, { nb: string; en: string }> = {
  reported: { nb: 'Bekymring meldt', en: 'Concern reported' },
  merged: { nb: 'Slått sammen', en: 'Merged' },
  open: { nb: 'Åpnet', en: 'Opened' },
  summoned: { nb: 'Innkalt', en: 'Student summoned' },
  conversationHeld: { nb: 'Samtale gjennomført', en: 'Conversation held' },
  protocolDrafted: { nb: 'Protokoll utarbeidet', en: 'Protocol drafted' },
  signedByStudent: { nb: 'Signert av student', en: 'Signed by student' },
  protocolSigned: { nb: 'Protokoll signert', en: 'Protocol signed' },
  protocolSent: { nb: 'Protokoll sendt avdelingsleder', en: 'Protocol sent to head of department' },
  meetingCalled: { nb: 'Møte innkalt', en: 'Meeting called' },
  reviewedWithRector: { nb: 'Vurdert med rektor', en: 'Reviewed with the rector' },
  decided: { nb: 'Vedtak fattet', en: 'Decision made' },
  decisionArchived: { nb: 'Vedtak arkivert', en: 'Decision archived' },
  decisionSent: { nb: 'Vedtak sendt', en: 'Decision sent' },
  closed: { nb: 'Avsluttet', en: 'Closed' },
};

/** What a teacher reports to the cohort coordinator (seed 001, step 1). */
export const concernKinds = ['subjectDifficulties', 'missingParticipation', 'lowProgression', 'courseworkNotPassed'] as const;
export type ConcernKind = (typeof concernKinds)[number];
export const courseworkStates = ['notSubmitted', 'submitted', 'approved', 'notApproved', 'resubmissionRequired'] as const;

/** What a teacher may report, named once for the screens and the letters. */
export const concernKindLabels: Record<(typeof concernKinds)[number], { nb: string; en: string }> = {
  subjectDifficulties: { nb: 'Fagvansker', en: 'Subject difficulties' },
  missingParticipation: { nb: 'Manglende deltakelse', en: 'Missing participation' },
  lowProgression: { nb: 'Lav studieprogresjon', en: 'Low study progression' },
  courseworkNotPassed: { nb: 'Studentarbeider ikke bestått', en: 'Coursework not passed' },
};

export const courseworkStateLabels: Record<(typeof courseworkStates)[number], { nb: string; en: string }> = {
  notSubmitted: { nb: 'Ikke levert', en: 'Not submitted' },
  submitted: { nb: 'Levert, ikke vurdert', en: 'Submitted, not assessed' },
  approved: { nb: 'Godkjent', en: 'Approved' },
  notApproved: { nb: 'Ikke godkjent', en: 'Not approved' },
  resubmissionRequired: { nb: 'Må leveres på nytt', en: 'Resubmission required' },
};

export const courseRefSchema = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1).max(200),
});

export const concernReportSchema = z.object({
  id: idSchema,
  reportedBy: idSchema,
  reporterName: z.string().min(1).max(200),
  reportedAt: isoTimestamp,
  course: courseRefSchema,
  concerns: z.array(z.enum(concernKinds)).min(1).max(concernKinds.length),
  description: z.string().min(1).max(4000),
  /** Mandatory coursework (studentarbeider) and its status in the LMS. */
  coursework: z.array(z.object({ title: z.string().min(1).max(200), status: z.enum(courseworkStates), due: isoDate.optional() })).max(50),
  /** Absence from mandatory teaching in the course, in percent. */
  absencePercent: z.number().min(0).max(100).optional(),
});
export type ConcernReport = z.infer<typeof concernReportSchema>;

export const summonsSchema = z.object({
  meetingAt: isoTimestamp,
  mode: z.enum(['inPerson', 'video']),
  /** Room, or the video meeting link. */
  location: z.string().min(1).max(500),
  reason: z.string().min(1).max(2000),
  sentAt: isoTimestamp,
});

export const signatureRecordSchema = z.object({
  signedAt: isoTimestamp,
  signerName: z.string().min(1).max(200),
  /** onScreen: signature pad on the coordinator's laptop; certificate: the signer's own PAdES signature. */
  method: z.enum(['onScreen', 'certificate']),
});

export const decisionOutcomes = ['lossOfStudyRight', 'continuationWithConditions', 'revisedEducationPlan'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, { nb: string; en: string }> = {
  lossOfStudyRight: { nb: 'Tap av studierett', en: 'Loss of study right' },
  continuationWithConditions: { nb: 'Videre studier med vilkår', en: 'Continued studies on conditions' },
  revisedEducationPlan: { nb: 'Revidert utdanningsplan', en: 'Revised education plan' },
};

export const closureOutcomes = ['decisionSent', 'noDecision', 'noFollowUpNeeded'] as const;

export const followUpDetailsSchema = z.object({
  /** Every teacher report on this student; reports merged from other cases are appended. */
  reports: z.array(concernReportSchema).max(100),
  summons: summonsSchema.optional(),
  conversation: z
    .object({
      heldAt: isoTimestamp,
      studentAttended: z.boolean(),
      participants: z.array(z.string().min(1).max(200)).max(20),
      /** Notes written during or after the conversation (append-only note records). */
      noteIds: z.array(idSchema).max(500),
    })
    .optional(),
  protocol: z
    .object({
      draftedAt: isoTimestamp,
      documentId: idSchema,
      summary: z.string().min(1).max(4000),
      studentSignature: signatureRecordSchema.optional(),
      coordinatorSignature: signatureRecordSchema.optional(),
      sentAt: isoTimestamp.optional(),
    })
    .optional(),
  meeting: z
    .object({
      calledAt: isoTimestamp,
      at: isoTimestamp,
      location: z.string().min(1).max(500),
      participantIds: z.array(idSchema).min(1).max(20),
    })
    .optional(),
  /** The rector's part (seed 001: the head decides together with the rector), recorded by the rector's own step. */
  rectorReview: z
    .object({
      reviewedAt: isoTimestamp,
      rectorId: idSchema,
      /** The rector's view: make a decision, or close the case without one. */
      recommendsDecision: z.boolean(),
      comment: z.string().max(2000),
    })
    .optional(),
  decision: z
    .object({
      decidedAt: isoTimestamp,
      decidedBy: z.array(idSchema).min(1).max(10),
      outcome: z.enum(decisionOutcomes),
      legalBasis: z.string().min(1).max(1000),
      facts: z.string().min(1).max(8000),
      considerations: z.string().min(1).max(8000),
      documentId: idSchema,
    })
    .optional(),
  archive: z.object({ archivedAt: isoTimestamp, reference: z.string().min(1).max(100) }).optional(),
  decisionDelivery: z.object({ sentAt: isoTimestamp, receivedOn: isoDate, appealDeadline: isoDate }).optional(),
  closure: z.object({ closedAt: isoTimestamp, outcome: z.enum(closureOutcomes), reason: z.string().max(2000) }).optional(),
  /** Set when this report was joined into the student's existing case. */
  mergedInto: idSchema.optional(),
});
export type FollowUpDetails = z.infer<typeof followUpDetailsSchema>;
