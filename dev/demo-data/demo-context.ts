import { externalRoles, roleLabels, type Actor, type Role } from '../../src-shared/domain/access/roles';
import { NO_DEADLINE, type Case } from '../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../src-shared/domain/case/case-type';
import { nextDeadlineOf } from '../../src-shared/domain/case/deadline';
import { fromEpochDay, isoTimestampOf, parseIsoDate, toEpochDay } from '../../src-shared/domain/calendar/iso-date';
import type { CaseDocument } from '../../src-shared/domain/document/document.schema';
import { generateNationalId } from '../../src-shared/domain/national-id/generate-national-id';
import type { Note } from '../../src-shared/domain/note/note.schema';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { Task } from '../../src-shared/domain/task/task.schema';
import type { Command } from '../../src-shared/domain/workflow/command.schema';
import type { Deadline, Workflow, WorkflowCase, WorkflowEvent } from '../../src-shared/domain/workflow/workflow';
import { demoUsers, type DemoUser } from './demo-users';
import { emailLocalPart, fullName, type PersonName } from './names';
import { INSTITUTION } from './organisation';
import { mulberry32, Rng } from './prng';

export const DAY = 86_400_000;
const MINUTE = 60_000;

export const HOUR = 3_600_000;
/** The most an open demo case is overdue. */
export const MAX_OVERDUE_DAYS = 28;
export const iso = isoTimestampOf;

/** The calendar date `days` after a moment. */
export const dateAfter = (ms: number, days: number) => fromEpochDay(Math.floor(ms / DAY) + days);

/** Midnight UTC at the start of a calendar date. */
export const startOf = (isoDate: string) => toEpochDay(parseIsoDate(isoDate)) * DAY;

/** The first Monday on or after an epoch day (epoch day 0 was a Thursday). */
export const mondayFrom = (epochDay: number) => epochDay + ((8 - ((epochDay + 4) % 7)) % 7);

/** The demo accounts, looked up by the scope a case needs. */
export class DemoDirectory {
  readonly users = demoUsers();
  private readonly byId = new Map(this.users.map((u) => [u.userId, u]));

  get(id: string): DemoUser {
    const user = this.byId.get(id);
    if (!user) throw new Error(`No demo user ${id}`);
    return user;
  }

  rector = () => this.get('u-rektor');
  consultant = () => this.get('u-driftskonsulent');
  caseOfficer = () => this.get('u-studiekonsulent');
  placementAdmin = () => this.get('u-praksisadmin');
  head = (department: string) => this.get(`u-avdleder-${department}`);
  coordinator = (department: string) => this.get(`u-kullkoord-${department}`);
  teacher = (department: string, n: 1 | 2) => this.get(`u-laerer-${department}-${n}`);
  nominator = (partnerId: string) => this.get(`u-nominator-${partnerId.replace('partner-', '')}`);
  siteCoordinator = (siteId: string) => this.get(`u-praksiskoord-${siteId.replace('site-', '')}`);
  siteSupervisor = (siteId: string) => this.get(`u-praksisveileder-${siteId.replace('site-', '')}`);

  /** The demo user who would act in `role` on the case, if any. */
  forRole(role: Role, c: Case): string | undefined {
    switch (role) {
      case 'cohortCoordinator':
        return this.coordinator(c.department).userId;
      case 'departmentHead':
        return this.head(c.department).userId;
      case 'rector':
        return this.rector().userId;
      case 'operationsConsultant':
        return this.consultant().userId;
      case 'caseOfficer':
        return this.caseOfficer().userId;
      case 'placementAdmin':
        return this.placementAdmin().userId;
      case 'nominator':
        return this.nominator(c.cohort).userId;
      case 'siteCoordinator':
        return this.siteCoordinator(c.cohort).userId;
      case 'siteSupervisor':
        return this.siteSupervisor(c.cohort).userId;
      case 'student':
      case 'applicant':
        return c.subjectPersonId || undefined;
      case 'teacher':
        return c.assignees.find((id) => id.startsWith('u-laerer-')) ?? c.createdBy;
    }
  }
}

