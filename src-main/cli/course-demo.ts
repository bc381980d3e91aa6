import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Actor } from '../../src-shared/domain/access/roles';
import { transition, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import { CommandRunner, type Ports } from '../../src-shared/domain/workflow/command-runner';
import { AppError } from '../../src-shared/kernel/app-error';
import {
  runCertificateBatch,
  type CertificateBatchInput,
  type CertificateEmail,
  type CertificateParticipant,
} from '../case-types/course-delivery/certificate-batch';
import { createNoark5ExportAdapter } from '../services/archive/adapters/noark5-export.adapter';
import { openArchiveOutbox } from '../services/archive/archive-outbox';
import { createDocumentStore } from '../services/pdf/document-store';
import { createDocumentsService } from '../services/pdf/documents.service';
import { createPdfRenderer } from '../services/pdf/pdf-renderer';
import { createDemoCertificates } from '../services/signing/demo-certificates';
import { createDocumentSigning } from '../services/signing/document-signing.service';
import { createPkcs12Signer } from '../services/signing/pkcs12-signer';
import { demoCourse, demoCourseActors, demoParticipants, type DemoCourse } from './course-demo-case';
import { demoContract } from './course-demo-contract';
import { message } from './demo';

export interface CourseDemoResult {
  outDir: string;
  files: { contract: string; passList: string; certificates: string[]; noark5: string; caCertificate: string };
  /** The course case's status after each step, starting with the planned course. */
  statuses: string[];
  /** Commands the demo did not carry out itself, and what it skipped. */
  messages: string[];
  /** The certificate e-mails queued, in order (the real app posts them to the server's letters API). */
  emails: Omit<CertificateEmail, 'pdf'>[];
}

export const DEFAULT_DEMO_PARTICIPANTS = 12;
/** Every tenth demo participant fails the written assignment, so the pass list is not everyone. */
const failed = (index: number) => index % 10 === 9;

const REPO_RESOURCES = resolve(import.meta.dirname, '..', '..', 'resources');
const REPO_SCHEMAS = resolve(import.meta.dirname, '..', '..', 'vendor', 'schemas');

/**
 * `npm run admin -- course demo --out DIR [--participants N]`: walks the demo course through the
 * course-delivery workflow, from the planned course to the certificates sent, and runs what each
 * step asks of the laptop with the real services and demo certificates. Writes DIR/contract.pdf
 * (signed by the teaching resource, countersigned by the department head), DIR/bestattliste.csv
 * (the pass list), DIR/certificates/*.pdf (sealed), DIR/noark5/ (the contract and the
 * certificates archived as a Noark 5 package) and DIR/demo-ca.pem.
 */
export async function runCourseDemo(args: { outDir: string; participants?: number; resourcesDir?: string }): Promise<CourseDemoResult> {
  const outDir = resolve(args.outDir);
  const course = demoCourse();
  const participants = demoParticipants(args.participants ?? DEFAULT_DEMO_PARTICIPANTS);
  const passed = participants.filter((_, index) => !failed(index));
  const files: CourseDemoResult['files'] = {
    contract: join(outDir, 'contract.pdf'),
    passList: join(outDir, 'bestattliste.csv'),
    certificates: [],
    noark5: join(outDir, 'noark5'),
    caCertificate: join(outDir, 'demo-ca.pem'),
  };
  await mkdir(join(outDir, 'certificates'), { recursive: true });

  let clock = new Date(course.start.createdAt);
  const now = () => clock;
  const renderer = createPdfRenderer({ resourcesDir: args.resourcesDir ?? REPO_RESOURCES, now });
  const signing = createDocumentSigning({ renderer, location: 'Oslo', now });
  const certificates = createDemoCertificates({
    institution: course.institution.name,
    coordinator: course.departmentHead.name,
    student: course.teachingResource.name,
    now: new Date(),
  });
  await writeFile(files.caCertificate, certificates.caCertificatePem);
  const signer = (holder: 'coordinator' | 'student' | 'seal') =>
    createPkcs12Signer({ pkcs12: certificates[holder].pkcs12, password: async () => certificates[holder].password, label: holder });
  const seal = signer('seal');

  const workDir = await mkdtemp(join(tmpdir(), 'saksflyt-course-demo-'));
  const outbox = await openArchiveOutbox({
    dir: join(workDir, 'outbox'),
    adapters: [
      createNoark5ExportAdapter({
        dir: files.noark5,
        stagingDir: join(workDir, 'noark5-staging'),
        info: { archiveTitle: `${course.institution.name} – Saksflyt (demo)`, creatorId: 'hho-demo', creatorName: course.institution.name },
        now,
        schemasDir: REPO_SCHEMAS,
      }),
    ],
    now,
  });

  let state = course.start;
  const statuses: string[] = [state.status];
  const messages: string[] = [];
  const emails: CourseDemoResult['emails'] = [];

  const store = createDocumentStore(join(workDir, 'documents'));
  const contract = demoContract(
    course,
    createDocumentsService({
      renderer,
      signing,
      store,
      archive: outbox,
      signers: {
        coordinator: async () => signer('coordinator'), // the department head's key on their laptop
        seal: async () => seal,
        student: async () => undefined,
        teachingResource: async () => signer('student'), // the teaching resource's own demo certificate
      },
    }),
    { target: 'noark5', deliver: () => outbox.processDue() },
  );
  const issueCertificates = async () => {
    const result = await runCertificateBatch(
      {
        signing,
        seal: async () => seal,
        store,
        journalDir: join(workDir, 'documents'),
        archive: { outbox, target: 'noark5' },
        now,
        mailer: async ({ pdf: _attached, ...email }) => {
          emails.push(email);
        },
      },
      certificateBatchInput(course, state, passed, clock),
    );
    for (const document of result.documents) {
      const file = join(outDir, 'certificates', document.fileName);
      await writeFile(file, await store.get(document.documentId));
      files.certificates.push(file);
    }
    await outbox.processDue();
    messages.push(`${result.issued} certificates sealed, archived (Noark 5) and queued for e-mail`);
  };

  // The laptop's side of each step; what the server would do is listed.
  const ports: Ports<'laptop', void, string> = {
    renderDocument: async (command) => {
      if (command.document === 'certificate') await issueCertificates();
      return [];
    },
    requestSignature: (command) => [`${command.document} sent for signature (${command.method})`],
    archive: async (command) => {
      if (command.document !== 'contract') throw new AppError('internal', `The course demo archives no ${command.document}`);
      return [await contract.countersignAndArchive(state, files.contract)];
    },
    closeCaseFolder: async (command) => {
      await outbox.enqueueClosure({ caseId: state.id, caseNumber: state.caseNumber, closedAt: clock.toISOString(), closedBy: course.departmentHead.name });
      await outbox.processDue();
      return [message(command)];
    },
    createTask: (command) => [message(command)],
    letter: (command) => [message(command)],
  };
  const runner = new CommandRunner('laptop', ports);

  async function step(at: string, actor: Actor, event: (at: string) => CourseDeliveryEvent): Promise<void> {
    clock = new Date(at);
    const result = transition(state, event(at), actor);
    if (!result.ok) throw new AppError('precondition', `Course demo step refused (${result.reason}): ${result.message}`);
    state = { ...result.state, updatedAt: at, updatedBy: actor.userId };
    statuses.push(state.status);
    const { reports, handedOver } = await runner.run(result.commands, undefined);
    messages.push(...reports, ...handedOver.map(({ command }) => message(command)));
  }
  /** A plain edit of the case, as the app records it (the workflow checks edits only on sync). */
  function edit(at: string, actor: Actor, details: Partial<CourseDeliveryCase['details']>): void {
    clock = new Date(at);
    state = { ...state, details: { ...state.details, ...details }, updatedAt: at, updatedBy: actor.userId };
  }

  try {
    const { head, teacher, consultant } = demoCourseActors(course);
    await step('2026-08-18T08:00:00.000Z', head, (at) => ({ type: 'sendContract', at, documentId: `${course.start.id}-contract` }));
    await step('2026-08-20T12:00:00.000Z', teacher, (at) => ({ type: 'signContract', at }));
    messages.push(await contract.sign(state, clock.toISOString()));
    await step('2026-08-21T08:00:00.000Z', head, (at) => ({ type: 'archiveContract', at }));
    await step('2026-08-25T08:00:00.000Z', consultant, (at) => ({
      type: 'publish',
      at,
      url: 'https://www.hho.example.no/evu/veiledning',
      registrationUrl: 'https://www.hho.example.no/evu/veiledning/pamelding',
    }));
    await step('2026-09-14T08:00:00.000Z', consultant, (at) => ({
      type: 'prepareLms',
      at,
      canvasCourseId: '40107',
      videoRoomUrl: 'https://hho.example.no/video/evu-vei-h26',
    }));
    edit('2026-09-20T08:00:00.000Z', head, { applications: { handledAt: '2026-09-20T08:00:00.000Z', admitted: participants.length, waitlisted: 0 } });
    await step('2026-09-25T08:00:00.000Z', consultant, (at) => ({ type: 'enrol', at, participants: participants.length }));
    await step('2026-10-05T08:00:00.000Z', consultant, (at) => ({ type: 'start', at }));
    await step('2026-11-20T14:00:00.000Z', consultant, (at) => ({
      type: 'evaluate',
      at,
      responseRate: 75,
      findings: 'Deltakerne ønsker mer tid til veiledningsøvelser.',
    }));
    await step('2026-12-18T10:00:00.000Z', teacher, (at) => ({
      type: 'grade',
      at,
      submissionDeadline: '2026-12-04',
      passed: passed.length,
      failed: participants.length - passed.length,
    }));
    await writeFile(files.passList, passListCsv(participants));
    messages.push(`pass list: ${passed.length} of ${participants.length} passed`);
    edit('2026-12-19T09:00:00.000Z', head, { certificateText: { writtenAt: '2026-12-19T09:00:00.000Z', text: course.certificateText } });
    await step('2026-12-21T09:00:00.000Z', consultant, (at) => ({ type: 'issueCertificates', at }));
    await step('2027-01-11T09:00:00.000Z', head, (at) => ({ type: 'close', at }));
  } finally {
    await outbox.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  return { outDir, files, statuses, messages, emails };
}

/** The batch's input from the course case as it stands when the certificates are issued. */
export function certificateBatchInput(course: DemoCourse, state: CourseDeliveryCase, passed: CertificateParticipant[], at: Date): CertificateBatchInput {
  const details = state.details;
  return {
    institution: course.institution,
    date: at.toISOString().slice(0, 10),
    course: {
      code: details.course.code,
      name: details.course.name,
      credits: details.course.credits,
      hours: course.hours,
      startDate: details.course.startDate,
      endDate: details.course.endDate,
    },
    certificateText: details.certificateText?.text ?? course.certificateText,
    issuedBy: course.departmentHead,
    courseCase: {
      id: state.id,
      caseNumber: state.caseNumber,
      title: state.title,
      institution: course.institution.name,
      department: course.institution.department,
      responsible: course.consultant.name,
      openedAt: state.createdAt,
    },
    participants: passed,
  };
}

/** The pass list (beståttliste) as Excel in Norway opens it: semicolons, UTF-8 with a byte-order mark. */
function passListCsv(participants: readonly CertificateParticipant[]): string {
  const rows = participants.map((participant, index) => [
    participant.id,
    participant.name,
    participant.birthDate,
    participant.email,
    failed(index) ? 'Ikke bestått' : 'Bestått',
  ]);
  return `\uFEFF${Papa.unparse([['Deltaker', 'Navn', 'Fødselsdato', 'E-post', 'Resultat'], ...rows], { delimiter: ';', newline: '\r\n' })}\r\n`;
}

export const COURSE_USAGE = 'course demo --out DIR [--participants N]';

/** Parses `course demo --out DIR [--participants N]` (the arguments after "course"), runs it and prints a summary; returns the exit code. */
export async function courseCommand(argv: readonly string[], print: (line: string) => void = console.log): Promise<number> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    const value = at >= 0 ? argv[at + 1] : undefined;
    return value && !value.startsWith('--') ? value : undefined;
  };
  const outDir = option('--out');
  const count = argv.includes('--participants') ? Number(option('--participants')) : DEFAULT_DEMO_PARTICIPANTS;
  if (argv[0] !== 'demo' || !outDir || !Number.isInteger(count) || count < 1 || count > 10_000) {
    print(`Usage: npm run admin -- ${COURSE_USAGE}`);
    return 2;
  }
  const result = await runCourseDemo({ outDir, participants: count });
  print(`Demo course: ${result.statuses.join(' → ')}`);
  print(`  wrote ${result.files.contract}`);
  print(`  wrote ${result.files.passList}`);
  print(`  wrote ${result.files.certificates.length} certificates in ${join(result.outDir, 'certificates')}`);
  print(`  wrote ${result.files.noark5}`);
  print(`  wrote ${result.files.caCertificate}`);
  for (const line of result.messages) print(`  ${line}`);
  return 0;
}
