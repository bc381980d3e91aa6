import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { secretsFilePath } from '../../../src-main/services/compose-services';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { appealDeadline } from '../../../src-shared/domain/appeal/appeal-deadline';
import { DEMO_STUDENT_ID } from '../../../dev/demo-data/demo-users';
import { followUpStatusLabels } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { followUpTexts } from '../../../src-renderer/features/follow-up/follow-up-text';
import { openSealedFile, pdfsig, pdfText, tamperedCopy, xmllintNoark5 } from '../../integration/documents/tools';
import { startCanvasStandIn, type CanvasStandIn } from '../../stand-ins/canvas-server';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { expectAccessible } from '../support/axe';
import { TODAY } from '../support/demo-expectations';
import { test as base, expect } from '../support/fixtures';
import { FollowUpPages } from './follow-up-pages';

const DEMO_CASES = 10;
const TEACHER = 'u-laerer-helse-1';
const COORDINATOR = 'u-kullkoord-helse';
const HEAD = 'u-avdleder-helse';
const RECTOR = 'u-rektor';
const CANVAS_TOKEN = 'canvas-e2e-token';

const P360_KEY = 'p360-e2e-key';

/** Each test's data folder gets a documents.json pointing at its own Canvas and P360 stand-ins. */
const test = base.extend<{ canvas: CanvasStandIn; p360: P360SifStandIn; followUp: FollowUpPages }>({
  // Playwright reads fixture dependencies from the destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  canvas: async ({}, use) => {
    const canvas = await startCanvasStandIn({
      token: CANVAS_TOKEN,
      pageSize: 1,
      courses: {
        'sis_course_id:SYK1001': {
          assignments: [
            { id: 11, name: 'Arbeidskrav 1: Anatomi', due_at: '2026-02-13T22:59:00Z' },
            { id: 12, name: 'Arbeidskrav 2: Fysiologi', due_at: '2026-03-06T22:59:00Z' },
          ],
          students: [
            { user_id: 7, sis_user_id: 'person-other', submissions: [{ assignment_id: 11, workflow_state: 'graded', grade: 'complete' }] },
            {
              user_id: 8,
              sis_user_id: DEMO_STUDENT_ID,
              submissions: [
                { assignment_id: 11, workflow_state: 'graded', grade: 'complete' },
                { assignment_id: 12, workflow_state: 'unsubmitted' },
              ],
            },
          ],
        },
      },
    });
    await use(canvas);
    await canvas.close();
  },
  // eslint-disable-next-line no-empty-pattern
  p360: async ({}, use) => {
    const p360 = await startP360SifStandIn({ authKey: P360_KEY });
    await use(p360);
    await p360.close();
  },
  dataDir: async ({ dataDir, canvas, p360 }, use) => {
    await writeFile(
      join(dataDir, 'documents.json'),
      JSON.stringify({
        canvas: { baseUrl: canvas.url, tokenSecret: 'canvas.token' },
        archive: { p360: { baseUrl: p360.url, authKeySecret: 'p360.key', ...P360_REQUIRED_SETTINGS } },
      }),
    );
    const secrets = createPlainFileSecureStore(secretsFilePath(dataDir));
    await secrets.set('canvas.token', CANVAS_TOKEN);
    await secrets.set('p360.key', P360_KEY);
    await use(dataDir);
  },
  followUp: async ({ page }, use) => use(new FollowUpPages(page)),
});

const NOTE = 'Studenten forteller at deltidsjobben på kveldstid gjør det vanskelig å møte til ferdighetstreningen.';
const CORRECTION = 'Studenten har deltidsjobb på kveldstid og ber om ferdighetstrening på dagtid; vi ble enige om å prøve det.';

async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The signature pad is not visible');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let step = 1; step <= 20; step += 1) {
    await page.mouse.move(box.x + 30 + (step * (box.width - 60)) / 20, box.y + box.height * (0.5 + 0.25 * Math.sin(step / 2)));
  }
  await page.mouse.up();
}