/** Everything generated so far, plus the shared random source and clock. */
export class DemoContext {
  readonly cases: Case[] = [];
  readonly people: Person[] = [];
  readonly notes: Note[] = [];
  readonly tasks: Task[] = [];
  readonly documents: CaseDocument[] = [];
  readonly directory = new DemoDirectory();
  /** Indexes into `cases` of open follow-up cases, per cohort (targets for joined reports). */
  readonly openFollowUps = new Map<string, number[]>();
  private readonly peopleById = new Map<string, Person>();

  constructor(
    public rng: Rng,
    /** Milliseconds since the epoch: nothing happens after this. */
    readonly now: number,
  ) {}

  /**
   * Starts a new random sequence for the next case, from the data set's seed and the case's place,
   * so a change in how one case type is generated leaves every other case as it was.
   */
  startCase(seed: number, seq: number): void {
    this.rng = new Rng(mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(seq + 1, 0x85ebca6b)));
  }

  /** A time `minDays`–`maxDays` after `from`, on a weekday between 07:00 and 14:00 UTC, always after `from`. */
  advance(from: number, minDays: number, maxDays: number): number {
    let day = Math.floor(from / DAY) + this.rng.int(minDays, maxDays);
    while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++; // epoch day 0 was a Thursday
    const at = day * DAY + 7 * HOUR + this.rng.int(0, 7 * 60) * MINUTE;
    return at > from ? at : from + this.rng.int(5, 90) * MINUTE;
  }

  /** A person with a synthetic national ID (Skatteetaten's test series), aged 19–`maxAge`. */
  addPerson(options: {
    id?: string;
    name: PersonName;
    kind: 'fnr' | 'dnr';
    /** A given test number (the seed's FS test persons) instead of a generated one. */
    nationalId?: string;
    institution: string;
    emailDomain: string;
    at: number;
    maxAge?: number;
  }): Person {
    const ageDays = this.rng.int(19 * 365, (options.maxAge ?? 45) * 365);
    const birthDate = fromEpochDay(Math.floor(options.at / DAY) - ageDays);
    const person: Person = {
      id: options.id ?? `person-${String(this.people.length + 1).padStart(6, '0')}`,
      givenName: options.name.givenName,
      familyName: options.name.familyName,
      nationalId: options.nationalId ?? generateNationalId({ random: this.rng.next, birthDate, kind: options.kind }),
      email: `${emailLocalPart(options.name)}@${options.emailDomain}`,
      institution: options.institution,
      cohorts: [],
      updatedAt: iso(options.at),
    };
    this.people.push(person);
    this.peopleById.set(person.id, person);
    return person;
  }

  /** Records that the person belongs to these cohorts and courses (their teachers receive them). */
  enrol(person: Person, codes: readonly string[]): void {
    for (const code of codes) if (!person.cohorts.includes(code)) person.cohorts.push(code);
  }

  person(id: string): Person {
    const person = this.peopleById.get(id);
    if (!person) throw new Error(`No demo person ${id}`);
    return person;
  }

  /** A note on a case: internal unless `visibility` shares it with the case's external party. */
  addNote(caseId: string, author: Actor, at: number, text: string, agreedMeasure?: Note['agreedMeasure'], visibility: Note['visibility'] = 'internal'): Note {
    const count = this.notesPerCase.get(caseId) ?? 0;
    this.notesPerCase.set(caseId, count + 1);
    const note: Note = {
      id: `${caseId}-n${count + 1}`,
      caseId,
      authorId: author.userId,
      authorName: author.name,
      createdAt: iso(at),
      text,
      visibility,
      ...(agreedMeasure ? { agreedMeasure } : {}),
    };
    this.notes.push(note);
    return note;
  }

  noteCount(caseId: string): number {
    return this.notesPerCase.get(caseId) ?? 0;
  }

  private readonly notesPerCase = new Map<string, number>();
}

export function personActor(person: Person, role: 'student' | 'applicant'): Actor {
  return {
    userId: person.id,
    name: fullName(person),
    roles: [role],
    scope: { institution: INSTITUTION.id, departments: [], cohorts: [], partners: [] },
  };
}

