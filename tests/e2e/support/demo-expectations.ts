import { DEMO_SEED } from '../../../src-renderer/db/demo-options';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../../src-shared/domain/case/case-type';
import { generateDemoData } from '../../../dev/demo-data';

/** "Now" for every e2e test (the page clock is pinned to it): deadlines are relative to it. */
export const FIXED_NOW = new Date('2026-03-10T11:00:00.000Z');
/** The calendar day of FIXED_NOW where the browser runs (playwright.config: Europe/Oslo). */
export const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(FIXED_NOW);

/** The same demo data the app seeds on first start (same seed, same size, same "now"). */
export function demoData(caseCount: number) {
  return generateDemoData({ caseCount, seed: DEMO_SEED, now: FIXED_NOW });
}

export interface ExpectedFilter {
  search?: string;
  type?: CaseType;
  status?: string;
  deadline?: 'overdue' | 'next7' | 'next30';
}

const plusDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** The overview's answer worked out by hand: matching cases, earliest next deadline first. */
export function expectedCases(cases: readonly Case[], filter: ExpectedFilter): Case[] {
  const needle = filter.search?.trim().toLocaleLowerCase('nb');
  const inWindow = (due: string) => {
    switch (filter.deadline) {
      case undefined:
        return true;
      case 'overdue':
        return due < TODAY;
      case 'next7':
        return due >= TODAY && due <= plusDays(TODAY, 7);
      case 'next30':
        return due >= TODAY && due <= plusDays(TODAY, 30);
    }
  };
  return cases
    .filter((c) => (filter.type ? c.type === filter.type : true))
    .filter((c) => (filter.status ? c.status === filter.status : true))
    .filter((c) => inWindow(c.nextDeadline))
    .filter((c) => (needle ? c.title.toLocaleLowerCase('nb').includes(needle) || c.caseNumber.toLocaleLowerCase('nb').includes(needle) : true))
    .sort((a, b) => (a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1));
}
