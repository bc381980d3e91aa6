import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoUsers, INSTITUTION, type DemoData } from '../../../dev/demo-data';
import { nominatorsCommand } from '../../../src-server/admin/nominators.command';
import { deactivateNominators } from '../../../src-server/case-types/nomination/nominators/deactivate-nominators';
import { nominatorsSchema } from '../../../src-server/case-types/nomination/nominators/nominators.schemas';
import { purgeNominators } from '../../../src-server/case-types/nomination/nominators/purge-nominators';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { activeNominator, bearerOf, postJson, signIn } from './nominators-support';

/**
 * The end of a partner's nominator account, against a real server and database: deactivated by
 * the server when the partner's agreements have all ended, or by the sweep after the idle time
 * (time injected); a signed-in nominator is then refused. The purge (dry run, the admin command,
 * and with time injected) deletes the personal data, pseudonymises the nominator's name in their
 * cases as a stored change and keeps the account id in the audit trail.
 */
const PUBLIC_URL = 'https://saksflyt.example.no';
const DAY = 86_400_000;
let server: TestServer;
let smtp: SmtpStandIn;
let data: DemoData;
let staff: Record<string, string>;
/** A nominator for a partner whose only agreement ended in 2025, and one for a partner with agreements in force. */
let ended: Awaited<ReturnType<typeof activeNominator>>;
let idle: Awaited<ReturnType<typeof activeNominator>>;
let idleCaseId: string;
const idleEmail = 'jonas.berg@lindenhof.example';

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  server = await startTestServer({ smtp: { url: smtp.url, pollMs: 50 }, publicUrl: PUBLIC_URL });
  data = await importDemoData(server.db, 20, 3);
  const organisation = validateOrgRows(
    [
      { id: 'partner-gammel', kind: 'partner', name: 'Universidade Antiga', parentId: INSTITUTION.id, country: 'PT' },
      { id: 'avt-gammel', kind: 'agreement', name: 'Avtale med Antiga', parentId: 'partner-gammel', validFrom: '2020-01-01', validTo: '2025-06-30' },
    ],
    data.organisation,
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  const collection = defaultSyncCollections().find((candidate) => candidate.name === 'organisation')!;
  await importAllOrNothing(server.db, collection, organisation.units, { actorId: null, action: 'org-import' });
  await addDemoAccount(
    server,
    demoUsers().find((user) => user.userId === 'u-studiekonsulent')!,
  );
  staff = bearerOf(await server.login('u-studiekonsulent'));
  ended = await activeNominator(server, smtp, PUBLIC_URL, staff, { partnerId: 'partner-gammel', name: 'Ana Costa', email: 'ana.costa@antiga.example' });
  idle = await activeNominator(server, smtp, PUBLIC_URL, staff, { partnerId: 'partner-lindenhof', name: 'Jonas Berg', email: idleEmail });
  const offer = data.offers.find((candidate) => candidate.partnerId === 'partner-lindenhof')!;
  const draft = { givenName: 'Greta', familyName: 'Lund', email: 'greta.lund@lindenhof.example', birthDate: '2001-03-04', citizenship: 'DE' };
  const nominated = await postJson(
    server,
    '/portal/api/nominations',
    { draft: { ...draft, offerCode: offer.code, term: offer.term, choices: [] } },
    bearerOf(idle.session),
  );
  if (!nominated.ok) throw new Error(`nominate: ${nominated.status} ${await nominated.text()}`);
  idleCaseId = (await nominatedCases(idle.id))[0]!.id;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function nominatedCases(userId: string) {
  const rows = await server.db.query<{ id: string; doc: string; seq: string }>(
    `SELECT id, doc, seq::text FROM sync_documents WHERE collection = 'cases' AND doc::json->'details'->'nomination'->>'nominatedBy' = $1`,
    [userId],
  );
  return rows.map((row) => ({
    id: row.id,
    seq: BigInt(row.seq),
    nominatorName: (JSON.parse(row.doc) as { details: { nomination: { nominatorName: string } } }).details.nomination.nominatorName,
  }));
}
const me = (session: { accessToken: string }) => fetch(`${server.url}/portal/api/me`, { headers: bearerOf(session as never) });
const statusOf = async (userId: string) => {
  const { nominators } = nominatorsSchema.parse(await (await fetch(`${server.url}/api/nominators`, { headers: staff })).json());
  return nominators.find((n) => n.id === userId);
};
const usersRow = async (userId: string) =>
  (await server.db.query<Record<string, unknown>>('SELECT name, username, email, password_hash, disabled, purged_at FROM users WHERE id = $1', [userId]))[0]!;

describe('deactivation', () => {
  it("by the server at start when all of the partner's agreements have ended: the signed-in nominator is refused", async () => {
    expect((await me(ended.session)).status).toBe(200);
    // A second server process on the same database runs the sweep as it starts.
    const other = await startTestServer({ db: server.db });
    try {
      await vi.waitFor(async () => expect((await statusOf(ended.id))?.status).toBe('deactivated'), { timeout: 5_000, interval: 50 });
    } finally {
      await other.close();
    }
    expect(await statusOf(ended.id)).toMatchObject({ deactivationReason: 'agreements-ended' });
    const refused = await me(ended.session);
    expect(refused.status).toBe(401);
    expect(syncErrorSchema.parse(await refused.json()).code).toBe('user-disabled');
    expect((await postJson(server, '/auth/refresh', { refreshToken: ended.session.refreshToken })).status).toBe(401);
    expect((await signIn(server, ended.username)).status).toBe(401);
    expect((await statusOf(idle.id))?.status).toBe('active');
  });

  it('after NOMINATOR_IDLE_DAYS unused; the dry run changes nothing', async () => {
    const now = Date.now();
    expect(await deactivateNominators(server.db, { now: new Date(now + 300 * DAY), idleDays: 365 })).toEqual([]);
    const later = new Date(now + 366 * DAY);
    const expected = [{ userId: idle.id, username: idleEmail, reason: 'idle' }];
    expect(await deactivateNominators(server.db, { now: later, idleDays: 365, dryRun: true })).toEqual(expected);
    expect((await me(idle.session)).status).toBe(200);
    expect(await deactivateNominators(server.db, { now: later, idleDays: 365 })).toEqual(expected);
    const refused = await me(idle.session);
    expect(refused.status).toBe(401);
    expect(syncErrorSchema.parse(await refused.json()).code).toBe('user-disabled');
    expect(await statusOf(idle.id)).toMatchObject({ status: 'deactivated', deactivationReason: 'idle', deactivatedAt: later.toISOString() });
    const audit = await server.db.query<{ reason: string }>(`SELECT reason FROM audit_log WHERE action = 'nominator-deactivated' AND document_id = $1`, [
      idle.id,
    ]);
    expect(audit).toEqual([{ reason: 'idle' }]);
  });
});

describe('purge', () => {
  const longAfter = () => new Date(Date.now() + (366 + 366) * DAY);

  it('--dry-run says what would happen and changes nothing', async () => {
    const before = { user: await usersRow(idle.id), cases: await nominatedCases(idle.id) };
    const planned = await purgeNominators(server.db, { now: longAfter(), retentionDays: 365, dryRun: true });
    // By username.
    expect(planned.map(({ userId, cases }) => ({ userId, cases }))).toEqual([
      { userId: ended.id, cases: 0 },
      { userId: idle.id, cases: 1 },
    ]);
    expect(await usersRow(idle.id)).toEqual(before.user);
    expect(await nominatedCases(idle.id)).toEqual(before.cases);
    expect(before.cases[0]!.nominatorName).toBe('Jonas Berg');
  });

  it('`nominators purge` follows NOMINATOR_RETENTION_DAYS: one line per account purged', async () => {
    vi.stubEnv('NOMINATOR_RETENTION_DAYS', '0');
    const lines: string[] = [];
    try {
      expect(await nominatorsCommand.run(['purge', '--dry-run'], { db: server.db, out: (line) => lines.push(line) })).toBe(0);
      expect(await nominatorsCommand.run(['purge'], { db: server.db, out: (line) => lines.push(line) })).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    // Only the account deactivated by now; the other was deactivated at an injected later time.
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Would purge ana\\.costa@antiga\\.example \\(${ended.id}\\) → "Slettet nominator [0-9a-f]{8}", 0 nomination cases$`)),
      expect.stringMatching(new RegExp(`^Purged ana\\.costa@antiga\\.example \\(${ended.id}\\) → "Slettet nominator [0-9a-f]{8}", 0 nomination cases$`)),
    ]);
    expect((await statusOf(ended.id))?.status).toBe('purged');
  });

  it('deletes the personal data, pseudonymises the name in the cases as a new stored change, keeps the id in the audit trail', async () => {
    const [caseBefore] = await nominatedCases(idle.id);
    const [purged] = await purgeNominators(server.db, { now: longAfter(), retentionDays: 365 });
    expect(purged).toMatchObject({ userId: idle.id, username: idleEmail, cases: 1 });
    const pseudonym = purged!.pseudonym;
    expect(pseudonym).toMatch(/^Slettet nominator [0-9a-f]{8}$/);
    expect(await usersRow(idle.id)).toMatchObject({ name: pseudonym, username: `purged:${idle.id}`, email: '', password_hash: null, disabled: true });
    const [caseAfter] = await nominatedCases(idle.id);
    expect(caseAfter).toMatchObject({ id: idleCaseId, nominatorName: pseudonym });
    expect(caseAfter!.seq > caseBefore!.seq).toBe(true);
    expect(await server.db.query('SELECT 1 FROM portal_invitations WHERE user_id = $1', [idle.id])).toEqual([]);
    expect(await server.db.query('SELECT 1 FROM devices WHERE user_id = $1 AND (revoked_at IS NULL OR name <> $2)', [idle.id, 'purged'])).toEqual([]);
    const audit = await server.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE document_id = $1 OR actor_id = $1 ORDER BY id`, [idle.id]);
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['nominator-activated', 'nominator-deactivated', 'nominator-purged']));
    expect(await statusOf(idle.id)).toMatchObject({ status: 'purged', name: pseudonym, email: '' });
    expect((await signIn(server, idleEmail)).status).toBe(401);
    // The address is free again: inviting it makes a new account.
    const invited = await postJson(server, '/api/nominators/invitations', { partnerId: 'partner-lindenhof', name: 'Jonas Berg', email: idleEmail }, staff);
    const again = (await invited.json()) as { id: string };
    expect(again).toMatchObject({ username: idleEmail, status: 'invited' });
    expect(again.id).not.toBe(idle.id);
    expect(await purgeNominators(server.db, { now: longAfter(), retentionDays: 365 })).toEqual([]);
  });
});
