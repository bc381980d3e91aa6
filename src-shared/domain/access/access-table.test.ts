import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { caseTypes } from '../case/case-type';
import { caseWorkflows } from '../case/case-workflows';
import { roleCaseTypes } from './access';
import { accessTable, partAccess, recordParts, registerTable } from './access-table';
import { accessTableMarkdown } from './access-table-markdown';
import { externalRoles, roles } from './roles';

describe('the access table', () => {
  it.each(caseTypes)('%s: one column per role that works on the case type, one row per part', (type) => {
    const table = accessTable[type];
    expect([...table.roles].sort()).toEqual(roles.filter((role) => roleCaseTypes[role].includes(type)).sort());
    const detailsKeys = Object.keys((caseWorkflows[type].detailsSchema as z.ZodObject).shape);
    expect(Object.keys(table.parts)).toEqual(['case', ...detailsKeys, ...recordParts]);
    for (const letters of Object.values(table.parts)) expect(letters).toHaveLength(table.roles.length);
  });

  it('gives every role that sees a case type at least the case itself', () => {
    for (const type of caseTypes) for (const role of accessTable[type].roles) expect(partAccess(type, role, 'case'), `${type} ${role}`).not.toBe('-');
  });

  it('never sends a national ID to an external party', () => {
    for (const role of externalRoles) {
      expect(registerTable[role]).toEqual({ people: '-', nationalId: false, write: '-' });
      for (const type of caseTypes) expect(partAccess(type, role, 'nationalId'), `${type} ${role}`).toBe('-');
    }
  });

  it('keeps internal notes from external parties', () => {
    for (const role of externalRoles) for (const type of caseTypes) expect(partAccess(type, role, 'internalNotes'), `${type} ${role}`).toBe('-');
  });

  it('is shown in the README as it is', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(accessTableMarkdown());
  });
});
