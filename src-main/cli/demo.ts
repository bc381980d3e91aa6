import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DrawnSignature } from '../../src-shared/documents/protocol.schema';
import type { Actor } from '../../src-shared/domain/access/roles';
import { transition, type FollowUpCase, type FollowUpEvent } from '../../src-shared/domain/follow-up/follow-up.workflow';
import type { Command, Recipient } from '../../src-shared/domain/workflow/command.schema';
import { CommandRunner, type Ports } from '../../src-shared/domain/workflow/command-runner';
import { AppError } from '../../src-shared/kernel/app-error';
import { createNoark5ExportAdapter } from '../services/archive/adapters/noark5-export.adapter';
import { openArchiveOutbox } from '../services/archive/archive-outbox';
import { createPdfRenderer } from '../services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoIdentity } from '../services/signing/demo-certificates';
import { createDocumentSigning, type SignedDocument } from '../services/signing/document-signing.service';
import { createPkcs12Signer } from '../services/signing/pkcs12-signer';
import { demoArchiveRecord, demoFollowUpCase } from './demo-case';
import { demoSignaturePng } from './demo-signature';

export interface DemoResult {
  outDir: string;
  files: { summons: string; protocol: string; decision: string; noark5: string; caCertificate: string };
  /** The case's status after each step, starting with the opened case. */
  statuses: string[];
  /** Letters, notices, tasks and integration calls the workflow asked for (in the real app the server e-mails and calls). */
  messages: string[];
}

const REPO_RESOURCES = resolve(import.meta.dirname, '..', '..', 'resources');
const REPO_SCHEMAS = resolve(import.meta.dirname, '..', '..', 'vendor', 'schemas');

/**
 * `npm run admin -- demo --out DIR`: walks the demo follow-up case through the workflow, from
 * the opened case to the decision sent, and runs the commands each step returns with the real
 * services and demo certificates. Writes DIR/summons.pdf, DIR/protocol.pdf (drawn signature plus
 * two PAdES signatures), DIR/vedtak.pdf (sealed), DIR/noark5/ (the Noark 5 deposit package, with
 * the case once it is closed after the appeal period)
 * and DIR/demo-ca.pem (to trust the demo signatures in a PDF reader, if wished).
 */