const documentTitles: Record<string, string> = {
  'followUp.summons': 'Innkalling til oppfølgingssamtale',
  'followUp.protocol': 'Protokoll fra oppfølgingssamtale',
  'followUp.decision': 'Vedtak om videre studier',
  'approval.decision': 'Vedtak i godkjenningssak',
  'courseDelivery.contract': 'Kontrakt for undervisningsoppdrag',
  'courseDelivery.certificate': 'Kursbevis',
};

export interface NewCase<S extends string, D> {
  id: string;
  seq: number;
  type: CaseType;
  title: string;
  status: S;
  department: string;
  cohort: string;
  subjectPersonId: string;
  creator: Actor;
  createdAt: number;
  assignees: string[];
  deadlines: Deadline[];
  details: D;
  /** Walk no further than this status (fixed demo cases); such cases never stall. */
  stopAt?: S;
}

/**
 * One case walked through its workflow with the real transition rules (`replay`: roles, scope and
 * preconditions are enforced; a refused step is a bug in the demo scenario). The commands of each
 * step are carried out on the demo records: rendered documents, seals and archiving.
 */
export class CaseRun<S extends string, D, E extends WorkflowEvent> {
  state: WorkflowCase<S, D>;
  clock: number;
  private readonly stopAt: S | undefined;
  private archived = 0;
  private readonly documents = new Map<CaseDocument['kind'], CaseDocument>();

