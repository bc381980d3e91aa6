import { describe, expect, it } from 'vitest';
import { decisionFormSchema, type DecisionFormInput } from './decision-form.schema';

const valid: DecisionFormInput = {
  outcomeKind: 'continuationWithConditions',
  title: 'Vedtak – videre studier med vilkår',
  outcome: 'Du kan fortsette studiene på vilkår.',
  legalBasis: ' Universitets- og høyskoleloven § 11-1 \n\n Forskrift om studier § 4-3\n',
  facts: 'Arbeidskrav 2 er ikke levert.',
  mainConsiderations: 'Studenten har vist vilje til å følge opp.',
  appeal: { submitTo: 'Avdelingen', appealBody: 'Klagenemnda', howTo: 'Send e-post.', receivedOn: '2026-03-10' },
};

describe('decision form schema', () => {
  it('reads one legal basis per non-empty line, trimmed', () => {
    expect(decisionFormSchema.parse(valid).legalBasis).toEqual(['Universitets- og høyskoleloven § 11-1', 'Forskrift om studier § 4-3']);
  });

  it.each([
    ['no legal basis', { legalBasis: ' \n ' }],
    ['no facts', { facts: '' }],
    ['no main considerations', { mainConsiderations: '' }],
    ['an outcome kind the workflow does not know', { outcomeKind: 'expelled' }],
    ['no day of receipt', { appeal: { ...valid.appeal, receivedOn: '' } }],
    ['a day of receipt that does not exist', { appeal: { ...valid.appeal, receivedOn: '2026-02-30' } }],
    ['no appeal body', { appeal: { ...valid.appeal, appealBody: '' } }],
  ])('refuses %s', (_label, change) => {
    expect(decisionFormSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
