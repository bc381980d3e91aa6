import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { applicantApplicationSchema, applicantUploadSchema } from '../../../src-shared/portal/applicant.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import {
  applicationsOf,
  firstApplication,
  NOMINATOR_EMAIL,
  OFFER_CLOSED,
  OFFER_DIRECT,
  OFFER_DOCUMENTS,
  officerStep,
  signedInApplicant,
  startApplicantWorld,
  waitForMail,
  type ApplicantWorld,
} from './applicant-support';

/**
 * The applicant's own application over real HTTP: only their own cases; personal data, documents
 * (checked by their first bytes), choices and submission; the offer accepted or declined; withdrawal
 * by the applicant or the nominator, recorded with who withdrew and audited, the outcome e-mailed
 * to both. Each change a workflow step on the server, in the applicant's (or nominator's) name.
 */
let world: ApplicantWorld;
beforeAll(async () => {
  world = await startApplicantWorld();
}, 60_000);
afterAll(() => world?.close());

const personal = {
  givenName: 'Greta',
  familyName: 'Søker-Berg',
  birthDate: '2001-05-17',
  citizenship: 'DE',
  phone: '+49 30 1234567',
  address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
  homeInstitution: 'Hochschule Lindenhof',
};
const url = (path: string) => `${world.server.url}/portal/api/applicant/applications/${path}`;
const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(
    url(path),
    body === undefined ? { method, headers } : { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
const upload = (path: string, headers: Record<string, string>, content: Uint8Array, type = 'application/pdf') =>
  fetch(url(path), { method: 'POST', headers: { ...headers, 'content-type': type }, body: content });
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const caseOf = async (id: string) => (await world.server.app.saksflyt.steps.caseById(id))!;
const auditOf = (caseId: string, action: string) =>
  world.server.db.query<{ actor_id: string; detail: string }>(`SELECT actor_id, detail::text AS detail FROM audit_log WHERE document_id = $1 AND action = $2`, [
    caseId,
    action,
  ]);

describe('own applications only', () => {
  it('lists the applicant’s own case with nothing internal, and another applicant’s case is 404 like an unknown one', async () => {
    const greta = await signedInApplicant(world, 'Greta');
    const hans = await signedInApplicant(world, 'Hans');
    const [mine] = await applicationsOf(world, greta.headers);
    const text = await (await fetch(`${world.server.url}/portal/api/applicant/applications`, { headers: greta.headers })).text();
    for (const internal of ['ranking', 'reviewerId', 'nationalId', 'onBehalfOf', 'assignees']) expect(text).not.toContain(internal);
    const [his] = await applicationsOf(world, hans.headers);
    expect(mine).toMatchObject({ status: 'nominated', offer: { code: OFFER_DIRECT }, partnerName: 'Hochschule Lindenhof', nominatorName: 'Lena Lindenhof' });
    expect(mine!.personalData).toMatchObject({ birthDate: '2001-05-17', citizenship: 'DE' });
    // The partner's offers of the term still open for applications, not the closed one.
    expect(mine!.choiceOptions.map((option) => option.code).sort()).toEqual([OFFER_DOCUMENTS, OFFER_DIRECT].sort());
    expect(mine!.choiceOptions.map((option) => option.code)).not.toContain(OFFER_CLOSED);

    for (const ref of [his!.id, encodeURIComponent(his!.caseNumber), 'no-such-case']) {
      const response = await fetch(url(ref), { headers: greta.headers });
      expect(response.status).toBe(404);
      expect(syncErrorSchema.parse(await response.json()).code).toBe('not-found');
      expect((await send('POST', `${ref}/withdraw`, greta.headers, { reason: 'Not mine' })).status).toBe(404);
    }
    expect((await caseOf(his!.id)).status).toBe('nominated');
  });
});

describe('completing and submitting', () => {
  it('saves personal data, takes documents by their first bytes only, and submits the ranked choices', async () => {
    const { headers } = await signedInApplicant(world, 'Ines', OFFER_DOCUMENTS);
    const [application] = await applicationsOf(world, headers);
    const id = application!.id;
    expect(application!.requiredItems).toEqual(['passport', 'homeResults']);

    expect((await send('POST', `${id}/submit`, headers, { choices: [OFFER_DOCUMENTS] })).status).toBe(409);
    expect((await send('PUT', `${id}/personal-data`, headers, { ...personal, phone: 'call me' })).status).toBe(400);
    expect((await send('PUT', `${id}/personal-data`, headers, personal)).status).toBe(204);

    const fake = await upload(`${id}/uploads?kind=passport&name=pass.pdf`, headers, new TextEncoder().encode('<html>not a pdf</html>'));
    expect(fake.status).toBe(415);
    expect((await upload(`${id}/uploads?kind=proofOfFunding&name=money.pdf`, headers, pdf)).status).toBe(400);
    expect((await upload(`${id}/uploads?kind=passport&name=../pass.pdf`, headers, pdf)).status).toBe(400);
    const stored = await upload(`${id}/uploads?kind=passport&name=pass.png`, headers, png, 'application/octet-stream');
    expect(stored.status, await stored.clone().text()).toBe(201);
    expect(applicantUploadSchema.parse(await stored.json())).toMatchObject({
      kind: 'passport',
      mediaType: 'image/png',
      size: png.length,
      fileName: 'pass.png',
    });
    expect(await auditOf(id, 'portal-upload')).toHaveLength(1);

    expect((await send('POST', `${id}/submit`, headers, { choices: [OFFER_DOCUMENTS, OFFER_CLOSED] })).status).toBe(400);
    expect((await send('POST', `${id}/submit`, headers, { choices: [OFFER_DOCUMENTS, OFFER_DIRECT, OFFER_DIRECT] })).status).toBe(400);
    const submitted = await send('POST', `${id}/submit`, headers, { choices: [OFFER_DIRECT, OFFER_DOCUMENTS] });
    expect(submitted.status, await submitted.clone().text()).toBe(204);

    const c = await caseOf(id);
    const details = c.details as NominationDetails;
    expect(c.status).toBe('submitted');
    expect(details.application?.choices.map((choice) => choice.code)).toEqual([OFFER_DIRECT, OFFER_DOCUMENTS]);
    expect(details.personalData).toMatchObject(personal);
    const steps = await world.server.db.query<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail::text AS detail FROM audit_log WHERE document_id = $1 AND action = 'case-step' ORDER BY id`,
      [id],
    );
    expect(steps.map((row) => JSON.parse(row.detail).event)).toEqual(['savePersonalData', 'submitApplication']);
    expect(steps.every((row) => row.actor_id === c.subjectPersonId)).toBe(true);
    expect((await send('PUT', `${id}/personal-data`, headers, personal)).status).toBe(409);
  });

  it('receives the documentation once every requested item is uploaded', async () => {
    const { headers } = await signedInApplicant(world, 'Jonas', OFFER_DOCUMENTS);
    const { id } = await firstApplication(world, headers);
    expect((await send('PUT', `${id}/personal-data`, headers, personal)).status).toBe(204);
    expect((await send('POST', `${id}/submit`, headers, { choices: [OFFER_DOCUMENTS] })).status).toBe(204);
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    await officerStep(world, id, { type: 'startReview', at: at(0) });
    await officerStep(world, id, { type: 'requestDocumentation', at: at(0), items: ['passport', 'languageRequirement'] });
    const [waiting] = await applicationsOf(world, headers);
    expect(waiting).toMatchObject({ status: 'awaitingDocumentation', requestedItems: ['passport', 'languageRequirement'] });

    expect((await upload(`${id}/uploads?kind=passport&name=pass.pdf`, headers, pdf)).status).toBe(201);
    expect((await caseOf(id)).status).toBe('awaitingDocumentation');
    expect((await upload(`${id}/uploads?kind=languageRequirement&name=ielts.pdf`, headers, pdf)).status).toBe(201);
    const received = await caseOf(id);
    expect(received.status).toBe('underReview');
    expect((received.details as NominationDetails).qualification?.items.every((item) => item.status === 'received')).toBe(true);
    const listed = await fetch(url(`${id}/uploads`), { headers });
    expect(((await listed.json()) as unknown[]).length).toBe(2);
  });
});

/** An applicant with a direct offer made by the case officer. */
async function offered(name: string) {
  const applicant = await signedInApplicant(world, name);
  const { id } = await firstApplication(world, applicant.headers);
  expect((await send('PUT', `${id}/personal-data`, applicant.headers, personal)).status).toBe(204);
  expect((await send('POST', `${id}/submit`, applicant.headers, { choices: [OFFER_DIRECT] })).status).toBe(204);
  await officerStep(world, id, { type: 'makeOffer', at: new Date(Date.now() + 60_000).toISOString(), answerBy: addDays(dateOf(new Date()), 14) });
  return { ...applicant, id };
}

describe('the offer', () => {
  it('is accepted: study right, and applicant and nominator hear it', async () => {
    const { id, headers, email } = await offered('Kari');
    const [shown] = await applicationsOf(world, headers);
    expect(applicantApplicationSchema.parse(shown)).toMatchObject({ status: 'offered', offerMade: { offer: { code: OFFER_DIRECT } }, can: { answer: true } });
    expect((await send('POST', `${id}/accept`, headers)).status).toBe(204);
    const c = await caseOf(id);
    expect(c.status).toBe('admitted');
    expect((await send('POST', `${id}/decline`, headers)).status).toBe(409);
    const mail = await waitForMail(world, email, 'Du har fått studierett');
    expect(mail.to).toEqual([email, NOMINATOR_EMAIL]);
    expect((await applicationsOf(world, headers))[0]!.outcome).toMatchObject({ result: 'admitted' });
  });

  it('is declined, and applicant and nominator hear it', async () => {
    const { id, headers, email } = await offered('Lars');
    expect((await send('POST', `${id}/decline`, headers)).status).toBe(204);
    expect((await caseOf(id)).status).toBe('declined');
    expect((await waitForMail(world, email, 'Tilbudet er avslått')).to).toEqual([email, NOMINATOR_EMAIL]);
  });
});

describe('withdrawal', () => {
  it('by the applicant, with a reason: recorded as theirs, audited, and told to applicant and nominator', async () => {
    const { headers, email } = await signedInApplicant(world, 'Mona');
    const { id } = await firstApplication(world, headers);
    expect((await send('POST', `${id}/withdraw`, headers, { reason: ' ' })).status).toBe(400);
    expect((await send('POST', `${id}/withdraw`, headers, { reason: 'Jeg har fått plass et annet sted' })).status).toBe(204);
    const c = await caseOf(id);
    expect(c.status).toBe('withdrawn');
    expect((c.details as NominationDetails).outcome).toMatchObject({
      result: 'withdrawn',
      withdrawnBy: 'applicant',
      reason: 'Jeg har fått plass et annet sted',
    });
    expect(await auditOf(id, 'case-step')).toEqual([expect.objectContaining({ actor_id: c.subjectPersonId })]);
    expect((await waitForMail(world, email, 'Søknaden er trukket')).to).toEqual([email, NOMINATOR_EMAIL]);
    expect((await applicationsOf(world, headers))[0]).toMatchObject({ outcome: { result: 'withdrawn', withdrawnBy: 'applicant' }, can: { withdraw: false } });
  });

  it('by the nominator of the partner (by case number), never by another partner’s nominator', async () => {
    const { headers, email } = await signedInApplicant(world, 'Nils');
    const { id, caseNumber } = await firstApplication(world, headers);
    const withdraw = (nominator: Record<string, string>, body: unknown = { reason: 'Studenten har trukket seg' }) =>
      fetch(`${world.server.url}/portal/api/nominations/${encodeURIComponent(caseNumber)}/withdraw`, {
        method: 'POST',
        headers: { ...nominator, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const other = await withdraw(world.nominator.valmont);
    expect(other.status).toBe(404);
    expect((await caseOf(id)).status).toBe('nominated');
    expect((await withdraw(world.nominator.lindenhof, {})).status).toBe(400);
    expect((await withdraw(world.nominator.lindenhof)).status).toBe(204);
    const c = await caseOf(id);
    expect((c.details as NominationDetails).outcome).toMatchObject({ result: 'withdrawn', withdrawnBy: 'nominator', reason: 'Studenten har trukket seg' });
    const [audited] = await auditOf(id, 'case-step');
    expect(JSON.parse(audited!.detail)).toEqual({ event: 'withdraw' });
    expect(audited!.actor_id).not.toBe(c.subjectPersonId);
    expect((await waitForMail(world, email, 'Søknaden er trukket')).to).toEqual([email, NOMINATOR_EMAIL]);
    expect((await withdraw(world.nominator.lindenhof)).status).toBe(409);
  });
});
