import { z } from 'zod';
import { decisionInputSchema } from '../../../src-shared/documents/decision.schema';

/** A decision form's legal bases, written one per line, as the decision letter takes them. */
export const legalBasisField = z
  .string()
  .transform((text) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(decisionInputSchema.shape.legalBasis);
