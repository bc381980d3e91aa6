import { canSeeCase, type Actor } from '../../src-shared/domain/access';
import { checkActivityWrite } from '../../src-shared/domain/access/activity-access';
import { checkOfferWrite } from '../../src-shared/domain/access/offer-access';
import { checkPersonWrite } from '../../src-shared/domain/access/person-write';
import { checkRecordWrite, type RecordCollection } from '../../src-shared/domain/access/record-write';
import { checkCaseChange } from '../../src-shared/domain/case/case-change';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { dateOf } from '../../src-shared/domain/calendar/iso-date';
import type { EducationOffer } from '../../src-shared/domain/nomination/education-offer';
import type { PlacementActivity } from '../../src-shared/domain/placement/activity.schema';
import type { RejectionReason } from '../../src-shared/sync/push.schema';
import type { JsonRecord } from '../../src-shared/sync/json-value';
import { offerStoreProblems } from '../case-types/nomination/offer-store';
import type { Sql } from '../db/database';
import type { SyncCollection } from './sync-collections';
import type { VisibilityContext } from './visibility';

export interface WriteRefusal {
  reason: RejectionReason;
  code?: string;
  message: string;
}

export interface WriteCheck {
  collection: SyncCollection;
  actor: Actor;
  /** The stored document (with `_deleted`), or null for a new one. */
  before: JsonRecord | null;
  after: JsonRecord;
  visibility: VisibilityContext;
  /** The push's transaction (checks that read other documents). */
  tx: Sql;
}

/** Workflow reasons that are about who acts, not about the case: shown as "forbidden". */
const permissionCodes = new Set(['forbidden', 'forbidden-edit', 'role-not-allowed', 'out-of-scope']);
/** Reasons that say the document does not fit its schema: quarantined like any invalid document. */
const schemaCodes = new Set(['invalid-case', 'invalid-details']);

/**
 * Whether the actor may make this change. The server runs this for every pushed row, so a change
 * queued offline by someone who has lost access since is refused when it arrives.
 */
export async function checkWrite(check: WriteCheck): Promise<WriteRefusal | null> {
  const { collection, actor, before, after } = check;
  const deleting = after._deleted === true;
  if (collection.appendOnly && before && !before._deleted) {
    return { reason: 'immutable', message: `A ${collection.name} entry cannot be changed or deleted once written; add a new one instead.` };
  }
  if (deleting && !collection.deletable) {
    return { reason: 'delete-not-allowed', message: `${collection.name} cannot be deleted.` };
  }
  switch (collection.visibility) {
    case 'open':
      return null;
    case 'case':
      return checkCase(actor, before as Case | null, after as Case);
    case 'case-child':
      return checkCaseChild(check);
    case 'directory':
      return { reason: 'forbidden', message: `${collection.name} is kept by the server (accounts, organisation import); laptops only read it.` };
    case 'person': {
      const result = checkPersonWrite(actor, before, after);
      return result.ok ? null : { reason: 'forbidden', code: result.code, message: result.message };
    }
    case 'offer':
      return checkOffer(check);
    case 'activity': {
      const result = checkActivityWrite(actor, before as unknown as PlacementActivity | null, after as unknown as PlacementActivity);
      return result.ok ? null : { reason: result.code === 'forbidden' ? 'forbidden' : 'immutable', code: result.code, message: result.message };
    }
  }
}

function checkCase(actor: Actor, before: Case | null, after: Case): WriteRefusal | null {
  if (before && !canSeeCase(actor, before)) {
    return { reason: 'forbidden', message: 'You no longer have access to this case.' };
  }
  if (before && before.type !== after.type) {
    return { reason: 'workflow', code: 'type-changed', message: 'The type of a case cannot change.' };
  }
  const result = checkCaseChange({ before, after, actor });
  if (result.ok) return null;
  const reason = permissionCodes.has(result.reason) ? 'forbidden' : schemaCodes.has(result.reason) ? 'invalid-document' : 'workflow';
  return { reason, code: result.reason, message: result.message };
}

async function checkCaseChild({ collection, actor, before, after, visibility }: WriteCheck): Promise<WriteRefusal | null> {
  const caseId = after.caseId;
  if (before && before.caseId !== caseId) {
    return { reason: 'immutable', code: 'case-changed', message: 'A record cannot be moved to another case.' };
  }
  const parent = typeof caseId === 'string' ? await visibility.liveCase(caseId) : null;
  if (!parent) {
    return { reason: 'parent-missing', message: 'The case this belongs to is not on the server; it is sent again when the case is.' };
  }
  if (!canSeeCase(actor, parent)) return { reason: 'forbidden', message: 'You do not have access to this case.' };
  if (collection.name === 'notes' && after.authorId !== actor.userId) {
    return { reason: 'forbidden', code: 'author-mismatch', message: 'A note can only be written in your own name.' };
  }
  const result = checkRecordWrite({ actor, parent, collection: collection.name as RecordCollection, before, after });
  if (result.ok) return null;
  return { reason: ['forbidden', 'created-by-mismatch'].includes(result.code) ? 'forbidden' : 'immutable', code: result.code, message: result.message };
}

/** Who acts (the offer table), then how the offer fits its agreement and the institution's other offers. */
async function checkOffer({ actor, before, after, tx }: WriteCheck): Promise<WriteRefusal | null> {
  const offer = after as unknown as EducationOffer;
  const access = checkOfferWrite(actor, before as unknown as EducationOffer | null, offer);
  if (!access.ok) return { reason: access.code === 'forbidden' ? 'forbidden' : 'immutable', code: access.code, message: access.message };
  const problems = await offerStoreProblems(tx, offer, dateOf(new Date()));
  if (!problems.length) return null;
  return { reason: 'workflow', code: problems[0]!.code, message: problems.map((problem) => problem.message).join(' ') };
}
