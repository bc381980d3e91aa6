import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import type { z } from 'zod';
import { collectionDefinitions, collectionNames } from '../../src-shared/db/collections';

/**
 * Dev-build schema validation for RxDB writes, with the shared zod schemas themselves (the one
 * definition every other boundary parses with). RxDB's ready-made validators do not fit here:
 * ajv compiles validators with eval, which our CSP forbids, and z-schema refuses the ISO date-time
 * pattern zod generates as "potentially unsafe (ReDoS)".
 *
 * RxDB hands the validator the storage schema only, so the collection is recognised by its
 * fields (every collection has its own set). RxDB's internal stores match none and are skipped.
 */
export const wrappedValidateZodStorage = wrappedValidateStorageFactory(zodValidatorFor, 'zod');

function zodValidatorFor(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const zodSchema = zodSchemaWithFields(Object.keys(schema.properties).filter((field) => !field.startsWith('_')));
  if (!zodSchema) return () => [];
  return (doc) => {
    const result = zodSchema.safeParse(doc);
    return result.success ? [] : result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  };
}

function zodSchemaWithFields(fields: string[]): z.ZodObject | undefined {
  const key = [...fields].sort().join(',');
  const name = collectionNames.find((candidate) => Object.keys(collectionDefinitions[candidate].schema.shape).sort().join(',') === key);
  return name ? collectionDefinitions[name].schema : undefined;
}
