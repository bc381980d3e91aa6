import type { Case } from '../domain/case/case.schema';
import { nextDeadlineOf } from '../domain/case/deadline';
import { jsonEqual, type JsonRecord } from './json-value';
import { threeWayMerge, type MergeInput, type MergeResult } from './three-way-merge';

/**
 * Per collection: fields that record who wrote a change rather than what changed. They never go
 * to the conflict inbox: the merged document carries this laptop's values when it keeps any local
 * change (the server checks that `updatedBy` is the pushing user), else the server's.
 * `derive` recomputes fields that follow from others (e.g. a case's `nextDeadline`).
 */
export interface MergePolicy {
  bookkeeping: readonly string[];
  derive?(doc: JsonRecord): JsonRecord;
}

export const mergePolicies: Record<string, MergePolicy> = {
  cases: {
    bookkeeping: ['updatedAt', 'updatedBy', 'nextDeadline'],
    derive: (doc) => (Array.isArray(doc.deadlines) ? { ...doc, nextDeadline: nextDeadlineOf(doc.deadlines as Case['deadlines']) } : doc),
  },
  tasks: { bookkeeping: ['updatedAt'] },
  people: { bookkeeping: ['updatedAt'] },
};

/** The three-way merge of ./three-way-merge.ts with the collection's bookkeeping rules applied. */
export function mergeDocuments(collection: string, input: MergeInput): MergeResult {
  const policy = mergePolicies[collection];
  if (!policy) return threeWayMerge(input);
  const without = (doc: JsonRecord | undefined) => doc && omit(doc, policy.bookkeeping);
  const { merged, conflicts } = threeWayMerge({ base: without(input.base), server: without(input.server)!, local: without(input.local)! });
  const keepsLocalChange = !jsonEqual(merged, without(input.server));
  const source = keepsLocalChange ? input.local : input.server;
  const withBookkeeping: JsonRecord = { ...merged };
  for (const field of policy.bookkeeping) if (source[field] !== undefined) withBookkeeping[field] = source[field];
  return { merged: policy.derive ? policy.derive(withBookkeeping) : withBookkeeping, conflicts };
}

function omit(doc: JsonRecord, fields: readonly string[]): JsonRecord {
  const out = { ...doc };
  for (const field of fields) delete out[field];
  return out;
}
