import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, type DemoData } from '../../../dev/demo-data';
import { nominatorsSchema, nominatorSchema } from '../../../src-server/case-types/nomination/nominators/nominators.schemas';
import { nominatorInvitationAcceptedSchema } from '../../../src-shared/portal/nominator-invitation.contract';
import { portalMeSchema } from '../../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { mailHeader, mailText, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { bearerOf, invitationToken, mailsTo, mailTo, NOMINATOR_PASSWORD, postJson, signIn } from './nominators-support';

/**
 * Partners' nominator accounts by invitation, over real HTTP with the e-mail through a real SMTP
 * stand-in: a case officer invites, the e-mailed link works once, only with the address it was
 * sent to and a password that meets the policy; then the nominator signs in to the portal. Staff
 * of another institution and nominators cannot invite.
 */
const PUBLIC_URL = 'https://saksflyt.example.no';
let server: TestServer;
let smtp: SmtpStandIn;
let data: DemoData;
let staff: Record<string, string>;
let otherInstitution: Record<string, string>;
let nominator: Record<string, string>;
const demoUser = (id: string) => demoUsers().find((candidate) => candidate.userId === id)!;
const partnerName = (id: string) => data.organisation.find((unit) => unit.id === id)!.name;

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  server = await startTestServer({ smtp: { url: smtp.url, pollMs: 50 }, publicUrl: PUBLIC_URL });
  data = await importDemoData(server.db, 20, 3);
  for (const id of ['u-studiekonsulent', 'u-nominator-lindenhof']) await addDemoAccount(server, demoUser(id));
  await server.addUser({
    username: 'officer-elsewhere',
    roles: ['caseOfficer'],
    scope: { institution: 'inst-elsewhere', departments: [], cohorts: [], partners: [] },
  });
  staff = bearerOf(await server.login('u-studiekonsulent'));
  otherInstitution = bearerOf(await server.login('officer-elsewhere'));
  nominator = bearerOf(await server.login('u-nominator-lindenhof'));
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const invite = (body: unknown, headers = staff) => postJson(server, '/api/nominators/invitations', body, headers);
const accept = (body: unknown) => postJson(server, '/portal/api/invitations/nominator', body);
const errorCode = async (response: Response) => syncErrorSchema.parse(await response.json()).code;
const listed = async (partnerId?: string) => {
  const response = await fetch(`${server.url}/api/nominators${partnerId ? `?partnerId=${partnerId}` : ''}`, { headers: staff });
  expect(response.status).toBe(200);
  return nominatorsSchema.parse(await response.json()).nominators;
};

