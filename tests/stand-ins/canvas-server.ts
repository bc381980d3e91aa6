import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Canvas LMS, with bearer-token auth, recording every request (method, URL,
 * token, JSON body):
 * - GET /api/v1/courses/:id/students/submissions with student_ids[]=all&grouped=true (and
 *   include[]=assignment) over the `courses` option, with Canvas-style pagination — at most
 *   `pageSize` students per page whatever per_page asks, and a Link header with rel="current",
 *   "next", "first" and "last" (the laptop's follow-up reads it);
 * - stateful, for the server's course delivery: courses (POST /accounts/:id/courses, GET
 *   /courses/:id or sis_course_id:…), users (POST /accounts/:id/users, GET /users/sis_user_id:… or
 *   sis_login_id:…), enrolments with the grades a test sets (GET/POST /courses/:id/enrollments) and
 *   announcements (GET/POST /courses/:id/discussion_topics), lists paged by the same Link headers.
 * `answerAll(503)` makes it answer every request so (Canvas down); `answerMalformed(true)` makes
 * its lists answer objects without their fields.
 */
export interface CanvasAssignment {
  id: number;
  name: string;
  due_at: string | null;
}

export interface CanvasStudentSubmissions {
  user_id: number;
  sis_user_id: string | null;
  submissions: Array<Record<string, unknown> & { assignment_id: number; workflow_state: string }>;
}

export interface CanvasCourseRecord {
  id: number;
  account_id: string;
  name: string;
  course_code: string;
  start_at: string | null;
  end_at: string | null;
  sis_course_id: string | null;
}

export interface CanvasUserRecord {
  id: number;
  name: string;
  /** The pseudonym's login (unique_id); GET /users/sis_login_id:… finds it. */
  login_id: string;
  sis_user_id: string | null;
}

export interface CanvasEnrollmentRecord {
  id: number;
  course_id: number;
  user_id: number;
  type: string;
  enrollment_state: string;
}

export interface CanvasTopicRecord {
  id: number;
  course_id: number;
  title: string;
  message: string;
  is_announcement: boolean;
}

export interface CanvasGrades {
  final_score: number | null;
  final_grade: string | null;
}

export interface CanvasStandIn {
  url: string;
  requests: { method: string; path: string; query: URLSearchParams; authorization: string | undefined; body?: unknown }[];
  courses: CanvasCourseRecord[];
  users: CanvasUserRecord[];
  enrollments: CanvasEnrollmentRecord[];
  topics: CanvasTopicRecord[];
  /** A user made in Canvas by hand (e.g. the teacher, who logs in with their e-mail). */
  addUser(user: { name: string; login_id: string; sis_user_id?: string }): CanvasUserRecord;
  /** The course grade of a student, by their login. */
  setGrades(courseId: number, login: string, grades: Partial<CanvasGrades>): void;
  /** Answers every request with this status (e.g. 503) until called with undefined. */
  answerAll(status: number | undefined): void;
  answerMalformed(on: boolean): void;
  close(): Promise<void>;
}

