import { vi } from 'vitest';
import { courseDeliveryStart } from '../../../dev/testing/fixtures';
import { integrationAdapters, readEnv } from '../../../src-server/config';
import type { Job } from '../../../src-server/jobs/job';
import { createSqlEmailOutboxStore } from '../../../src-server/notifications/sql-email-outbox-store';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import {
  courseDeliveryWorkflow,
  type CourseDeliveryCase,
  type CourseDeliveryDetails,
  type CourseDeliveryEvent,
  type CourseDeliveryStatus,
} from '../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../src-shared/domain/course-delivery/participants';
import { startCanvasStandIn, type CanvasStandIn } from '../../stand-ins/canvas-server';
import { mailHeader, mailText, startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * A course delivery over real HTTP: the app on PGlite with its job worker and e-mail outbox, the
 * Canvas stand-in behind the Canvas adapter (config.ts, as `npm run server` builds it) and the
 * SMTP stand-in. Staff push steps and edits as laptops do.
 */
export const TOKEN = 'canvas-test-token';
export const ACCOUNT_ID = '1';
export const MAIL_DOMAIN = 'hvl.example.no';

export interface CourseWorld {
  server: TestServer;
  canvas: CanvasStandIn;
  smtp: SmtpStandIn;
  head: Actor;
  consultant: Actor;
  teacher: Actor;
  close(): Promise<void>;
}

export const TEACHER_EMAIL = 'lars.oien@hvl.example.no';

/** The world; `token` is the server's CANVAS_TOKEN (the stand-in takes TOKEN), `withCanvas: false` leaves CANVAS_* unset. */
export async function startCourseWorld(options: { token?: string; withCanvas?: boolean } = {}): Promise<CourseWorld> {
  const canvas = await startCanvasStandIn({ token: TOKEN, accountId: ACCOUNT_ID, pageSize: 2 });
  const smtp = await startSmtpStandIn();
  const env = readEnv(options.withCanvas === false ? {} : { CANVAS_URL: canvas.url, CANVAS_TOKEN: options.token ?? TOKEN, CANVAS_ACCOUNT_ID: ACCOUNT_ID });
  const server = await startTestServer({
    smtp: { url: smtp.url, from: `Saksflyt <saksflyt@${MAIL_DOMAIN}>`, pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
    jobs: { pollMs: 50, backoff: { baseMs: 100, maxMs: 400 }, adapters: integrationAdapters(env) },
  });
  const helse = scope({ departments: ['helse'] });
  const head = await server.addUser({ username: 'per', name: 'Per Hansen', email: `per.hansen@${MAIL_DOMAIN}`, roles: ['departmentHead'], scope: helse });
  const consultant = await server.addUser({
    username: 'siri',
    name: 'Siri Dahl',
    email: `siri.dahl@${MAIL_DOMAIN}`,
    roles: ['operationsConsultant'],
    scope: helse,
  });
  const teacher = await server.addUser({ username: 'lars', name: 'Lars Øien', email: TEACHER_EMAIL, roles: ['teacher'], scope: helse });
  canvas.addUser({ name: 'Lars Øien', login_id: TEACHER_EMAIL });
  return {
    server,
    canvas,
    smtp,
    head,
    consultant,
    teacher,
    async close() {
      await server.close();
      await smtp.close();
      await canvas.close();
    },
  };
}

const registered = (id: string, name: string, email: string): Participant => ({
  id,
  name,
  email,
  birthDate: '1980-04-02',
  phone: '+47 912 34 567',
  employer: 'Fjordheim kommune',
  invoiceAddress: { name: 'Fjordheim kommune', organisationNumber: '964338531', address: 'Postboks 1, 6800 Førde' },
  registeredAt: '2026-09-02T10:00:00.000Z',
  status: 'registered',
});

/** Four registrations, names with æøå. */
export const people = {
  aase: registered('participant-aase', 'Åse Ødegård', 'aase.odegard@example.no'),
  kjaersti: registered('participant-kjaersti', 'Kjærsti Ødegård-Åsheim', 'kjaersti@example.no'),
  bjorn: registered('participant-bjorn', 'Bjørn Ærø', 'bjorn.aero@example.no'),
  oystein: registered('participant-oystein', 'Øystein Lie', 'oystein.lie@example.no'),
};

let stored = 0;
/** A published course with its teaching resource and four registrations, stored on the server. */
export async function storeCourse(world: CourseWorld, status: CourseDeliveryStatus = 'published'): Promise<CourseDeliveryCase> {
  stored += 1;
  const start = courseDeliveryStart();
  const details: CourseDeliveryDetails = {
    ...start.details,
    course: { ...start.details.course, name: 'Veiledning av studenter i praksis – Førde' },
    teachingResource: { userId: world.teacher.userId, name: world.teacher.name },
    landingPage: {
      publishedAt: start.createdAt,
      url: 'https://www.hvl.example.no/evu/vei',
      registrationUrl: 'https://www.hvl.example.no/evu/vei/p',
      sessionPlanPublished: true,
    },
    participants: Object.values(people),
  };
  const c: CourseDeliveryCase = {
    ...start,
    id: `course-${stored}-${Date.now()}`,
    caseNumber: `2026/0${stored}321`,
    institution: 'hvl',
    assignees: [world.head.userId, world.teacher.userId],
    createdBy: world.head.userId,
    updatedBy: world.head.userId,
    status,
    details,
  };
  await importDocuments(world.server.db, collection('cases'), [c], { actorId: null, action: 'test' });
  return c;
}

const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;

let last = 0;
/** Now, strictly after the last timestamp given. */
export function clock(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}

export async function storedCase(world: CourseWorld, caseId: string): Promise<CourseDeliveryCase> {
  return (await world.server.app.saksflyt.steps.caseById(caseId)) as CourseDeliveryCase;
}

/** Pushes `after` over the stored case as `actor`'s laptop does; fails on a conflict or rejection. */
export async function push(world: CourseWorld, actor: Actor, after: Case): Promise<void> {
  const before = await storedCase(world, after.id);
  const session = await world.server.login(usernameOf(world, actor));
  const response = await fetch(`${world.server.url}/sync/cases/v${schemaVersionOf('cases')}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify({ rows: [{ assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } }] }),
  });
  const answer = (await response.json()) as { conflicts: unknown[]; rejections: unknown[] };
  if (response.status !== 200 || answer.conflicts.length || answer.rejections.length) throw new Error(`push refused: ${JSON.stringify(answer)}`);
}

const usernameOf = (world: CourseWorld, actor: Actor) =>
  actor.userId === world.head.userId ? 'per' : actor.userId === world.consultant.userId ? 'siri' : 'lars';

type EventInput = CourseDeliveryEvent extends infer E ? (E extends CourseDeliveryEvent ? Omit<E, 'at'> : never) : never;

/** `actor` takes a step on their laptop (the stored case) and pushes it. */
export async function pushStep(world: CourseWorld, actor: Actor, caseId: string, event: EventInput): Promise<CourseDeliveryCase> {
  const result = courseDeliveryWorkflow.transition(await storedCase(world, caseId), { ...event, at: clock() } as CourseDeliveryEvent, actor);
  if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
  await push(world, actor, result.state);
  return result.state;
}

/** A plain edit of the case's details by `actor`, pushed. */
export async function pushEdit(world: CourseWorld, actor: Actor, caseId: string, change: (details: CourseDeliveryDetails) => Partial<CourseDeliveryDetails>) {
  const before = await storedCase(world, caseId);
  await push(world, actor, { ...before, details: { ...before.details, ...change(before.details) }, updatedAt: clock(), updatedBy: actor.userId });
}

const integration = (job: Job) => `${String(job.payload.system)}.${String(job.payload.operation)}`;

/** The case's integration jobs of `operation` (e.g. 'canvas.course.create'). */
export async function jobsOf(world: CourseWorld, caseId: string, operation: string): Promise<Job[]> {
  return (await world.server.app.saksflyt.jobs.forCase(caseId)).filter((job) => integration(job) === operation);
}

/** Waits until the case has `count` jobs of `operation` (at least) and the latest is in `state`. */
export function waitForJob(world: CourseWorld, caseId: string, operation: string, state: Job['state'] = 'done', count = 1): Promise<Job> {
  return vi.waitFor(
    async () => {
      const jobs = await jobsOf(world, caseId, operation);
      const latest = jobs.at(-1);
      if (jobs.length < count || latest?.state !== state) throw new Error(`${operation}: ${JSON.stringify(jobs.map((j) => [j.state, j.lastError]))}`);
      return latest;
    },
    { timeout: 15_000, interval: 50 },
  );
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** What the SMTP stand-in received for `address`, decoded. */
export function mailsTo(world: CourseWorld, address: string): Mail[] {
  return world.smtp.received
    .filter((mail: ReceivedMail) => mail.to.includes(address))
    .map((mail) => ({ to: mail.to, subject: mailHeader(mail.raw, 'Subject') ?? '', text: mailText(mail.raw).replaceAll('\r\n', '\n').trimEnd() }));
}

/** Waits until every address has received an e-mail whose subject matches; the first of each. */
export function waitForMails(world: CourseWorld, addresses: string[], subject: RegExp): Promise<Mail[]> {
  return vi.waitFor(
    () =>
      addresses.map((address) => {
        const mail = mailsTo(world, address).find((candidate) => subject.test(candidate.subject));
        if (!mail) throw new Error(`${address} has no e-mail matching ${subject}`);
        return mail;
      }),
    { timeout: 15_000, interval: 50 },
  );
}

/** What the server queued in its e-mail outbox for `address` (sent or not): what it decided to send. */
export async function outboxTo(world: CourseWorld, address: string) {
  return (await createSqlEmailOutboxStore(world.server.db).list()).filter((message) => message.to.includes(address));
}
