import { z } from 'zod';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { nominationDraftSchema } from '../../../src-shared/domain/nomination/nomination-csv-draft';
import { summarizeZodError } from '../../../src-shared/kernel/app-error';
import type { Database } from '../../db/database';
import { createDraftNominations, type DraftNominationsResult } from './draft-nominations';

/**
 * Staff registering a nomination on behalf of a partner (way 4 of issue 11): the same draft a
 * nominator writes, the partner, and why staff register it (required). The case and the audit
 * trail then show "registered by X on behalf of Y".
 */
export const onBehalfNominationSchema = z.object({
  partnerId: z.string().min(1).max(100),
  reason: z.string().trim().min(1, 'A reason is required').max(1000),
  draft: nominationDraftSchema,
});

export type OnBehalfResult = DraftNominationsResult | { ok: false; invalid: string };

/** `request` is outside input: parsed here, a bad one gives a clear message. */
export async function createOnBehalfNomination(
  db: Database,
  input: { request: unknown; actor: Actor; now: Date; changesChannel?: string },
): Promise<OnBehalfResult> {
  const parsed = onBehalfNominationSchema.safeParse(input.request);
  if (!parsed.success) return { ok: false, invalid: summarizeZodError(parsed.error) };
  const { partnerId, reason, draft } = parsed.data;
  return createDraftNominations(db, {
    drafts: [{ row: 1, nomination: draft }],
    partnerId,
    nominator: { kind: 'onBehalf', actor: input.actor, reason },
    channel: 'userInterface',
    now: input.now,
    changesChannel: input.changesChannel,
  });
}