test('a follow-up case from the teacher’s report to the archived decision', async ({ page, context, followUp, dataDir, hostUrl, p360 }) => {
  test.setTimeout(240_000);
  const { t } = followUp;

  // The teacher reports a concern, with coursework status from Canvas.
  await followUp.openQueue(DEMO_CASES);
  await expectAccessible(page);
  await followUp.actAs(TEACHER);
  await page.getByRole('link', { name: t.queue.report }).click();
  await expect(followUp.heading).toHaveText(t.report.title);
  await page.getByRole('textbox', { name: t.report.searchStudent, exact: true }).fill('Ingrid');
  await page.getByRole('combobox', { name: t.report.student, exact: true }).selectOption(DEMO_STUDENT_ID);
  await page.getByRole('combobox', { name: t.report.cohort }).selectOption('SYK-2025H');
  await page.getByRole('combobox', { name: t.report.course }).selectOption('SYK1001');
  await page.getByRole('checkbox', { name: t.concernKinds.courseworkNotPassed }).check();
  await page.getByRole('checkbox', { name: t.concernKinds.lowProgression }).check();
  await page
    .getByRole('textbox', { name: t.report.description, exact: true })
    .fill('Arbeidskrav 2 i SYK1001 er ikke levert, og hun har vært borte fra flere øvinger.');
  await page.getByRole('button', { name: t.report.fetchFromCanvas }).click();
  await expect(page.getByRole('status').filter({ hasText: t.report.canvasFetched(2) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: t.report.courseworkTitle(2), exact: true })).toHaveValue('Arbeidskrav 2: Fysiologi');
  await expect(page.getByRole('textbox', { name: t.report.courseworkDue(2) })).toHaveValue('2026-03-06');
  await expect(page.getByRole('combobox', { name: t.report.courseworkStatus(2) })).toHaveValue('notSubmitted');
  await expect(page.getByRole('combobox', { name: t.report.courseworkStatus(1) })).toHaveValue('approved');
  await expectAccessible(page);
  await page.getByRole('button', { name: t.report.send }).click();

  // The coordinator opens the case.
  await expect(followUp.heading).toHaveText('Oppfølging – Ingrid Åsheim (SYK-2025H)');
  await followUp.expectStatus('reported');
  await expect(page.getByText('Arbeidskrav 2: Fysiologi: Ikke levert')).toBeVisible();
  await followUp.actAs(COORDINATOR);
  await followUp.submitStep('open', await followUp.openStep('open'));
  await followUp.expectStatus('open');
  await expectAccessible(page);

  // Notes are written with the laptop offline: they go into the local replica.
  await context.setOffline(true);
  await followUp.writeNote(NOTE, { text: 'Levere arbeidskrav 2 i SYK1001.', owner: 'Ingrid Åsheim', due: '2026-04-01' });
  await expect(followUp.notes).toHaveCount(1);
  await followUp.notes.first().getByRole('button', { name: t.notes.correct }).click();
  await expect(page.getByRole('textbox', { name: t.notes.measureText, exact: true })).toHaveValue('Levere arbeidskrav 2 i SYK1001.');
  await page.getByRole('textbox', { name: t.notes.text, exact: true }).fill(CORRECTION);
  await page.getByRole('button', { name: t.notes.saveCorrection }).click();
  await expect(followUp.notes).toHaveCount(2);
  // The original stays as it was; the correction is a new note pointing at it.
  await expect(followUp.notes.filter({ hasText: NOTE, hasNotText: CORRECTION })).toHaveCount(1);
  await expect(followUp.notes.filter({ hasText: CORRECTION })).toContainText(t.notes.corrects(NOTE.slice(0, 80)));
  await context.setOffline(false);

  // Summons: the letter is issued by the main process.
  const summons = await followUp.openStep('summon');
  await summons.getByRole('textbox', { name: t.steps.meetingAt, exact: true }).fill('2026-03-17T10:00');
  await summons.getByRole('textbox', { name: t.steps.place, exact: true }).fill('Rom A1-012, Campus Fjordheim');
  await summons.getByRole('textbox', { name: t.steps.reason, exact: true }).fill('Vi vil snakke om arbeidskravene og fraværet i SYK1001.');
  await followUp.submitStep('summon', summons);
  await followUp.expectStatus('summoned');
  await expect(followUp.documentRow('Innkalling til oppfølgingssamtale')).toBeVisible();

  await followUp.submitStep('holdConversation', await followUp.openStep('holdConversation'));
  const draft = await followUp.openStep('draftProtocol');
  await draft.getByRole('textbox', { name: t.steps.summary, exact: true }).fill('Studenten leverer arbeidskrav 2 og prøver ferdighetstrening på dagtid.');
  await followUp.submitStep('draftProtocol', draft);
  await followUp.expectStatus('protocolDrafted');

  // The preview is the real PDF, rendered from the case and the notes.
  const preview = await followUp.showPdf(page.getByRole('button', { name: t.protocol.preview }), 'documents:preview', t.protocol.previewTitle);
  expect(preview.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await pdfText(preview)).replace(/\s+/g, ' ')).toContain('ferdighetstrening på dagtid');
  await expectAccessible(page);

  // The student signs on the pad, the coordinator signs digitally (and the student with a demo certificate).
  await drawSignature(page, page.getByRole('img', { name: t.signature.canvasEmpty }));
  await expect(page.getByRole('img', { name: t.signature.canvasSigned('Ingrid Åsheim') })).toBeVisible();
  await page.getByRole('button', { name: t.protocol.confirmStudentSignature }).click();
  await followUp.expectStepDone('signAsStudent');
  await followUp.expectStatus('signedByStudent');

  // Meanwhile the case waits in the queue for the coordinator's signature.
  const title = 'Oppfølging – Ingrid Åsheim (SYK-2025H)';
  // By keyboard: with the PDF viewer (an out-of-process frame) just scrolled away, a busy
  // Chromium can route a mouse click to the viewer instead of the link.
  await page.getByRole('link', { name: t.casePage.back }).press('Enter');
  await expect(followUp.heading).toHaveText(t.queue.title);
  await followUp.queueSection(t.queue.awaitingSignature).getByRole('link', { name: title }).click();
  await expect(followUp.heading).toHaveText(title);
  await page.getByRole('checkbox', { name: t.protocol.studentCertificate }).check();
  await page.getByRole('button', { name: t.protocol.signAsCoordinator }).click();
  await followUp.expectStepDone('signAsCoordinator');
  await followUp.expectStatus('protocolSigned');
  const protocolRow = followUp.documentRow('Protokoll fra oppfølgingssamtale');
  await expect(protocolRow).toContainText('Ingrid Åsheim');
  await expect(protocolRow).toContainText('Ragnhild Sæther');

  // The protocol's bytes through documents:read, checked with poppler.
  const read = page.waitForRequest((request) => request.url().endsWith('/rpc/documents:read'));
  const shown = await followUp.showPdf(protocolRow.getByRole('button', { name: t.documents.show }), 'documents:read', 'Protokoll fra oppfølgingssamtale');
  const { documentId } = JSON.parse((await read).postData() ?? '{}') as { documentId: string };
  const answer = await fetch(`${hostUrl}rpc/documents:read`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId }),
  });
  const signedProtocol = Buffer.from(((await answer.json()) as { value: { pdfBase64: string } }).value.pdfBase64, 'base64');
  expect(signedProtocol.equals(shown)).toBe(true);
  const signatures = await pdfsig(signedProtocol);
  expect(signatures.map((signature) => signature.valid)).toEqual([true, true]);
  expect(signatures.map((signature) => signature.signer)).toEqual(['Demo-kullkoordinator (kun for test)', 'Demo-student (kun for test)']);
  expect((await pdfsig(tamperedCopy(signedProtocol))).map((signature) => signature.valid)).toEqual([false, false]);
  const protocolText = (await pdfText(signedProtocol)).replace(/\s+/g, ' ');
  expect(protocolText).toContain('Protokoll fra oppfølgingssamtale');
  expect(protocolText).toContain('Ingrid Åsheim');
  expect(protocolText).toContain(CORRECTION); // in place of the note it corrects, keeping its measure
  expect(protocolText).not.toContain(NOTE);
  expect(protocolText).toContain('Levere arbeidskrav 2 i SYK1001.');

  await followUp.submitStep('sendProtocol', await followUp.openStep('sendProtocol'));
  await followUp.expectStatus('protocolSent');

  // The head of department calls the meeting; the rector gives their view in a step of their own,
  // and the head makes the decision, taken with the rector.
  await followUp.actAs(HEAD);
  const meeting = await followUp.openStep('callMeeting');
  await meeting.getByRole('textbox', { name: t.steps.meetingAt, exact: true }).fill('2026-03-20T10:00');
  await meeting.getByRole('textbox', { name: t.steps.place, exact: true }).fill('Møterom Fjellet');
  await followUp.submitStep('callMeeting', meeting);
  await followUp.expectStatus('meetingCalled');
  await expect(page.getByRole('region', { name: t.decision.heading }), 'no decision before the rector has reviewed the case').toHaveCount(0);
  await followUp.actAs(RECTOR);
  const review = await followUp.openStep('reviewWithRector');
  await review.getByRole('radio', { name: t.steps.rectorRecommendsDecision }).check();
  await review.getByRole('textbox', { name: t.steps.rectorComment, exact: true }).fill('Vilkår om arbeidskrav 2 er rimelig.');
  await followUp.submitStep('reviewWithRector', review);
  await followUp.expectStatus('reviewedWithRector');
  await followUp.actAs(HEAD);

  const decision = page.getByRole('region', { name: t.decision.heading });
  await decision
    .getByRole('textbox', { name: t.decision.outcome, exact: true })
    .fill('Du kan fortsette studiene på vilkår om at arbeidskrav 2 i SYK1001 er levert innen 1. april 2026.');
  await decision
    .getByRole('textbox', { name: t.decision.legalBasis, exact: true })
    .fill('Universitets- og høyskoleloven § 11-1\nForskrift om studier og eksamen ved Høgskolen i Fjordheim § 4-3');
  await decision
    .getByRole('textbox', { name: t.decision.facts, exact: true })
    .fill('Arbeidskrav 2 i SYK1001 er ikke levert, og fraværet fra ferdighetstreningen er høyt.');
  await decision
    .getByRole('textbox', { name: t.decision.mainConsiderations, exact: true })
    .fill('Studenten har vist vilje til å følge opp de avtalte tiltakene.');
  const deadline = appealDeadline(TODAY);
  await expect(decision.getByRole('status')).toHaveText(
    t.decision.appealDeadline(
      new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${deadline}T00:00:00Z`)),
    ),
  );
  await expectAccessible(page);
  await decision.getByRole('button', { name: t.decision.decide }).click();
  await followUp.expectStepDone('decide');
  await followUp.expectStatus('decided');

  // Archived through the outbox into P360, the folder archive and the Noark 5 export.
  const decisionRow = followUp.documentRow('Vedtak – videre studier med vilkår');
  await expect(decisionRow).toContainText(t.documents.archiveStates.archived, { timeout: 15_000 });
  await expect(decisionRow).toContainText(t.documents.entry(t.documents.targets.folder, t.documents.entryStates.archived));
  await expect(decisionRow).toContainText(t.documents.entry(t.documents.targets.noark5, t.documents.entryStates.archived));
  await expect(decisionRow).toContainText(t.documents.entry(t.documents.targets.p360, t.documents.entryStates.archived));
  await expect(protocolRow).toContainText(t.documents.archiveStates.archived);
  const caseNumber = (await followUp.fact(t.casePage.caseNumber).textContent()) ?? '';
  const caseFolder = caseNumber.replace(/[^A-Za-z0-9._-]/g, '-');
  const folder = join(dataDir, 'archive', caseFolder);
  // Each file name carries its document id (from the folder archive's manifest).
  // The default archive folders lie inside the data folder: their files are sealed, and opened as the app does.
  const manifest = JSON.parse((await openSealedFile(dataDir, 'archive', 'manifest.json')).toString('utf8')) as {
    documents: { record: { kind: string; documentId: string } }[];
  };
  const fileOf = (kind: string) => {
    const documentId = manifest.documents.find((document) => document.record.kind === kind)?.record.documentId ?? '';
    return `${kind === 'decision' ? 'vedtak' : kind}-${caseNumber.replace('/', '-')}-${documentId.replace(/[^A-Za-z0-9._-]/g, '-')}.pdf`;
  };
  expect((await readdir(folder)).sort()).toEqual([fileOf('protocol'), fileOf('decision')].sort());
  const sealed = await openSealedFile(dataDir, 'archive', caseFolder, fileOf('decision'));
  expect((await pdfsig(sealed)).map((signature) => [signature.valid, signature.signer])).toEqual([[true, 'Saksflyt demo – virksomhetssegl']]);
  const sealedText = (await pdfText(sealed)).replace(/\s+/g, ' ');
  expect(sealedText).toContain('Du kan fortsette studiene på vilkår');
  expect(sealedText, 'taken with the rector who reviewed the case').toContain('Kjersti Haugland, avdelingsleder Torunn Bakke-Ødegård, rektor');
  // P360 got the protocol as an internal memo and the decision as an outgoing letter, both on the student's folder.
  expect(p360.cases.map((folder) => folder.ArchiveCodes[0]?.ArchiveCode)).toEqual([expect.stringMatching(/^\d{11}$/)]);
  const filed = Object.fromEntries(p360.documents.map((document) => [document.parameter.Category, document]));
  expect(Object.keys(filed).sort()).toEqual(['Dokument ut', 'Internt notat uten oppfølging']);
  expect(filed['Dokument ut']?.files[0]?.bytes.equals(sealed)).toBe(true);
  expect(filed['Dokument ut']?.parameter).toMatchObject({ Contacts: [{ Role: 'Mottaker' }], UnregisteredContacts: [{ Role: 'Kopi til' }] });
  const xmllint = await xmllintNoark5(await openSealedFile(dataDir, 'noark5', 'arkivstruktur.xml'));
  expect(xmllint.stderr).toContain('validates');
  expect(xmllint.code).toBe(0);
  await expectAccessible(page);

  // The archive reference is recorded, and the decision is sent.
  await followUp.submitStep('archiveDecision', await followUp.openStep('archiveDecision'));
  await followUp.submitStep('sendDecision', await followUp.openStep('sendDecision'));
  await followUp.expectStatus('decisionSent');
  await expect(followUp.fact(t.casePage.appealDeadline)).toHaveText(
    new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${deadline}T00:00:00Z`)),
  );
});

