import { describe, expect, it } from 'vitest';
import { caseTypes } from '../../../src-shared/domain/case/case-type';
import { NO_DEADLINE, type Case } from '../../../src-shared/domain/case/case.schema';
import { addDays } from '../../ui/calendar';
import { fillWithDefaultSettings, getQueryMatcher, getSortComparator, normalizeMangoQuery, prepareQuery, type RxJsonSchema } from 'rxdb';
import { firstValueFrom } from 'rxjs';
import { rxSchemaOf } from '../../../src-shared/db/collections';
import { matchCount$, matchRows$ } from './case-matches';
import { caseListQuery, caseMatcher, caseSelector, compareListOrder, deadlineRange, deadlineWindows, listSort, type CaseFilter } from './case-query';
import { caseSearchIndex } from './case-search-index';
import { statusesOf } from './case-statuses';
import { casePages } from './export/case-pages';
import { replicaWithCases } from './replica.test-helper';

const today = '2026-03-10';
const at = '2026-01-01T08:00:00.000Z';

/** 240 cases spread over every type, a few statuses each, deadlines from -40 to +60 days and none. */
function makeCases(): Case[] {
  return Array.from({ length: 240 }, (_, i) => {
    const type = caseTypes[i % caseTypes.length]!;
    const status = statusesOf(type)[i % 3]!;
    const nextDeadline = i % 11 === 0 ? NO_DEADLINE : addDays(today, ((i * 37) % 101) - 40);
    return {
      id: `case-${String(i).padStart(4, '0')}`,
      type,
      caseNumber: `2026/${String(i).padStart(5, '0')}`,
      title: i % 7 === 0 ? `Oppfølging av Øystein Ærø ${i}` : `Sak om studierett ${i}`,
      status,
      institution: 'HVL',
      department: 'Avdeling for økonomi',
      cohort: '',
      subjectPersonId: '',
      assignees: [],
      deadlines: [],
      nextDeadline,
      details: {},
      createdAt: at,
      createdBy: 'seed',
      updatedAt: at,
      updatedBy: 'seed',
    };
  });
}

/** The same filter, written out plainly: what the indexed queries and the search index must return. */
function expected(cases: Case[], filter: CaseFilter): string[] {
  const range = deadlineRange(filter.deadline, today);
  const needle = filter.search.trim().toLowerCase();
  return cases
    .filter((c) => !filter.type || c.type === filter.type)
    .filter((c) => !filter.status || c.status === filter.status)
    .filter((c) => !range?.$lt || c.nextDeadline < range.$lt)
    .filter((c) => !range?.$gte || (c.nextDeadline >= range.$gte && c.nextDeadline <= range.$lte!))
    .filter((c) => !needle || c.title.toLowerCase().includes(needle) || c.caseNumber.toLowerCase().includes(needle))
    .sort((a, b) => (a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1))
    .map((c) => c.id);
}

describe('deadline windows', () => {
  it('overdue is strictly before today; next 7/30 days include today and the last day', () => {
    expect(deadlineRange('overdue', today)).toEqual({ $lt: '2026-03-10' });
    expect(deadlineRange('next7', today)).toEqual({ $gte: '2026-03-10', $lte: '2026-03-17' });
    expect(deadlineRange('next30', today)).toEqual({ $gte: '2026-03-10', $lte: '2026-04-09' });
    expect(deadlineRange('all', today)).toBeNull();
  });
});

