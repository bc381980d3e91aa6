import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseWorkflows } from '../domain/case/case-workflows';
import { collectionDefinitions, replicatedCollections } from './collections';

/**
 * Every field a laptop can push has a size limit: strings a maximum length, lists a maximum
 * count, and nothing open-ended but a case's `details`, which its case type's schema bounds.
 * (The server also caps a whole document; see MAX_DOCUMENT_BYTES in src-server/sync/push.ts.)
 */
function unbounded(node: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => unbounded(item, `${path}[${i}]`, found));
  if (node === null || typeof node !== 'object') return found;
  const schema = node as Record<string, unknown>;
  if (schema.type === 'string' && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined) found.push(path);
  if (schema.type === 'array' && schema.maxItems === undefined) found.push(path);
  if (schema.type === 'object' && schema.additionalProperties !== undefined && schema.additionalProperties !== false && schema.properties === undefined) {
    found.push(`${path} (open record)`);
  }
  for (const [key, value] of Object.entries(schema)) if (typeof value === 'object') unbounded(value, `${path}.${key}`, found);
  return found;
}

/** Bounded by refinements, which JSON Schema does not show (see `within` in case.schema.ts). */
const refined: Record<string, (n: number) => Record<string, unknown>> = {
  'cases.properties.assignees': (n) => ({ assignees: Array.from({ length: n }, (_, i) => `user-${i}`) }),
  'cases.properties.deadlines': (n) => ({ deadlines: Array.from({ length: n }, () => ({ kind: 'k', due: '2026-12-01', label: 'l' })) }),
  'cases.properties.details.propertyNames': (n) => ({ details: Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, 1])) }),
  'cases.properties.details (open record)': (n) => ({ details: { ['k'.repeat(n)]: 1 } }),
  'organisation.properties.attributes (open record)': (n) => ({ attributes: Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, 'v'])) }),
  'documents.properties.signatures': (n) => ({ signatures: Array.from({ length: n }, () => ({ signer: 's', signedAt: '2026-12-01T10:00:00.000Z' })) }),
};

describe('size limits', () => {
  it.each(replicatedCollections)('%s: every field is bounded', (name) => {
    const schema = collectionDefinitions[name].schema;
    const found = unbounded(z.toJSONSchema(schema, { io: 'input' }), name, []);
    expect(found.filter((path) => !refined[path])).toEqual([]);
    for (const path of found) {
      const field = (schema.shape as Record<string, z.ZodType>)[path.split('.')[2]!.split(' ')[0]!]!;
      const value = Object.values(refined[path]!(1000))[0];
      expect(field.safeParse(value).success, `${path} with 1000 entries`).toBe(false);
    }
  });

  it.each(Object.keys(caseWorkflows))('%s details: every field is bounded', (type) => {
    const schema = caseWorkflows[type as keyof typeof caseWorkflows].detailsSchema;
    expect(unbounded(z.toJSONSchema(schema, { io: 'input' }), type, [])).toEqual([]);
  });
});
