import type { z } from 'zod';

/** Why a step form's field is refused, in terms the texts word in the UI language. */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'url' }
  | { code: 'date' }
  | { code: 'wholeNumber' }
  | { code: 'min'; min: number }
  | { code: 'max'; max: number }
  | { code: 'tooLong'; max: number }
  | { code: 'confirm' }
  | { code: 'invalid' };

/** The problem a shared schema's issue names (an empty text or number field is "required"). */
export function fieldProblem(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_format':
      return issue.format === 'url' ? { code: 'url' } : { code: 'date' };
    case 'invalid_type':
      return issue.expected === 'int' ? { code: 'wholeNumber' } : { code: 'required' };
    case 'invalid_value':
      return { code: 'confirm' };
    case 'too_small':
      return issue.origin === 'number' ? { code: 'min', min: Number(issue.minimum) } : { code: 'required' };
    case 'too_big':
      return issue.origin === 'number' ? { code: 'max', max: Number(issue.maximum) } : { code: 'tooLong', max: Number(issue.maximum) };
    default:
      return { code: 'invalid' };
  }
}
