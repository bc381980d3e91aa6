import { z } from 'zod';

/** JSON Schema (OpenAPI 3 flavour) of a zod schema, for route documentation only. */
export function docSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export const errorResponse = {
  description: 'Error: `{ kind, code, message, details? }`; `code` is machine-readable.',
  type: 'object',
  properties: {
    kind: { type: 'string' },
    code: { type: 'string' },
    message: { type: 'string' },
    details: {},
  },
  required: ['kind', 'code', 'message'],
};
