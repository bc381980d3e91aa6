import { z } from 'zod';
import { decisionInputSchema } from '../../../src-shared/documents/decision.schema';
import { isoDate } from '../../../src-shared/domain/case/case.schema';
import { decisionOutcomes } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { legalBasisField } from '../case/legal-basis-field';

/**
 * The decision form, from the shared decision letter schema: the case's own parts of the letter,
 * the kind of outcome the workflow records, and the day the student receives it (the letter then
 * states the last day to appeal). Legal bases are written one per line.
 */
export const decisionFormSchema = z.object({
  outcomeKind: z.enum(decisionOutcomes),
  title: decisionInputSchema.shape.title,
  outcome: decisionInputSchema.shape.outcome,
  legalBasis: legalBasisField,
  facts: decisionInputSchema.shape.facts,
  mainConsiderations: decisionInputSchema.shape.mainConsiderations,
  appeal: decisionInputSchema.shape.appeal.extend({ receivedOn: isoDate }),
});
export type DecisionFormInput = z.input<typeof decisionFormSchema>;
export type DecisionFormValues = z.output<typeof decisionFormSchema>;
