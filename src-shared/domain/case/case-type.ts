/** The five processes of ../shared/domain.md, one case type each. */
export const caseTypes = ['followUp', 'nomination', 'approval', 'placement', 'courseDelivery'] as const;
export type CaseType = (typeof caseTypes)[number];
