import { canEditCase } from '../../../../src-shared/domain/access';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { followUpTerminalStatuses } from '../../../../src-shared/domain/follow-up/follow-up.schema';
import { expectedCases } from '../../support/demo-expectations';
import { actorOf, visibleCases, type AccountName } from './central-server';

/** The case the overview lists first for this account (earliest deadline first). */
export function firstListed(account: AccountName): Case {
  return expectedCases(visibleCases(account), {})[0]!;
}

/** An open follow-up case every given account may edit (title edits pass the server's checks). */
export function editableCase(...editors: AccountName[]): Case {
  const found = visibleCases(editors[0]!).find(
    (c) =>
      c.type === 'followUp' &&
      !(followUpTerminalStatuses as readonly string[]).includes(c.status) &&
      editors.every((editor) => canEditCase(actorOf(editor), c)),
  );
  if (!found) throw new Error(`The server demo data has no follow-up case ${editors.join(' and ')} may all edit`);
  return found;
}

/** A closed follow-up case this account sees: read-only, so the server refuses edits to it. */
export function closedCase(account: AccountName): Case {
  const found = visibleCases(account).find((c) => c.type === 'followUp' && c.status === 'closed');
  if (!found) throw new Error(`The server demo data has no closed follow-up case ${account} sees`);
  return found;
}

export function casePath(id: string): string {
  return `/#/cases/${encodeURIComponent(id)}`;
}
