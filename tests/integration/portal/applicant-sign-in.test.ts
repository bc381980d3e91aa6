import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../../src-server/portal/invitations/invitation-store';
import { portalMeSchema } from '../../../src-shared/portal/portal.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import {
  applicationsOf,
  invitationToken,
  mailsTo,
  nominate,
  OFFER_DIRECT,
  OFFER_DOCUMENTS,
  signIn,
  signedInApplicant,
  startApplicantWorld,
  type ApplicantWorld,
} from './applicant-support';

/**
 * The applicant's way in, over real HTTP with a real SMTP server: nominated, they get an e-mail
 * (nb and en) with a personal link; the link signs in once, only with the address it was sent to,
 * not after it expired; a fresh link can be asked for without learning whether an address is
 * known. Applicants and nominators each get only their own part of the portal.
 */
let world: ApplicantWorld;
beforeAll(async () => {
  world = await startApplicantWorld();
}, 60_000);
afterAll(() => world?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${world.server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const codeOf = async (response: Response) => syncErrorSchema.parse(await response.json()).code;

describe('the invitation', () => {
  it('is e-mailed in Norwegian and English with who nominated, for what, the deadline and a link that signs in once', async () => {
    const email = 'anna@student.lindenhof.example.de';
    await nominate(world, { givenName: 'Anna', email });
    const { token, text } = await invitationToken(world, email);
    expect(text).toContain('Hei Anna');
    expect(text).toContain('Dear Anna');
    expect(text).toContain('nominert av Lena Lindenhof, Hochschule Lindenhof');
    expect(text).toContain('Exchange in health and social care, spring 2027');
    expect(text).toMatch(/Søknadsfrist: \d{4}-\d{2}-\d{2}/);
    expect(text).toContain(`${world.server.url}/portal/#/soknad/${token}`);

    const first = await signIn(world, token, ' ANNA@student.lindenhof.example.de ');
    expect(first.status, await first.clone().text()).toBe(200);
    const { accessToken } = serverSessionSchema.parse(await first.json());
    const me = portalMeSchema.parse(await (await fetch(`${world.server.url}/portal/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json());
    expect(me).toEqual({ name: 'Anna Søker', role: 'applicant', partners: [] });

    const again = await signIn(world, token, email);
    expect(again.status).toBe(410);
    expect(await codeOf(again)).toBe('invitation-used');
  });

  it('a later nomination of the same applicant e-mails a new link for it, and the unused old link stops working', async () => {
    const email = 'bea@student.lindenhof.example.de';
    await nominate(world, { givenName: 'Bea', email }, OFFER_DIRECT);
    const first = await invitationToken(world, email);
    await nominate(world, { givenName: 'Bea', email }, OFFER_DOCUMENTS);
    const second = await invitationToken(world, email, 2);
    expect(second.text).toContain('Digital health, blended intensive');
    expect(second.text).not.toContain('Exchange in health');
    expect(await codeOf(await signIn(world, first.token, email))).toBe('invitation-unknown');
    const response = await signIn(world, second.token, email);
    expect(response.status).toBe(200);
    const { accessToken } = serverSessionSchema.parse(await response.json());
    expect((await applicationsOf(world, { authorization: `Bearer ${accessToken}` })).map((a) => a.offer.code).sort()).toEqual(
      [OFFER_DOCUMENTS, OFFER_DIRECT].sort(),
    );
  });

  it('refuses another e-mail address, counts the tries, and stops working after too many', async () => {
    const email = 'carl@student.lindenhof.example.de';
    await nominate(world, { givenName: 'Carl', email });
    const { token } = await invitationToken(world, email);
    const wrong = await signIn(world, token, 'someone@else.example.com');
    expect(wrong.status).toBe(403);
    expect(await codeOf(wrong)).toBe('invitation-wrong-email');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) await signIn(world, token, 'someone@else.example.com');
    const locked = await signIn(world, token, email);
    expect(locked.status).toBe(404);
    expect(await codeOf(locked)).toBe('invitation-unknown');
  });

  it('refuses an expired link and an unknown one, and a bad request is 400', async () => {
    const email = 'dina@student.lindenhof.example.de';
    await nominate(world, { givenName: 'Dina', email });
    const { token } = await invitationToken(world, email);
    await world.server.db.query(`UPDATE portal_invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [email]);
    const expired = await signIn(world, token, email);
    expect(expired.status).toBe(410);
    expect(await codeOf(expired)).toBe('invitation-expired');
    expect(await codeOf(await signIn(world, 'no-such-token', email))).toBe('invitation-unknown');
    expect((await post('/portal/api/applicant/session', { token })).status).toBe(400);
  });

  it('sends a fresh link on request to an address with an open application, and answers the same for an unknown one', async () => {
    const email = 'eva@student.lindenhof.example.de';
    await nominate(world, { givenName: 'Eva', email });
    const { token: used } = await invitationToken(world, email);
    expect((await signIn(world, used, email)).status).toBe(200);
    const asked = await post('/portal/api/applicant/link', { email: 'EVA@student.lindenhof.example.de' });
    expect(asked.status).toBe(202);
    // Asked again at once, the fresh link is not sent again (no mail flood through this route).
    expect((await post('/portal/api/applicant/link', { email })).status).toBe(202);
    const { token } = await invitationToken(world, email, 2);
    expect((await signIn(world, token, email)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(world, email)).toHaveLength(2);

    const unknown = await post('/portal/api/applicant/link', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(202);
    expect(await unknown.text()).toBe(await asked.clone().text());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(world, 'nobody@example.com')).toEqual([]);
    expect((await post('/portal/api/applicant/link', { email: 'not an address' })).status).toBe(400);
  });
});

describe('each role its own part of the portal', () => {
  it('refuses an applicant the nominator’s routes, and a nominator the applicant’s', async () => {
    const { headers } = await signedInApplicant(world, 'Frida');
    for (const path of ['/portal/api/nominations', '/portal/api/offers']) {
      const response = await fetch(`${world.server.url}${path}`, { headers });
      expect(response.status).toBe(403);
      expect(await codeOf(response)).toBe('forbidden');
    }
    expect((await post('/portal/api/nominations/2026%2FN00000000/withdraw', { reason: 'x' }, headers)).status).toBe(403);
    const nominatorMe = portalMeSchema.parse(await (await fetch(`${world.server.url}/portal/api/me`, { headers: world.nominator.lindenhof })).json());
    expect(nominatorMe.role).toBe('nominator');
    const response = await fetch(`${world.server.url}/portal/api/applicant/applications`, { headers: world.nominator.lindenhof });
    expect(response.status).toBe(403);
    expect((await fetch(`${world.server.url}/portal/api/applicant/applications`)).status).toBe(401);
  });
});
