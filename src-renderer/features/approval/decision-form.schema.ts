import { z } from 'zod';
import { decisionInputSchema } from '../../../src-shared/documents/decision.schema';
import { approvalDecisionSchema, checkVerdicts, courseVerdictsSchema, type ExternalResult } from '../../../src-shared/domain/approval';
import { groupByQualification } from './result-groups';
import { legalBasisField } from '../case/legal-basis-field';

/** The legal basis the form starts with: the organisation data name no statute for approvals, so a neutral one the case officer edits. */
export const DEFAULT_LEGAL_BASIS = 'Universitets- og høyskoleloven med forskrifter';

/** The case's grounds as the workflow records them: the legal basis, then the grounds for the case as a whole. */
export const caseGrounds = (legalBasis: readonly string[], grounds: string) => `Hjemmel: ${legalBasis.join('; ')}\n\n${grounds}`;

/**
 * The approval decision form, from the shared schemas: a verdict per accepted course (the
 * domain's `courseVerdictSchema`), the legal basis one per line (the decision letter's), and the
 * grounds for the case as a whole. Each course's credits must fit its verdict by the shared rule
 * `checkVerdicts`; a misfit is reported at that course's credits.
 */
export function decisionFormSchema(accepted: readonly ExternalResult[]) {
  return z
    .object({
      courses: courseVerdictsSchema,
      legalBasis: legalBasisField,
      grounds: decisionInputSchema.shape.mainConsiderations,
    })
    .superRefine((form, ctx) => {
      form.courses.forEach((verdict, index) => {
        const misfit = checkVerdicts([verdict], accepted);
        if (misfit) ctx.addIssue({ code: 'custom', path: ['courses', index, 'credits'], message: misfit.refused });
      });
      if (!approvalDecisionSchema.shape.grounds.safeParse(caseGrounds(form.legalBasis, form.grounds)).success) {
        ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'The legal basis and the grounds are too long together' });
      }
    });
}
export type DecisionFormInput = z.input<ReturnType<typeof decisionFormSchema>>;
export type DecisionFormValues = z.output<ReturnType<typeof decisionFormSchema>>;

/** The accepted courses in the order the page shows them (by institution and degree), each with a verdict to give. */
export const coursesToDecide = (accepted: readonly ExternalResult[]): ExternalResult[] => groupByQualification(accepted).flatMap((group) => group.courses);

/** The credits a verdict gives a course of these credits by default: all when approved, none when rejected; partly starts at none and is written. */
export const defaultCredits = (verdict: 'approved' | 'partlyApproved' | 'rejected', courseCredits: number) => (verdict === 'approved' ? courseCredits : 0);