export async function startCanvasStandIn(options: {
  token: string;
  /** Courses the submissions endpoint serves, by id. */
  courses?: Record<string, { assignments: CanvasAssignment[]; students: CanvasStudentSubmissions[] }>;
  /** Most items a page holds (default 10). */
  pageSize?: number;
  /** Host written into Link headers; defaults to the stand-in itself. */
  linkOrigin?: string;
  /** The account courses and users may be created in (default '1'). */
  accountId?: string;
}): Promise<CanvasStandIn> {
  const requests: CanvasStandIn['requests'] = [];
  const pageSize = options.pageSize ?? 10;
  const state = new CanvasState(options.accountId ?? '1');
  let answerAll: number | undefined;
  let malformed = false;
  let origin = '';
  const pageLinks = (url: URL, page: number, perPage: number, lastPage: number) => {
    const link = (target: number, rel: string) => {
      const linkUrl = new URL(url.pathname, options.linkOrigin ?? origin);
      linkUrl.search = url.search;
      linkUrl.searchParams.set('page', String(target));
      linkUrl.searchParams.set('per_page', String(perPage));
      return `<${linkUrl.href}>; rel="${rel}"`;
    };
    return [link(page, 'current'), ...(page < lastPage ? [link(page + 1, 'next')] : []), link(1, 'first'), link(lastPage, 'last')].join(',');
  };
  /** One page of a list, Canvas-style. */
  const sendPage = (response: ServerResponse, url: URL, items: unknown[]) => {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), pageSize);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    response.setHeader('link', pageLinks(url, page, perPage, lastPage));
    const body = items.slice((page - 1) * perPage, page * perPage);
    send(response, 200, malformed ? body.map(() => ({ id: 'not-a-number' })) : body);
  };

  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      requests.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: request.headers.authorization, body });
      if (answerAll) return send(response, answerAll, { errors: [{ message: `The stand-in answers ${answerAll}` }] });
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        return send(response, 401, { errors: [{ message: 'Invalid access token.' }] });
      }
      const answer = state.route(request.method ?? 'GET', url, body);
      if (answer === 'submissions') return submissions(response, url);
      if (answer.list) return sendPage(response, url, answer.list);
      send(response, answer.status, answer.body);
    });
  });

  function submissions(response: ServerResponse, url: URL) {
    const match = /^\/api\/v1\/courses\/([^/]+)\/students\/submissions$/.exec(url.pathname);
    const course = match ? options.courses?.[decodeURIComponent(match[1] ?? '')] : undefined;
    if (!course) return send(response, 404, { errors: [{ message: 'The specified resource does not exist.' }] });
    if (url.searchParams.get('grouped') !== 'true' || !url.searchParams.getAll('student_ids[]').includes('all')) {
      return send(response, 400, { errors: [{ message: 'This stand-in serves only student_ids[]=all&grouped=true' }] });
    }
    const includeAssignment = url.searchParams.getAll('include[]').includes('assignment');
    const students = course.students.map((student) => ({
      ...student,
      section_id: 1,
      integration_id: null,
      submissions: student.submissions.map((submission) => ({
        ...submission,
        user_id: student.user_id,
        ...(includeAssignment ? { assignment: course.assignments.find((assignment) => assignment.id === submission.assignment_id) } : {}),
      })),
    }));
    sendPage(response, url, students);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    courses: state.courses,
    users: state.users,
    enrollments: state.enrollments,
    topics: state.topics,
    addUser: (user) => state.addUser(user),
    setGrades: (courseId, login, grades) => state.setGrades(courseId, login, grades),
    answerAll: (status) => (answerAll = status),
    answerMalformed: (on) => (malformed = on),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

type Answer = 'submissions' | { list: unknown[]; status?: never; body?: never } | { list?: never; status: number; body: unknown };
const notFound: Answer = { status: 404, body: { errors: [{ message: 'The specified resource does not exist.' }] } };
const badRequest = (message: string): Answer => ({ status: 400, body: { errors: [{ message }] } });
type Body = Record<string, Record<string, unknown> | undefined> | undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Canvas's objects as the stand-in keeps them, and its routes over them. */
class CanvasState {
  courses: CanvasCourseRecord[] = [];
  users: CanvasUserRecord[] = [];
  enrollments: CanvasEnrollmentRecord[] = [];
  topics: CanvasTopicRecord[] = [];
  private grades = new Map<string, CanvasGrades>();
  private nextId = 9001;

  constructor(private readonly accountId: string) {}

  addUser(user: { name: string; login_id: string; sis_user_id?: string }): CanvasUserRecord {
    const record = { id: this.nextId++, name: user.name, login_id: user.login_id, sis_user_id: user.sis_user_id ?? null };
    this.users.push(record);
    return record;
  }

  setGrades(courseId: number, login: string, grades: Partial<CanvasGrades>): void {
    this.grades.set(`${courseId}:${login}`, { final_score: null, final_grade: null, ...grades });
  }

  route(method: string, url: URL, body: Body): Answer {
    const path = url.pathname.split('/').map(decodeURIComponent);
    if (path[1] !== 'api' || path[2] !== 'v1') return notFound;
    const [, , , collection, id, sub] = path;
    if (collection === 'accounts') {
      if (id !== this.accountId) return notFound;
      if (method === 'POST' && sub === 'courses') return this.createCourse(body?.course);
      if (method === 'POST' && sub === 'users') return this.createUser(body);
      return notFound;
    }
    if (collection === 'users' && method === 'GET' && !sub) return this.found(this.findUser(id ?? ''));
    if (collection !== 'courses') return notFound;
    if (sub === 'students' && method === 'GET') return 'submissions';
    const course = this.findCourse(id ?? '');
    if (!course) return notFound;
    if (!sub && method === 'GET') return { status: 200, body: course };
    if (sub === 'enrollments' && method === 'GET') {
      const types = url.searchParams.getAll('type[]');
      return { list: this.enrollments.filter((e) => e.course_id === course.id && (!types.length || types.includes(e.type))).map((e) => this.enrollmentOf(e)) };
    }
    if (sub === 'enrollments' && method === 'POST') return this.enrol(course, body?.enrollment);
    if (sub === 'discussion_topics' && method === 'GET') {
      const announcements = url.searchParams.get('only_announcements') === 'true';
      return { list: this.topics.filter((t) => t.course_id === course.id && t.is_announcement === announcements) };
    }
    if (sub === 'discussion_topics' && method === 'POST') return this.post(course, body as Record<string, unknown> | undefined);
    return notFound;
  }

  private found = (record: unknown): Answer => (record ? { status: 200, body: record } : notFound);

  private findCourse(id: string) {
    const sis = /^sis_course_id:(.+)$/.exec(id)?.[1];
    return this.courses.find((course) => (sis ? course.sis_course_id === sis : String(course.id) === id));
  }

  private findUser(id: string) {
    const [, kind, value] = /^(sis_user_id|sis_login_id):(.+)$/.exec(id) ?? [];
    if (kind === 'sis_user_id') return this.users.find((user) => user.sis_user_id === value);
    if (kind === 'sis_login_id') return this.users.find((user) => user.login_id === value);
    return this.users.find((user) => String(user.id) === id);
  }

  private createCourse(input: Record<string, unknown> | undefined): Answer {
    const name = text(input?.name);
    if (!name) return badRequest('course[name] is required');
    const sisId = text(input?.sis_course_id) ?? null;
    if (sisId && this.courses.some((course) => course.sis_course_id === sisId)) return badRequest('SIS ID "' + sisId + '" is already in use');
    const course: CanvasCourseRecord = {
      id: this.nextId++,
      account_id: this.accountId,
      name,
      course_code: text(input?.course_code) ?? name,
      start_at: text(input?.start_at) ?? null,
      end_at: text(input?.end_at) ?? null,
      sis_course_id: sisId,
    };
    this.courses.push(course);
    return { status: 200, body: course };
  }

  private createUser(body: Body): Answer {
    const name = text(body?.user?.name);
    const login = text(body?.pseudonym?.unique_id);
    if (!name || !login) return badRequest('user[name] and pseudonym[unique_id] are required');
    if (this.users.some((user) => user.login_id === login)) return badRequest('ID already in use for this account and authentication provider');
    return { status: 200, body: this.addUser({ name, login_id: login, sis_user_id: text(body?.pseudonym?.sis_user_id) }) };
  }

  private enrol(course: CanvasCourseRecord, input: Record<string, unknown> | undefined): Answer {
    const user = this.users.find((candidate) => candidate.id === input?.user_id);
    const type = text(input?.type);
    if (!user || !type) return badRequest('enrollment[user_id] and enrollment[type] are required');
    // Like Canvas, enrolling again gives the enrolment the user has.
    const existing = this.enrollments.find((e) => e.course_id === course.id && e.user_id === user.id && e.type === type);
    const enrolment = existing ?? {
      id: this.nextId++,
      course_id: course.id,
      user_id: user.id,
      type,
      enrollment_state: text(input?.enrollment_state) ?? 'invited',
    };
    if (!existing) this.enrollments.push(enrolment);
    return { status: 200, body: this.enrollmentOf(enrolment) };
  }

  private post(course: CanvasCourseRecord, input: Record<string, unknown> | undefined): Answer {
    const title = text(input?.title);
    if (!title) return badRequest('title is required');
    const topic = { id: this.nextId++, course_id: course.id, title, message: text(input?.message) ?? '', is_announcement: input?.is_announcement === true };
    this.topics.push(topic);
    return { status: 200, body: topic };
  }

  /** An enrolment as Canvas lists it: with the user's SIS id, and a student's grades. */
  private enrollmentOf(enrolment: CanvasEnrollmentRecord) {
    const user = this.users.find((candidate) => candidate.id === enrolment.user_id);
    const grades =
      enrolment.type === 'StudentEnrollment'
        ? (this.grades.get(`${enrolment.course_id}:${user?.login_id}`) ?? { final_score: null, final_grade: null })
        : undefined;
    return {
      ...enrolment,
      sis_user_id: user?.sis_user_id ?? null,
      user: user && { id: user.id, name: user.name, login_id: user.login_id },
      ...(grades ? { grades } : {}),
    };
  }
}

/** The request's JSON body; undefined when it has none (or it is not JSON). */
async function readJson(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
  } catch {
    return undefined;
  }
}
