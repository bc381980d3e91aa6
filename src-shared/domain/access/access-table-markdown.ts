import { caseTypes } from '../case/case-type';
import { accessTable, activityTable, offerTable, registerTable } from './access-table';
import { roleLabels, roles, type Role } from './roles';

/** The access table as Markdown, for the README (a test keeps the README's copy current). */
export function accessTableMarkdown(): string {
  const sections = caseTypes.map((type) => {
    const { roles: columns, parts } = accessTable[type];
    const header = `| ${type} | ${columns.map((role: Role) => roleLabels[role].en).join(' | ')} |`;
    const rule = `|---|${columns.map(() => '---').join('|')}|`;
    const rows = Object.entries(parts).map(([part, letters]) => `| ${part} | ${(letters as readonly string[]).join(' | ')} |`);
    return [header, rule, ...rows].join('\n');
  });
  const register = [
    '| register of people | people | national IDs | may write |',
    '|---|---|---|---|',
    ...roles.map((role) => {
      const access = registerTable[role];
      return `| ${roleLabels[role].en} | ${access.people} | ${access.nationalId ? 'yes' : 'no'} | ${access.write} |`;
    }),
  ].join('\n');
  const offers = [
    '| education offers | read | may write |',
    '|---|---|---|',
    ...roles.map((role) => `| ${roleLabels[role].en} | ${offerTable[role].read} | ${offerTable[role].write} |`),
  ].join('\n');
  const activities = [
    '| placement activities | read | may write |',
    '|---|---|---|',
    ...roles.map((role) => `| ${roleLabels[role].en} | ${activityTable[role].read} | ${activityTable[role].write} |`),
  ].join('\n');
  return [...sections, register, offers, activities].join('\n\n');
}
