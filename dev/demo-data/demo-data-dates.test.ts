import { describe, expect, it } from 'vitest';
import { NO_DEADLINE, type Case } from '../../src-shared/domain/case/case.schema';
import { caseWorkflows } from '../../src-shared/domain/case/case-workflows';
import { DAY, MAX_OVERDUE_DAYS } from './demo-context';
import { generateDemoData, type DemoDataOptions } from './generate-demo-data';

/** Whole days from the calendar day of `now` to an ISO date. */
const daysUntil = (isoDate: string, now: Date) => Math.round((Date.parse(isoDate) - Date.parse(now.toISOString().slice(0, 10))) / DAY);
const isOpen = (c: Case) => !caseWorkflows[c.type].terminal.includes(c.status);

/** Every `…At` timestamp in a record and what it holds, with its path. */
function timestamps(value: unknown, path: string, out: { path: string; at: string }[] = []): { path: string; at: string }[] {
  if (Array.isArray(value)) value.forEach((item, i) => timestamps(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.endsWith('At') && typeof item === 'string') out.push({ path: `${path}.${key}`, at: item });
      else timestamps(item, `${path}.${key}`, out);
    }
  }
  return out;
}

describe.each(['2026-12-06T09:30:00.000Z', '2027-07-01T14:00:00.000Z', '2028-02-29T06:00:00.000Z'])('demo data for now = %s', (nowIso) => {
  const now = new Date(nowIso);
  const data = generateDemoData({ caseCount: 2000, seed: 42, now });
  const open = data.cases.filter(isOpen);
  const due = open.map((c) => daysUntil(c.nextDeadline, now));

  it('has a realistic mix of open deadlines: some overdue by days to weeks, many due within two weeks, others later', () => {
    expect(open.length / data.cases.length).toBeGreaterThan(0.2);
    expect(open.every((c) => c.nextDeadline !== NO_DEADLINE)).toBe(true);
    const share = (test: (days: number) => boolean) => due.filter(test).length / due.length;
    expect(share((d) => d < 0)).toBeGreaterThanOrEqual(0.1);
    expect(share((d) => d >= 0 && d <= 14)).toBeGreaterThanOrEqual(0.3);
    expect(share((d) => d > 14)).toBeGreaterThanOrEqual(0.1);
    expect(Math.min(...due)).toBeGreaterThanOrEqual(-MAX_OVERDUE_DAYS);
    expect(share((d) => d < -7)).toBeGreaterThan(0);
  });

  it('closes cases in the past and has nothing after now but deadlines and planned meetings', () => {
    const closed = data.cases.filter((c) => !isOpen(c));
    expect(closed.length / data.cases.length).toBeGreaterThan(0.3);
    const records = [
      ...data.cases.map((c) => ({ id: c.id, record: c })),
      ...[...data.people, ...data.notes, ...data.tasks, ...data.documents].map((r) => ({ id: r.id, record: r })),
    ];
    for (const { id, record } of records) {
      for (const { path, at } of timestamps(record, id)) {
        if (!path.endsWith('.meetingAt')) expect(at <= nowIso, `${path} ${at}`).toBe(true);
      }
    }
    expect(open.some((c) => timestamps(c, c.id).some(({ path, at }) => path.endsWith('.meetingAt') && at > nowIso))).toBe(true);
  });

  it('keeps each case’s records in order: created, then its documents, signatures and task, then its last update', () => {
    const byId = new Map(data.cases.map((c) => [c.id, c]));
    for (const c of data.cases) expect(c.createdAt <= c.updatedAt, c.id).toBe(true);
    for (const note of data.notes) expect(byId.get(note.caseId)!.createdAt <= note.createdAt, note.id).toBe(true);
    for (const document of data.documents) {
      const c = byId.get(document.caseId)!;
      expect(c.createdAt <= document.createdAt && document.createdAt <= c.updatedAt, document.id).toBe(true);
      for (const signature of document.signatures)
        expect(document.createdAt <= signature.signedAt && signature.signedAt <= c.updatedAt, document.id).toBe(true);
    }
    for (const task of data.tasks) {
      const c = byId.get(task.caseId)!;
      expect(c.createdAt <= task.createdAt && task.createdAt <= c.updatedAt, task.id).toBe(true);
    }
  });
});

describe('the reference date', () => {
  const options = { caseCount: 300, seed: 9, now: new Date('2027-01-15T10:00:00.000Z') };

  it('decides the data together with the seed: the same seed and date give the same data', () => {
    expect(generateDemoData({ ...options, now: new Date(options.now) })).toEqual(generateDemoData(options));
  });

  it('moves the cases with it', () => {
    const weekLater = generateDemoData({ ...options, now: new Date(options.now.getTime() + 7 * DAY) });
    expect(weekLater.cases.map((c) => c.createdAt)).not.toEqual(generateDemoData(options).cases.map((c) => c.createdAt));
    const latestUpdate = weekLater.cases
      .map((c) => c.updatedAt)
      .sort()
      .at(-1)!;
    expect(latestUpdate > options.now.toISOString()).toBe(true);
  });

  it('must be given: without it the options are refused', () => {
    const { caseCount, seed } = options;
    expect(() => generateDemoData({ caseCount, seed } as DemoDataOptions)).toThrow(expect.objectContaining({ kind: 'validation' }));
  });
});