test('in English, with the keyboard only: the coordinator opens a case and the student signs with a typed name', async ({ page, followUp }) => {
  test.setTimeout(180_000);
  const en = followUpTexts.en;
  await followUp.openQueue(DEMO_CASES);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(followUp.heading).toHaveText(en.queue.title);
  await page.getByRole('link', { name: en.queue.report }).click();
  await expect(followUp.heading).toHaveText(en.report.title);
  await page.getByRole('textbox', { name: en.report.searchStudent, exact: true }).fill('Ingrid');
  await page.getByRole('combobox', { name: en.report.student, exact: true }).selectOption(DEMO_STUDENT_ID);
  await page.getByRole('combobox', { name: en.report.course }).selectOption('SYK1001');
  await page.getByRole('checkbox', { name: en.concernKinds.subjectDifficulties }).check();
  await page.getByRole('textbox', { name: en.report.description, exact: true }).fill('Hun strever med anatomi og har bedt om hjelp.');
  await expectAccessible(page);
  await page.getByRole('button', { name: en.report.open }).click();

  // A coordinator's own report opens the case at once.
  await expect(page.getByRole('region', { name: en.casePage.facts })).toContainText(followUpStatusLabels.open.en);
  const diagram = page.getByRole('img', { name: new RegExp(`^${en.workflow.title}`) });
  await expect(diagram).toHaveAccessibleName(new RegExp(en.workflow.currentIs(followUpStatusLabels.open.en).replace(/[.“”]/g, '.')));
  await expectAccessible(page);

  const steps: [string, (form: Locator) => Promise<void>][] = [
    [
      'summon',
      async (form) => {
        await form.getByRole('radio', { name: en.steps.video }).check();
        await form.getByRole('textbox', { name: en.steps.meetingAt, exact: true }).fill('2026-03-16T09:00');
        await form.getByRole('textbox', { name: en.steps.videoLink, exact: true }).fill('https://hifj.example/zoom/123456789');
        await form.getByRole('textbox', { name: en.steps.reason, exact: true }).fill('Vi vil snakke om anatomi.');
      },
    ],
    ['holdConversation', async () => {}],
    ['draftProtocol', async (form) => form.getByRole('textbox', { name: en.steps.summary, exact: true }).fill('Hun får veiledning.')],
  ];
  for (const [event, fill] of steps) {
    const label = followUpWorkflow.eventLabel(event)!.en;
    const details = page.locator('details', { has: page.locator('summary', { hasText: label }) });
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    const form = details.locator('form');
    await fill(form);
    await form.getByRole('button', { name: label }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: en.outcome.done(label) })).toBeVisible();
  }

  // The typed signature, from the keyboard.
  await expect(page.getByRole('img', { name: en.signature.canvasEmpty })).toBeVisible();
  await page.getByRole('textbox', { name: en.signature.typedLabel, exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Ingrid Åsheim');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: en.signature.useTyped })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: en.signature.canvasSigned('Ingrid Åsheim') })).toBeVisible();
  await page.getByRole('button', { name: en.protocol.confirmStudentSignature }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: en.casePage.facts })).toContainText(followUpStatusLabels.signedByStudent.en);
  await expect(diagram).toHaveAccessibleName(new RegExp(en.workflow.currentIs(followUpStatusLabels.signedByStudent.en).replace(/[.“”]/g, '.')));
  await expectAccessible(page);

  await page.getByRole('button', { name: en.protocol.signAsCoordinator }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: en.casePage.facts })).toContainText(followUpStatusLabels.protocolSigned.en);
  const row = page.getByRole('region', { name: en.documents.heading }).getByRole('row').filter({ hasText: 'Protokoll fra oppfølgingssamtale' });
  const signed = await followUp.showPdf(row.getByRole('button', { name: en.documents.show }), 'documents:read', 'Protokoll fra oppfølgingssamtale');
  // Without the student's certificate: the drawn (typed) signature and the coordinator's digital one.
  expect((await pdfsig(signed)).map((signature) => [signature.valid, signature.signer])).toEqual([[true, 'Demo-kullkoordinator (kun for test)']]);
  expect((await pdfText(signed)).replace(/\s+/g, ' ')).toContain('Videomøte');
  await expectAccessible(page);
});