describe('overview queries on the real replica', () => {
  const cases = makeCases();
  const replica = replicaWithCases(cases);

  const filters: CaseFilter[] = [
    { search: '', type: '', status: '', deadline: 'all' },
    ...caseTypes.map((type): CaseFilter => ({ search: '', type, status: '', deadline: 'all' })),
    { search: '', type: 'followUp', status: statusesOf('followUp')[1]!, deadline: 'all' },
    ...deadlineWindows.map((deadline): CaseFilter => ({ search: '', type: '', status: '', deadline })),
    { search: '', type: 'placement', status: statusesOf('placement')[0]!, deadline: 'next30' },
    { search: 'øystein ærø', type: '', status: '', deadline: 'all' },
    { search: '2026/0012', type: '', status: '', deadline: 'all' },
    { search: 'studierett', type: 'approval', status: '', deadline: 'overdue' },
    { search: ' ØYSTEIN ', type: 'followUp', status: '', deadline: 'next30' },
  ];

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))('%s', async (_, filter) => {
    const want = expected(cases, filter);
    expect(want.length).toBeGreaterThan(0); // every case exercises a non-empty result
    const db = replica();
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

    // The list's rows as the indexed query gives them (before the search index has read every case)…
    if (!filter.search.trim()) {
      expect(ids(await db.cases.find(caseListQuery(filter, today, 20)).exec())).toEqual(want.slice(0, 20));
      expect(ids(await db.cases.find(caseListQuery(filter, today, 1000)).exec())).toEqual(want);
    }
    // …and as the search index gives them once it has (the matchRows$ of every filter change then).
    await caseSearchIndex(db.cases).ready;
    expect(ids(await firstValueFrom(matchRows$(db.cases, filter, today, 20)))).toEqual(want.slice(0, 20));
    expect(ids(await firstValueFrom(matchRows$(db.cases, filter, today, 1000)))).toEqual(want);
    expect(await firstValueFrom(matchCount$(db.cases, filter, today))).toBe(want.length);

    // Keyset paging (the export): each page starts after the last case of the one before.
    const paged: string[] = [];
    for await (const page of casePages(db.cases, filter, today, 7)) paged.push(...page.map((c) => c.id));
    expect(paged).toEqual(want);
  });

  it("the in-memory list order is RxDB's order for the list's sort", () => {
    const schema = fillWithDefaultSettings(rxSchemaOf('cases') as RxJsonSchema<Case>);
    const rxdb = getSortComparator(schema, normalizeMangoQuery(schema, { selector: {}, sort: listSort }));
    const reversed = [...cases].reverse();
    expect([...reversed].sort(compareListOrder).map((c) => c.id)).toEqual([...reversed].sort((a, b) => rxdb(a as never, b as never)).map((c) => c.id));
    expect([...reversed].sort(compareListOrder).map((c) => c.id)).not.toEqual(reversed.map((c) => c.id));
  });

  it("the search index's predicate narrows as RxDB's own matcher does on the same selector", () => {
    const schema = fillWithDefaultSettings(rxSchemaOf('cases') as RxJsonSchema<Case>);
    for (const filter of filters) {
      const rxdb = getQueryMatcher(schema, normalizeMangoQuery(schema, { selector: caseSelector(filter, today) }));
      const ours = caseMatcher(filter, today);
      const narrowed = cases.filter(ours).map((c) => c.id);
      expect(narrowed, JSON.stringify(filter)).toEqual(cases.filter((c) => rxdb(c as never)).map((c) => c.id));
      // Every narrowing filter here leaves some cases out, so a predicate that lets all through fails.
      if (Object.keys(caseSelector(filter, today)).length) expect(narrowed.length, JSON.stringify(filter)).toBeLessThan(cases.length);
    }
  });
});

describe('the overview query plan', () => {
  const schema = fillWithDefaultSettings(rxSchemaOf('cases') as RxJsonSchema<Case>);
  const filters: CaseFilter[] = [
    { search: '', type: '', status: '', deadline: 'all' },
    { search: '', type: 'followUp', status: '', deadline: 'all' },
    { search: '', type: '', status: statusesOf('followUp')[0]!, deadline: 'all' },
    { search: '', type: 'followUp', status: statusesOf('followUp')[0]!, deadline: 'all' },
    { search: '', type: 'approval', status: '', deadline: 'overdue' },
  ];

  it.each(filters)('reads the list in index order for %o, so a page stops after its rows', (filter) => {
    // As RxQuery prepares it: normalised, and only documents that are not deleted.
    const query = normalizeMangoQuery(schema, caseListQuery(filter, today, 50));
    const plan = prepareQuery(schema, { ...query, selector: { ...query.selector, _deleted: { $eq: false } } }).queryPlan;
    expect(plan.sortSatisfiedByIndex).toBe(true);
    expect(plan.index.at(-2)).toBe('nextDeadline');
  });
});
