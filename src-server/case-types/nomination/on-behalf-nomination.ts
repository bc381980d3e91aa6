import type { Actor } from '../../../src-shared/domain/access/roles';
import { onBehalfNominationSchema } from '../../../src-shared/domain/nomination/nomination-staff.contract';
import { summarizeZodError } from '../../../src-shared/kernel/app-error';
import type { Database } from '../../db/database';
import { createDraftNominations, type DraftNominationsResult } from './draft-nominations';

/**
 * Staff registering a nomination on behalf of a partner (way 4 of issue 11): the same draft a
 * nominator writes, the partner, and why staff register it (required; onBehalfNominationSchema).
 * The case and the audit trail then show "registered by X on behalf of Y".
 */
export type OnBehalfResult = DraftNominationsResult | { ok: false; invalid: string };

/** `request` is outside input: parsed here, a bad one gives a clear message. */
export async function createOnBehalfNomination(
  db: Database,
  input: { request: unknown; actor: Actor; now: Date; publicUrl: string; changesChannel?: string },
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
    publicUrl: input.publicUrl,
    changesChannel: input.changesChannel,
  });
}
