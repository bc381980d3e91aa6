import { z } from 'zod';
import { isoDate } from '../../../src-shared/domain/case/case.schema';

/** The steps a case officer takes on many applications at once, and the one field each needs filled in for all. */
export const nominationBulkEvents = ['qualify', 'makeOffer', 'markNotReached', 'reject'] as const;
export type NominationBulkEvent = (typeof nominationBulkEvents)[number];

export interface BulkInput {
  answerBy: string;
  reason: string;
}

export type BulkExtra = { ok: true; extra?: Record<string, string> } | { ok: false; problem: 'answerBy' | 'reason' };

const answerBySchema = isoDate;
const reasonSchema = z.string().trim().min(1).max(2000);

/**
 * The event fields of a bulk step as the form filled them in: none for qualify and not reached (the
 * recorded ranking decides), the answer deadline
 * (not before today) for an offer, the reason for a rejection. The workflow checks them again per case.
 */
export function bulkExtraFor(event: NominationBulkEvent, input: BulkInput, today: string): BulkExtra {
  switch (event) {
    case 'qualify':
    case 'markNotReached':
      return { ok: true };
    case 'makeOffer': {
      const answerBy = answerBySchema.safeParse(input.answerBy);
      return answerBy.success && answerBy.data >= today ? { ok: true, extra: { answerBy: answerBy.data } } : { ok: false, problem: 'answerBy' };
    }
    case 'reject': {
      const reason = reasonSchema.safeParse(input.reason);
      return reason.success ? { ok: true, extra: { reason: reason.data } } : { ok: false, problem: 'reason' };
    }
  }
}
