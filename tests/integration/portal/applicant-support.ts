import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import { vi } from 'vitest';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { openLindenhofOffer } from '../../../dev/testing/offer-fixture';
import type { Actor } from '../../../src-shared/domain/access';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import type { NominationEvent } from '../../../src-shared/domain/nomination/nomination.workflow';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import { applicantApplicationsSchema, type ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import { portalNominatedSchema } from '../../../src-shared/portal/portal.contract';
import { mailHeader, mailText, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * Test support for the applicant's side of the portal: a real server with the SMTP stand-in, two
 * partners with offers whose deadlines lie ahead of today, their nominators and a case officer;
 * nominating over HTTP, reading the invitation link from the e-mail, signing in with it.
 */
export interface ApplicantWorld {
  server: TestServer;
  smtp: SmtpStandIn;
  officer: Actor;
  /** Bearer headers of the nominators of partner-lindenhof and partner-valmont. */
  nominator: { lindenhof: Record<string, string>; valmont: Record<string, string> };
  close(): Promise<void>;
}

export const NOMINATOR_EMAIL = 'nominator@lindenhof.example.de';
const today = dateOf(new Date());
const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;

/** An offer of the test's partners, its deadlines ahead of today. */
const offer = (overrides: Partial<EducationOffer> & Pick<EducationOffer, 'id' | 'code'>, setup: Partial<EducationOffer['admission']> = {}): EducationOffer =>
  openLindenhofOffer({ institution: 'hvl', capacity: 2, ...overrides }, setup, today);

/** Direct offer, nothing required: accept and decline. */
export const OFFER_DIRECT = 'UTV-HEL-27V';
/** Passport and home results required. */
export const OFFER_DOCUMENTS = 'BIP-DIGH-27';
/** The partner's offer in the term whose application deadline has passed: not a choice. */
export const OFFER_CLOSED = 'UTV-OLD-27V';
export const OFFER_VALMONT = 'UTV-OKO-27V';

export async function startApplicantWorld(): Promise<ApplicantWorld> {
  const smtp = await startSmtpStandIn();
  const server = await startTestServer({
    smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
  });
  const organisation = validateOrgRows(
    [
      { id: 'hvl', kind: 'institution', name: 'Høgskulen på Vestlandet' },
      { id: 'helse', kind: 'department', name: 'Helse', parentId: 'hvl' },
      { id: 'partner-lindenhof', kind: 'partner', name: 'Hochschule Lindenhof', parentId: 'hvl', country: 'DE', ewpHeiId: 'lindenhof.de' },
      { id: 'avt-lindenhof', kind: 'agreement', name: 'Avtale med Lindenhof', parentId: 'partner-lindenhof', validFrom: '2024-01-01', places: '10' },
      { id: 'partner-valmont', kind: 'partner', name: 'Université de Valmont', parentId: 'hvl', country: 'FR', ewpHeiId: 'valmont.fr' },
      { id: 'avt-valmont', kind: 'agreement', name: 'Avtale med Valmont', parentId: 'partner-valmont', validFrom: '2024-01-01', places: '4' },
    ],
    [],
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  await importAllOrNothing(server.db, collection('organisation'), organisation.units, { actorId: null, action: 'org-import' });
  const offers = [
    offer({ id: 'offer-utv-hel', code: OFFER_DIRECT }),
    offer(
      {
        id: 'offer-bip-digh',
        code: OFFER_DOCUMENTS,
        kind: 'blendedIntensive',
        name: { nb: 'Digital helse, intensivkurs', en: 'Digital health, blended intensive' },
      },
      { requiredItems: ['passport', 'homeResults'] },
    ),
    offer(
      { id: 'offer-utv-old', code: OFFER_CLOSED },
      { deadlines: { nomination: addDays(today, -20), application: addDays(today, -10), answer: addDays(today, 20) } },
    ),
    offer({ id: 'offer-utv-oko', code: OFFER_VALMONT, partnerId: 'partner-valmont', agreementId: 'avt-valmont' }),
  ];
  await importAllOrNothing(server.db, collection('offers'), offers as unknown as Record<string, unknown>[], { actorId: null, action: 'offer-import' });
  const scope = (partners: string[], departments: string[] = []) => ({ institution: 'hvl', departments, cohorts: [], partners });
  const officer = await server.addUser({ username: 'officer', name: 'Siri Saksbehandler', roles: ['caseOfficer'], scope: scope([], ['helse']) });
  await server.addUser({ username: 'lindenhof', name: 'Lena Lindenhof', roles: ['nominator'], scope: scope(['partner-lindenhof']), email: NOMINATOR_EMAIL });
  await server.addUser({
    username: 'valmont',
    name: 'Victor Valmont',
    roles: ['nominator'],
    scope: scope(['partner-valmont']),
    email: 'nominator@valmont.example.fr',
  });
  const bearer = async (username: string) => ({ authorization: `Bearer ${(await server.login(username)).accessToken}` });
  return {
    server,
    smtp,
    officer,
    nominator: { lindenhof: await bearer('lindenhof'), valmont: await bearer('valmont') },
    async close() {
      await server.close();
      await smtp.close();
    },
  };
}

/** The nominator of Lindenhof nominates one applicant over HTTP (a new case: 1 created). */
export async function nominate(world: ApplicantWorld, applicant: { givenName: string; email: string }, offerCode = OFFER_DIRECT, choices: string[] = []) {
  const response = await fetch(`${world.server.url}/portal/api/nominations`, {
    method: 'POST',
    headers: { ...world.nominator.lindenhof, 'content-type': 'application/json' },
    body: JSON.stringify({
      draft: {
        givenName: applicant.givenName,
        familyName: 'Søker',
        email: applicant.email,
        birthDate: '2001-05-17',
        citizenship: 'DE',
        offerCode,
        term: '2027V',
        choices,
      },
    }),
  });
  if (response.status !== 200) throw new Error(`nominate: ${response.status} ${await response.text()}`);
  return portalNominatedSchema.parse(await response.json());
}

/** The mails to an address so far. */
export const mailsTo = (world: ApplicantWorld, address: string) => world.smtp.received.filter((mail) => mail.to.includes(address));

/** Waits for the `count`th mail to the address whose subject contains `subject`. */
export const waitForMail = (world: ApplicantWorld, address: string, subject: string, count = 1) =>
  vi.waitFor(
    () => {
      const mails = mailsTo(world, address).filter((mail) => (mailHeader(mail.raw, 'Subject') ?? '').includes(subject));
      if (mails.length < count) throw new Error(`no mail "${subject}" to ${address} yet`);
      return mails[count - 1]!;
    },
    { timeout: 15_000, interval: 25 },
  );

export const INVITATION_SUBJECT = 'Din søknad / Your application';

/** The token of the latest (`count`th) invitation link e-mailed to the address. */
export async function invitationToken(world: ApplicantWorld, address: string, count = 1): Promise<{ token: string; text: string }> {
  const text = mailText((await waitForMail(world, address, INVITATION_SUBJECT, count)).raw);
  const token = /\/portal\/#\/soknad\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no link in ${text}`);
  return { token, text };
}

export const signIn = (world: ApplicantWorld, token: string, email: string) =>
  fetch(`${world.server.url}/portal/api/applicant/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, email }),
  });

/** Nominates an applicant, signs them in with the invitation link, and returns their bearer header. */
export async function signedInApplicant(world: ApplicantWorld, givenName: string, offerCode = OFFER_DIRECT, choices: string[] = []) {
  const email = `${givenName.toLowerCase()}@student.lindenhof.example.de`;
  await nominate(world, { givenName, email }, offerCode, choices);
  const { token } = await invitationToken(world, email);
  const response = await signIn(world, token, email);
  if (response.status !== 200) throw new Error(`sign in: ${response.status} ${await response.text()}`);
  const session = serverSessionSchema.parse(await response.json());
  return { email, headers: { authorization: `Bearer ${session.accessToken}` } };
}

export async function applicationsOf(world: ApplicantWorld, headers: Record<string, string>): Promise<ApplicantApplication[]> {
  const response = await fetch(`${world.server.url}/portal/api/applicant/applications`, { headers });
  if (response.status !== 200) throw new Error(`applications: ${response.status} ${await response.text()}`);
  return applicantApplicationsSchema.parse(await response.json()).applications;
}

/** A case officer's step on the server (as the desktop app would push it). */
export async function officerStep(world: ApplicantWorld, caseId: string, event: NominationEvent): Promise<void> {
  const result = await world.server.app.saksflyt.steps.take(caseId, event, world.officer);
  if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
}

/** The applicant's first (in the tests: only) application. */
export async function firstApplication(world: ApplicantWorld, headers: Record<string, string>): Promise<ApplicantApplication> {
  const [first] = await applicationsOf(world, headers);
  if (!first) throw new Error('no application');
  return first;
}