  constructor(
    private readonly ctx: DemoContext,
    private readonly workflow: Workflow<S, D, E>,
    init: NewCase<S, D>,
  ) {
    const createdAt = iso(init.createdAt);
    this.clock = init.createdAt;
    this.stopAt = init.stopAt;
    this.state = {
      id: init.id,
      type: init.type,
      caseNumber: `${createdAt.slice(0, 4)}/${String(init.seq).padStart(5, '0')}`,
      title: init.title,
      status: init.status,
      institution: INSTITUTION.id,
      department: init.department,
      cohort: init.cohort,
      subjectPersonId: init.subjectPersonId,
      assignees: init.assignees,
      deadlines: init.deadlines,
      nextDeadline: nextDeadlineOf(init.deadlines),
      details: init.details,
      createdAt,
      createdBy: init.creator.userId,
      updatedAt: createdAt,
      updatedBy: init.creator.userId,
    };
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * Fires the event `minDays`–`maxDays` after the last one (not before `notBefore`). Returns false,
   * leaving the case where it is, when that moment is after now or the case stalls there.
   */
  step(actor: Actor, days: [number, number], build: (at: string, ms: number) => E, notBefore = 0, stall = 0.06): boolean {
    if (this.state.status === this.stopAt) return false;
    const at = Math.max(this.ctx.advance(this.clock, days[0], days[1]), notBefore);
    if (at > this.ctx.now || (this.mayStall() && this.ctx.rng.chance(stall))) return false;
    const result = this.workflow.replay(this.state, build(iso(at), at), actor);
    if (!result.ok) throw new Error(`Demo scenario broke the ${this.state.type} workflow: ${result.reason}: ${result.message}`);
    this.state = result.state;
    this.clock = at;
    for (const command of result.commands) this.carryOut(command, actor, at);
    return true;
  }

  /**
   * Whether the case may be left waiting where it is: not a fixed case, and its next deadline at
   * most MAX_OVERDUE_DAYS past (a demo's overdue cases are weeks late, not months).
   */
  /**
   * A step at a set moment (a meeting's time), drawing nothing from the random sequence, so the
   * cases generated after it stay as they were; false when the moment is after now.
   */
  stepAt(actor: Actor, at: number, build: (at: string, ms: number) => E): boolean {
    if (this.state.status === this.stopAt || at > this.ctx.now) return false;
    const result = this.workflow.replay(this.state, build(iso(at), at), actor);
    if (!result.ok) throw new Error(`Demo scenario broke the ${this.state.type} workflow: ${result.reason}: ${result.message}`);
    // The clock stays: the next step is drawn from the same moment as before this one existed.
    this.state = result.state;
    for (const command of result.commands) this.carryOut(command, actor, at);
    return true;
  }

  private mayStall(): boolean {
    return this.stopAt === undefined && this.state.nextDeadline >= dateAfter(this.ctx.now, -MAX_OVERDUE_DAYS);
  }

  /** A plain edit (no status change) by `actor`; false when its moment is after now. */
  edit(actor: Actor, days: [number, number], change: (details: D, at: string) => D): boolean {
    const at = this.ctx.advance(this.clock, days[0], days[1]);
    if (at > this.ctx.now) return false;
    this.state = { ...this.state, details: change(this.state.details, iso(at)), updatedAt: iso(at), updatedBy: actor.userId };
    this.clock = at;
    return true;
  }

  /** Adds a signature to one of the case's documents. */
  sign(kind: CaseDocument['kind'], signer: string): void {
    this.documentOf(kind)?.signatures.push({ signer, signedAt: iso(this.clock) });
  }

  /**
   * Stores the case with its notes (topped up to 2–4 from `texts`, written by `authors` between
   * creation and the last step, every second one shared with the party) and, while it is open, a task for whoever acts next.
   */
  finish(authors: readonly Actor[], texts: readonly string[]): Case {
    const { ctx, state } = this;
    const c = state as unknown as Case;
    const wanted = ctx.rng.int(2, 4) - ctx.noteCount(c.id);
    const from = Date.parse(c.createdAt);
    const until = Math.min(ctx.now, Math.max(this.clock, from + 3 * DAY));
    const times = Array.from({ length: Math.max(0, wanted) }, () => from + Math.floor(ctx.rng.next() * (until - from)));
    // Every second note of a case is shared with its external party; the others stay internal.
    for (const at of times.sort((a, b) => a - b)) {
      ctx.addNote(c.id, ctx.rng.pick(authors), at, ctx.rng.pick(texts), undefined, ctx.noteCount(c.id) % 2 === 1 ? 'shared' : 'internal');
    }

    if (!this.workflow.terminal.includes(state.status)) {
      // The next step on the main path (workflows declare it first): its staff role gets the task;
      // when only outsiders can take it, the case's handler gets a task to wait for them.
      const next = this.workflow.statusChanges.find((s) => s.from === state.status && !s.serverOnly)!;
      const staffRole = next.roles.find((r) => !externalRoles.includes(r));
      ctx.tasks.push({
        id: `${c.id}-t1`,
        caseId: c.id,
        title: staffRole ? (this.workflow.eventLabel(next.event)?.nb ?? c.title) : `Venter på ${roleLabels[next.roles[0]!].nb.toLowerCase()}`,
        assigneeId: (staffRole && ctx.directory.forRole(staffRole, c)) || c.assignees[0] || c.createdBy,
        due: c.nextDeadline === NO_DEADLINE ? fromEpochDay(Math.floor(this.clock / DAY) + 7) : c.nextDeadline,
        done: false,
        createdAt: c.updatedAt,
        updatedAt: c.updatedAt,
      });
    }
    ctx.cases.push(c);
    return c;
  }

  private documentOf(kind: CaseDocument['kind']): CaseDocument | undefined {
    return this.documents.get(kind);
  }

  private carryOut(command: Command, actor: Actor, at: number): void {
    if (command.type === 'renderDocument' && !this.documentOf(command.document)) {
      const document: CaseDocument = {
        id: `${this.state.id}-${command.document}`,
        caseId: this.state.id,
        kind: command.document,
        title: documentTitles[command.template] ?? command.template,
        sha256: this.ctx.rng.hex64(),
        signatures: [],
        archiveState: 'not-archived',
        archiveReference: '',
        createdAt: iso(at),
        createdBy: actor.userId,
      };
      this.documents.set(command.document, document);
      this.ctx.documents.push(document);
    } else if (command.type === 'requestSignature' && command.method === 'seal') {
      this.sign(command.document, `${INSTITUTION.name} (elektronisk segl)`);
    } else if (command.type === 'archive') {
      const document = this.documentOf(command.document);
      if (!document) return;
      this.archived += 1;
      document.archiveState = 'archived';
      document.archiveReference = `${this.state.caseNumber.replace('/', '/0')}-${this.archived}`;
    }
  }
}
