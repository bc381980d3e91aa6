import { describe, expect, it } from 'vitest';
import { checklistStep } from '../../../../src-shared/domain/course-delivery/checklist';
import { entryOf, recordFormSchema } from './record-form.schema';

const messages = { reasonMissing: 'reason', referenceMissing: 'reference', tooLong: 'long' };
const archived = checklistStep('contractArchived')!;
const marketing = checklistStep('marketing')!;
const at = '2026-09-01T10:00:00.000Z';

describe('the checklist step record form', () => {
  it('needs a reason for a step that does not apply, and the outside reference of one done there', () => {
    const issues = (step: typeof archived, values: object) =>
      recordFormSchema(step, messages)
        .safeParse({ reason: '', reference: '', ...values })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(issues(marketing, { state: 'notApplicable' })).toEqual(['reason: reason']);
    expect(issues(archived, { state: 'done' })).toEqual(['reference: reference']);
    expect(issues(marketing, { state: 'done' })).toEqual([]);
    expect(issues(archived, { state: 'inProgress' })).toEqual([]);
    expect(issues(archived, { state: 'done', reference: 'x'.repeat(101) })).toEqual(['reference: long']);
  });

  it('makes the entry in the actor’s name, trimmed, without empty texts or a reference the step has none of', () => {
    const values = recordFormSchema(archived, messages).parse({ state: 'done', reason: '  ', reference: ' 27/00123-1 ' });
    expect(entryOf(archived, values, 'u-1', at)).toEqual({ state: 'done', reference: '27/00123-1', changedAt: at, changedBy: 'u-1' });
    const other = recordFormSchema(marketing, messages).parse({ state: 'notApplicable', reason: 'Internt kurs', reference: 'ignored' });
    expect(entryOf(marketing, other, 'u-1', at)).toEqual({ state: 'notApplicable', reason: 'Internt kurs', changedAt: at, changedBy: 'u-1' });
  });
});