export async function runDemo(args: { outDir: string; resourcesDir?: string }): Promise<DemoResult> {
  const outDir = resolve(args.outDir);
  const demo = demoFollowUpCase();
  const files = {
    summons: join(outDir, 'summons.pdf'),
    protocol: join(outDir, 'protocol.pdf'),
    decision: join(outDir, 'vedtak.pdf'),
    noark5: join(outDir, 'noark5'),
    caCertificate: join(outDir, 'demo-ca.pem'),
  };
  await mkdir(outDir, { recursive: true });

  let clock = new Date('2026-10-08T08:00:00.000Z');
  const now = () => clock;
  const renderer = createPdfRenderer({ resourcesDir: args.resourcesDir ?? REPO_RESOURCES, now });
  const signing = createDocumentSigning({ renderer, location: 'Oslo', now });
  const certificates = createDemoCertificates({
    institution: demo.institution.name,
    coordinator: demo.coordinator.name,
    student: demo.student.name,
    now: new Date(),
  });
  await writeFile(files.caCertificate, certificates.caCertificatePem);
  const backend = (identity: DemoIdentity) =>
    createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: identity.commonName });

  const outboxDir = await mkdtemp(join(tmpdir(), 'saksflyt-demo-outbox-'));
  const outbox = await openArchiveOutbox({
    dir: outboxDir,
    adapters: [
      createNoark5ExportAdapter({
        dir: files.noark5,
        stagingDir: join(outboxDir, 'noark5-staging'),
        info: { archiveTitle: `${demo.institution.name} – Saksflyt (demo)`, creatorId: 'hho-demo', creatorName: demo.institution.name },
        now,
        schemasDir: REPO_SCHEMAS,
      }),
    ],
    now,
  });

  const actors = demoActors(demo);
  const closedBy = demo.departmentHead.name;
  let state: FollowUpCase = {
    id: demo.caseId,
    type: 'followUp',
    caseNumber: demo.caseNumber,
    title: demo.title,
    status: 'open',
    institution: DEMO_SCOPE.institution,
    department: DEMO_SCOPE.department,
    cohort: DEMO_SCOPE.cohort,
    subjectPersonId: demo.student.id,
    assignees: [actors.coordinator.userId],
    deadlines: [],
    nextDeadline: '9999-12-31',
    details: { reports: demo.concerns },
    createdAt: clock.toISOString(),
    createdBy: actors.coordinator.userId,
    updatedAt: clock.toISOString(),
    updatedBy: actors.coordinator.userId,
  };
  const statuses: string[] = [state.status];
  const messages: string[] = [];
  let drawnSignature: DrawnSignature | undefined;
  let protocol: SignedDocument | undefined;
  let decision: SignedDocument | undefined;

  // The laptop's side of each step, run with the real services; what the server would do is listed.
  const ports: Ports<'laptop', void, string> = {
    // The protocol is rendered when it is signed (with the drawn signature in it), the decision
    // when it is sealed; only the summons is a finished document at this point.
    renderDocument: async (command) => {
      if (command.document === 'summons') await writeFile(files.summons, await renderer.summons(demo.summons));
      return [];
    },
    requestSignature: async (command) => {
      if (command.method === 'onScreen') {
        drawnSignature = { pngBase64: demoSignaturePng().toString('base64'), signedAt: clock.toISOString() };
      } else if (command.method === 'pades') {
        protocol = await signing.signProtocol(
          { ...demo.protocol, studentSignature: drawnSignature },
          { coordinator: backend(certificates.coordinator), student: backend(certificates.student) },
        );
        await writeFile(files.protocol, protocol.pdf);
      } else {
        decision = await signing.sealDecision(demo.decision, backend(certificates.seal));
        await writeFile(files.decision, decision.pdf);
      }
      return [];
    },
    archive: async (command) => {
      const signed = command.document === 'protocol' ? protocol : decision;
      if (!signed || (command.document !== 'protocol' && command.document !== 'decision')) {
        throw new AppError('precondition', `Nothing signed to archive for ${command.document}`);
      }
      const signers = signed.signatures.map((signature) => signature.signer);
      await outbox.enqueue({ target: 'noark5', record: demoArchiveRecord(demo, command.document, signers), pdf: signed.pdf });
      await outbox.processDue();
      return [];
    },
    closeCaseFolder: async (command) => {
      await outbox.enqueueClosure({ caseId: demo.caseId, caseNumber: demo.caseNumber, closedAt: clock.toISOString(), closedBy });
      await outbox.processDue();
      return [message(command)];
    },
    createTask: (command) => [message(command)],
    letter: (command) => [message(command)],
  };
  const runner = new CommandRunner('laptop', ports);

  async function step(at: string, actor: Actor, event: (at: string) => FollowUpEvent): Promise<void> {
    clock = new Date(at);
    const result = transition(state, event(at), actor);
    if (!result.ok) throw new AppError('precondition', `Demo step refused (${result.reason}): ${result.message}`);
    state = { ...result.state, updatedAt: at, updatedBy: actor.userId };
    statuses.push(state.status);
    const { reports, handedOver } = await runner.run(result.commands, undefined);
    messages.push(...reports, ...handedOver.map(({ command }) => message(command)));
  }

  try {
    const { coordinator, head, rector } = actors;
    const noteIds = demo.notes.map((note) => note.id);
    await step('2026-10-12T08:00:00.000Z', coordinator, (at) => ({
      type: 'summon',
      at,
      meetingAt: demo.summons.meeting.startsAt,
      mode: 'inPerson',
      location: demo.summons.meeting.place,
      reason: demo.summons.reason,
    }));
    await step('2026-10-20T10:15:00.000Z', coordinator, (at) => ({ type: 'holdConversation', at, participants: [demo.student.name], noteIds }));
    await step('2026-10-20T10:20:00.000Z', coordinator, (at) => ({
      type: 'draftProtocol',
      at,
      documentId: `${demo.caseId}-protocol`,
      summary: 'Studenten leverer manglende arbeidskrav og får ekstra veiledning.',
    }));
    await step('2026-10-20T10:30:00.000Z', coordinator, (at) => ({ type: 'signAsStudent', at, signerName: demo.student.name, method: 'onScreen' }));
    await step('2026-10-20T10:35:00.000Z', coordinator, (at) => ({ type: 'signAsCoordinator', at }));
    await step('2026-10-20T11:00:00.000Z', coordinator, (at) => ({ type: 'sendProtocol', at }));
    await step('2026-11-20T09:00:00.000Z', head, (at) => ({
      type: 'callMeeting',
      at,
      meetingAt: '2026-11-30T10:00:00.000Z',
      location: 'Møterom Rektorat',
      participantIds: [rector.userId, coordinator.userId],
    }));
    await step('2026-11-30T11:00:00.000Z', rector, (at) => ({ type: 'reviewWithRector', at, recommendsDecision: true, comment: '' }));
    await step('2026-12-01T09:00:00.000Z', head, (at) => ({
      type: 'decide',
      at,
      outcome: 'lossOfStudyRight',
      legalBasis: demo.decision.legalBasis.join('; '),
      facts: demo.decision.facts,
      considerations: demo.decision.mainConsiderations,
      documentId: `${demo.caseId}-decision`,
    }));
    const archived = (await outbox.list()).find((entry) => entry.record?.kind === 'decision' && entry.status === 'archived');
    if (!archived?.receipt) throw new AppError('internal', 'The decision did not reach the Noark 5 package');
    await step('2026-12-01T09:30:00.000Z', head, (at) => ({ type: 'archiveDecision', at, reference: archived.receipt?.reference.slice(0, 100) ?? '' }));
    await step('2026-12-01T10:00:00.000Z', head, (at) => ({ type: 'sendDecision', at, receivedOn: demo.decision.appeal.receivedOn }));
    // After the appeal period the case closes, and with it its folder in the Noark 5 package.
    await step('2027-01-04T09:00:00.000Z', head, (at) => ({ type: 'close', at }));
  } finally {
    await outbox.stop();
    await rm(outboxDir, { recursive: true, force: true });
  }
  return { outDir, files, statuses, messages };
}

