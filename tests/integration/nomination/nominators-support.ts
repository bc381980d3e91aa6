import { vi } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { mailText, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import type { TestServer } from '../sync/support/test-server';

/** Partners' nominator accounts over real HTTP: invite as staff, read the e-mail, accept, sign in (nominators-*.test.ts). */
export const NOMINATOR_PASSWORD = 'Fjellbekk i Lindenhof 7';

export const postJson = (server: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const bearerOf = (session: Session) => ({ authorization: `Bearer ${session.accessToken}` });

export const mailsTo = (smtp: SmtpStandIn, address: string) => smtp.received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));

/** The `nth` e-mail (from 1) to `address`, waiting for the outbox to send it. */
export async function mailTo(smtp: SmtpStandIn, address: string, nth = 1): Promise<ReceivedMail> {
  return vi.waitFor(
    () => {
      const mail = mailsTo(smtp, address)[nth - 1];
      if (!mail) throw new Error(`no e-mail number ${nth} to ${address} yet`);
      return mail;
    },
    { timeout: 5_000, interval: 50 },
  );
}

/** The invitation token of the link in an e-mail (…/portal/#/invitasjon/<token>). */
export function invitationToken(mail: ReceivedMail, publicUrl: string): string {
  const match = new RegExp(`${publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/portal/#/invitasjon/([A-Za-z0-9_-]+)`).exec(mailText(mail.raw));
  if (!match) throw new Error(`no invitation link in:\n${mailText(mail.raw)}`);
  return match[1]!;
}

export async function signIn(server: TestServer, username: string, password = NOMINATOR_PASSWORD): Promise<Response> {
  return postJson(server, '/auth/login', { username, password, deviceName: `test ${username}` });
}

/** Invites (as `staff`), accepts the e-mailed link and signs in: the new nominator's id, username and session. */
export async function activeNominator(
  server: TestServer,
  smtp: SmtpStandIn,
  publicUrl: string,
  staff: Record<string, string>,
  invitation: { partnerId: string; name: string; email: string },
): Promise<{ id: string; username: string; session: Session }> {
  const before = mailsTo(smtp, invitation.email).length;
  const invited = await postJson(server, '/api/nominators/invitations', invitation, staff);
  if (!invited.ok) throw new Error(`invite: ${invited.status} ${await invited.text()}`);
  const { id, username } = (await invited.json()) as { id: string; username: string };
  const token = invitationToken(await mailTo(smtp, invitation.email, before + 1), publicUrl);
  const accepted = await postJson(server, '/portal/api/invitations/nominator', { token, email: invitation.email, password: NOMINATOR_PASSWORD });
  if (!accepted.ok) throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
  const session = await signIn(server, username);
  if (!session.ok) throw new Error(`sign in: ${session.status} ${await session.text()}`);
  return { id, username, session: (await session.json()) as Session };
}
