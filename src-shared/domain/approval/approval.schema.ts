import { z } from 'zod';
import { isoDate, isoTimestamp } from '../case/case.schema';

/** Workflow states of an approval case (godkjenningssak) with result exchange, in process order. */
export const approvalStatuses = ['registered', 'processing', 'awaitingConsent', 'fetchingResults', 'decided', 'closed', 'withdrawn'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
export const approvalStatusSchema = z.enum(approvalStatuses);
export const approvalTerminalStatuses = ['closed', 'withdrawn'] as const satisfies readonly ApprovalStatus[];

export const approvalStatusLabels: Record<ApprovalStatus, { nb: string; en: string }> = {
  registered: { nb: 'Registrert', en: 'Registered' },
  processing: { nb: 'Behandles', en: 'Processing' },
  awaitingConsent: { nb: 'Venter på samtykke', en: 'Awaiting consent' },
  fetchingResults: { nb: 'Henter resultater', en: 'Fetching results' },
  decided: { nb: 'Vedtak fattet', en: 'Decided' },
  closed: { nb: 'Avsluttet', en: 'Closed' },
  withdrawn: { nb: 'Trukket', en: 'Withdrawn' },
};

/** Outcome per institution of one result fetch; the failure causes come from seed 003. */
export const fetchOutcomes = [
  'imported',
  'noResults',
  'notSharing',
  'noConsent',
  'sourceUnavailable',
  'certificateDateMissing',
  'institutionReserved',
  'temporaryNationalId',
] as const;
export type FetchOutcome = (typeof fetchOutcomes)[number];

export const externalResultSchema = z.object({
  institutionCode: z.string().min(1).max(10),
  institutionName: z.string().min(1).max(200),
  category: z.enum(['course', 'qualification']),
  code: z.string().min(1).max(40),
  nameNb: z.string().min(1).max(300),
  nameEn: z.string().max(300),
  thesisTitle: z.string().max(500).optional(),
  term: z.string().min(1).max(20),
  credits: z.number().min(0).max(600),
  grade: z.string().min(1).max(20),
  /** For a course: the qualification it counts towards (keeps the link between the two). */
  qualificationCode: z.string().max(40).optional(),
});
export type ExternalResult = z.infer<typeof externalResultSchema>;

export const resultFetchSchema = z.object({
  orderedAt: isoTimestamp,
  completedAt: isoTimestamp.optional(),
  institutions: z
    .array(
      z.object({
        code: z.string().min(1).max(10),
        name: z.string().min(1).max(200),
        outcome: z.enum(fetchOutcomes),
        resultCount: z.number().int().min(0).max(1000),
        /** sourceUnavailable: retried automatically the next day. */
        retryOn: isoDate.optional(),
      }),
    )
    .max(100),
});

export const approvalDetailsSchema = z.object({
  application: z.object({
    receivedAt: isoTimestamp,
    description: z.string().min(1).max(4000),
    requestedCredits: z.number().min(0).max(600),
  }),
  /** The student's answer to the result-exchange consent (Studentweb, RESUTVEKSL). */
  consent: z.object({ given: z.boolean(), recordedAt: isoTimestamp, source: z.enum(['studentweb', 'caseOfficer']) }).optional(),
  consentRequestedAt: isoTimestamp.optional(),
  fetches: z.array(resultFetchSchema).max(50),
  externalResults: z.array(externalResultSchema).max(500),
  decision: z
    .object({
      decidedAt: isoTimestamp,
      outcome: z.enum(['approved', 'partlyApproved', 'rejected']),
      approvedCredits: z.number().min(0).max(600),
      grounds: z.string().min(1).max(8000),
    })
    .optional(),
  decisionDelivery: z.object({ sentAt: isoTimestamp, receivedOn: isoDate, appealDeadline: isoDate }).optional(),
  closedAt: isoTimestamp.optional(),
  withdrawal: z.object({ withdrawnAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
});
export type ApprovalDetails = z.infer<typeof approvalDetailsSchema>;
