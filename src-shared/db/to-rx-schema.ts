import { z } from 'zod';

/** The parts of an RxDB JSON schema we set ourselves; the rest comes from the zod schema. */
export interface RxSchemaOptions {
  version: number;
  primaryKey: string;
  indexes?: (string | string[])[];
  encrypted?: string[];
}

export type JsonObject = Record<string, unknown>;

/**
 * Derives the RxDB JSON schema of a collection from its zod schema, so the shape of a
 * document is defined once. `format` keywords are dropped: RxDB's validators do not
 * all know them, and zod already checks the same rule at every boundary.
 */
export function toRxSchema(schema: z.ZodObject, options: RxSchemaOptions): JsonObject {
  const json = normalize(z.toJSONSchema(schema, { target: 'draft-7', io: 'input' })) as JsonObject;
  delete json.$schema;
  return {
    ...json,
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    indexes: options.indexes ?? [],
    encrypted: options.encrypted ?? [],
  };
}

/** Drops `format`, and gives string enums the `maxLength` RxDB requires of indexed strings. */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format') continue;
    out[key] = normalize(value);
  }
  if (out.type === 'string' && Array.isArray(out.enum) && out.maxLength === undefined) {
    out.maxLength = Math.max(...out.enum.map((member) => String(member).length));
  }
  return out;
}
