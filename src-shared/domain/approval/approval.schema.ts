import { z } from 'zod';

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
  /** The source answered, but not in the agreed shape: nothing is imported from it. */
  'invalidResponse',
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