/** Parses `demo --out DIR` (the arguments after "demo"), runs the demo and prints a summary; returns the exit code. */
export async function demoCommand(argv: readonly string[], print: (line: string) => void = console.log): Promise<number> {
  const at = argv.indexOf('--out');
  const outDir = at >= 0 ? argv[at + 1] : undefined;
  if (!outDir || outDir.startsWith('--')) {
    print('Usage: npm run admin -- demo --out DIR');
    return 2;
  }
  const result = await runDemo({ outDir });
  print(`Demo follow-up case: ${result.statuses.join(' → ')}`);
  for (const file of Object.values(result.files)) print(`  wrote ${file}`);
  for (const message of result.messages) print(`  ${message}`);
  return 0;
}

const DEMO_SCOPE = { institution: 'hho', department: 'sykepleie', cohort: 'bsyk-2025' } as const;

function demoActors(demo: ReturnType<typeof demoFollowUpCase>) {
  const scope = { institution: DEMO_SCOPE.institution, departments: [DEMO_SCOPE.department], cohorts: [DEMO_SCOPE.cohort], partners: [] };
  const actor = (userId: string, name: string, role: Actor['roles'][number]): Actor => ({ userId, name, roles: [role], scope });
  return {
    coordinator: actor(demo.coordinator.id, demo.coordinator.name, 'cohortCoordinator'),
    head: actor('staff-per', demo.departmentHead.name, 'departmentHead'),
    rector: actor('staff-ingrid', demo.rector.name, 'rector'),
  };
}

/** One line for a command the demo does not carry out itself. */
export function message(command: Command): string {
  switch (command.type) {
    case 'notify':
      return `notify ${describe(command.to)} (${command.template})${command.copyTo.length ? `, copy ${command.copyTo.map(describe).join(', ')}` : ''}`;
    case 'createTask':
      return `task for ${describe(command.assignee)}: ${command.title} (by ${command.due})`;
    case 'callIntegration':
      return `integration ${command.system}.${command.operation}`;
    case 'closeCaseFolder':
      return `case folder ${command.caseId} closed in the Noark 5 package`;
    default:
      return `${command.type} ${command.document}`;
  }
}

function describe(recipient: Recipient): string {
  return recipient.kind === 'role' ? recipient.role : recipient.kind === 'user' ? recipient.userId : recipient.personId;
}
