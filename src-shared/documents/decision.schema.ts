import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { documentHeadSchema, staffSchema, studentSchema } from './letter-parts.schema';

/**
 * Decision letter (enkeltvedtak). Forvaltningsloven §§ 24–25 require the grounds: the rules the
 * decision rests on, the facts and the main considerations; § 27 requires the notice to tell the
 * party about the right to appeal, the deadline, the appeal body, how to appeal and the right to
 * see the case documents. The letter's fixed texts say the rest; these are the case's own parts.
 */
export const decisionInputSchema = documentHeadSchema.extend({
  student: studentSchema,
  title: z.string().min(1).max(300),
  /** The decision itself, e.g. "Du mister studieretten ved bachelor i sykepleie fra 1. januar 2027." */
  outcome: z.string().min(1).max(4000),
  legalBasis: z.array(z.string().min(1).max(500)).min(1).max(10),
  facts: z.string().min(1).max(20_000),
  mainConsiderations: z.string().min(1).max(20_000),
  appeal: z.object({
    /** The unit the appeal is sent to: the one that made the decision (fvl. § 32). */
    submitTo: z.string().min(1).max(300),
    /** Who decides the appeal if the decision is upheld, e.g. "Den sentrale klagenemnda". */
    appealBody: z.string().min(1).max(300),
    /** How to appeal, e.g. "Send klagen som brev eller e-post til postmottak@…". */
    howTo: z.string().min(1).max(1000),
    /**
     * When known (e.g. the letter is delivered digitally), the day it reached the student: the
     * letter then also states the last day to appeal, from the shared rule `appealDeadline`.
     */
    receivedOn: isoDate.optional(),
  }),
  decidedBy: z.array(staffSchema).min(1).max(5),
  /** Who to ask about the decision. */
  contact: staffSchema,
  copyTo: z.array(staffSchema).max(10),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;