describe('an invitation', () => {
  const email = 'Karin.Vogel@Lindenhof.example';
  let token: string;

  it('creates an account waiting for its invitation and e-mails the link in both languages', async () => {
    const response = await invite({ partnerId: 'partner-lindenhof', name: 'Karin Vogel', email });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(nominatorSchema.parse(await response.json())).toMatchObject({
      username: 'karin.vogel@lindenhof.example',
      name: 'Karin Vogel',
      partners: ['partner-lindenhof'],
      status: 'invited',
    });
    const mail = await mailTo(smtp, email);
    expect(mailHeader(mail.raw, 'Subject')).toBe('Invitasjon til Saksflyt-portalen / Invitation to the Saksflyt portal');
    const text = mailText(mail.raw);
    expect(text).toContain(`Du er invitert til å nominere studenter fra ${partnerName('partner-lindenhof')}`);
    expect(text).toContain(`You are invited to nominate students from ${partnerName('partner-lindenhof')}`);
    token = invitationToken(mail, PUBLIC_URL);
    expect((await signIn(server, 'karin.vogel@lindenhof.example')).status).toBe(401);
  });

  it('refuses another e-mail address and a weak password, and the link still works', async () => {
    const wrong = await accept({ token, email: 'someone@lindenhof.example', password: NOMINATOR_PASSWORD });
    expect(wrong.status).toBe(422);
    expect(await errorCode(wrong)).toBe('invitation-wrong-email');
    for (const password of ['kort', 'aaaaaaaaaaaaaa', 'karin.vogel-2026!']) {
      const weak = await accept({ token, email, password });
      expect(weak.status, password).toBe(422);
      expect(await errorCode(weak)).toBe('weak-password');
    }
    expect((await listed('partner-lindenhof')).find((n) => n.name === 'Karin Vogel')?.status).toBe('invited');
  });

  it('with the address and a good password enables the account: the nominator signs in to the portal', async () => {
    const response = await accept({ token, email: ' karin.vogel@lindenhof.example ', password: NOMINATOR_PASSWORD });
    expect(response.status, await response.clone().text()).toBe(200);
    const { username } = nominatorInvitationAcceptedSchema.parse(await response.json());
    expect(username).toBe('karin.vogel@lindenhof.example');
    const session = await signIn(server, username);
    expect(session.status).toBe(200);
    const me = await fetch(`${server.url}/portal/api/me`, {
      headers: { authorization: `Bearer ${((await session.json()) as { accessToken: string }).accessToken}` },
    });
    expect(portalMeSchema.parse(await me.json())).toMatchObject({
      name: 'Karin Vogel',
      partners: [{ id: 'partner-lindenhof', name: partnerName('partner-lindenhof') }],
    });
    expect((await listed('partner-lindenhof')).find((n) => n.username === username)?.status).toBe('active');
  });

  it('works once', async () => {
    const again = await accept({ token, email, password: 'Ein anderes Passwort 8' });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('invitation-used');
    expect((await signIn(server, 'karin.vogel@lindenhof.example')).status).toBe(200);
  });

  it('for another partner adds the partner to the account, which stays in use, and tells the nominator', async () => {
    const response = await invite({ partnerId: 'partner-valmont', name: 'K. Vogel', email: 'karin.vogel@lindenhof.example', language: 'en' });
    expect(response.status).toBe(200);
    expect(nominatorSchema.parse(await response.json())).toMatchObject({
      name: 'Karin Vogel',
      partners: ['partner-lindenhof', 'partner-valmont'],
      status: 'active',
    });
    const mail = await mailTo(smtp, email, 2);
    expect(mailHeader(mail.raw, 'Subject')).toMatch(/^You can nominate for another partner/);
    expect(mailText(mail.raw)).toContain(`${PUBLIC_URL}/portal/`);
    expect(mailText(mail.raw)).not.toContain('invitasjon/');
    const session = (await (await signIn(server, 'karin.vogel@lindenhof.example')).json()) as { accessToken: string };
    const me = portalMeSchema.parse(await (await fetch(`${server.url}/portal/api/me`, { headers: { authorization: `Bearer ${session.accessToken}` } })).json());
    expect(me.partners.map((p) => p.id)).toEqual(['partner-lindenhof', 'partner-valmont']);
    expect((await listed('partner-valmont')).map((n) => n.username)).toEqual(['karin.vogel@lindenhof.example']);
  });

  it('is audited with the account id and no e-mail address', async () => {
    const [account] = (await listed()).filter((n) => n.username === 'karin.vogel@lindenhof.example');
    const rows = await server.db.query<{ action: string; actor_id: string; detail: string }>(
      `SELECT action, actor_id, detail FROM audit_log WHERE document_id = $1 AND action LIKE 'nominator-%' ORDER BY id`,
      [account!.id],
    );
    expect(rows.map((row) => [row.action, row.actor_id])).toEqual([
      ['nominator-invited', 'u-studiekonsulent'],
      ['nominator-activated', account!.id],
      ['nominator-invited', 'u-studiekonsulent'],
    ]);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('vogel');
  });
});

describe('refused', () => {
  const body = { partnerId: 'partner-lindenhof', name: 'Ola Nordmann', email: 'ola@lindenhof.example' };

  it("to another institution's case officer, to a nominator and without a token; nothing is created or sent", async () => {
    for (const headers of [otherInstitution, nominator]) {
      const response = await invite(body, headers);
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('forbidden');
    }
    expect((await invite(body, {})).status).toBe(401);
    const list = await fetch(`${server.url}/api/nominators`, { headers: nominator });
    expect(list.status).toBe(403);
    expect(await server.db.query(`SELECT 1 FROM users WHERE username = 'ola@lindenhof.example'`)).toEqual([]);
    expect(mailsTo(smtp, body.email)).toEqual([]);
  });

  it('for an unknown partner (404), a bad body (400), an address of a staff account (409)', async () => {
    expect((await invite({ ...body, partnerId: 'partner-nowhere' })).status).toBe(404);
    for (const bad of [
      { ...body, email: 'not-an-address' },
      { ...body, name: '' },
      { ...body, extra: 1 },
      { ...body, language: 'de' },
    ]) {
      const response = await invite(bad);
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('bad-request');
    }
    await server.addUser({ username: 'hedda@hvl.example', roles: ['teacher'], scope: demoUser('u-studiekonsulent').scope });
    const conflict = await invite({ ...body, email: 'Hedda@hvl.example' });
    expect(conflict.status).toBe(409);
    expect(await errorCode(conflict)).toBe('conflict');
  });

  it('an unknown link (404 invitation-unknown) and a bad body (400)', async () => {
    const unknown = await accept({ token: 'x'.repeat(43), email: 'ola@lindenhof.example', password: NOMINATOR_PASSWORD });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('invitation-unknown');
    expect((await accept({ token: 'x'.repeat(43), email: 'ola' })).status).toBe(400);
  });
});
