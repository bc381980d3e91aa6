import { z } from 'zod';
import { isoDate, isoTimestamp } from '../case/case.schema';
import { externalResultSchema } from './approval.schema';
import { consentSchema } from './consent';
import { approvalDecisionSchema } from './decision';
import { acceptanceSchema, resultFetchSchema } from './result-fetch';

/** The details of an approval case (godkjenningssak) with result exchange. */
export const approvalDetailsSchema = z.object({
  application: z.object({
    receivedAt: isoTimestamp,
    description: z.string().min(1).max(4000),
    requestedCredits: z.number().min(0).max(600),
  }),
  /** The student's answer to the result-exchange consent (RESUTVEKSL). */
  consent: consentSchema.optional(),
  consentRequestedAt: isoTimestamp.optional(),
  /** Every fetch with each institution's answer and what it brought (history, oldest first). */
  fetches: z.array(resultFetchSchema).max(50),
  /** Which fetches the case officer accepted, in order. */
  acceptedFetches: z.array(acceptanceSchema).max(100),
  /** The accepted results: the accepted fetches' results merged (see `acceptedResults`). */
  externalResults: z.array(externalResultSchema).max(500),
  decision: approvalDecisionSchema.optional(),
  decisionDelivery: z.object({ sentAt: isoTimestamp, receivedOn: isoDate, appealDeadline: isoDate }).optional(),
  closedAt: isoTimestamp.optional(),
  withdrawal: z.object({ withdrawnAt: isoTimestamp, reason: z.string().max(2000) }).optional(),
});
export type ApprovalDetails = z.infer<typeof approvalDetailsSchema>;
