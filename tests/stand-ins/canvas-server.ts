import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Canvas LMS: GET /api/v1/courses/:id/students/submissions with
 * student_ids[]=all&grouped=true (and include[]=assignment), bearer-token auth, and Canvas-style
 * pagination — at most `pageSize` students per page whatever per_page asks, and a Link header
 * with rel="current", "next", "first" and "last". Records every request's URL and token.
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

export interface CanvasStandIn {
  url: string;
  requests: { path: string; query: URLSearchParams; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startCanvasStandIn(options: {
  token: string;
  courses: Record<string, { assignments: CanvasAssignment[]; students: CanvasStudentSubmissions[] }>;
  pageSize: number;
  /** Host written into Link headers; defaults to the stand-in itself. */
  linkOrigin?: string;
}): Promise<CanvasStandIn> {
  const requests: CanvasStandIn['requests'] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push({ path: url.pathname, query: url.searchParams, authorization: request.headers.authorization });
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return send(response, 401, { errors: [{ message: 'Invalid access token.' }] });
    }
    const match = /^\/api\/v1\/courses\/([^/]+)\/students\/submissions$/.exec(url.pathname);
    const course = match ? options.courses[decodeURIComponent(match[1] ?? '')] : undefined;
    if (request.method !== 'GET' || !course) return send(response, 404, { errors: [{ message: 'The specified resource does not exist.' }] });
    if (url.searchParams.get('grouped') !== 'true' || !url.searchParams.getAll('student_ids[]').includes('all')) {
      return send(response, 400, { errors: [{ message: 'This stand-in serves only student_ids[]=all&grouped=true' }] });
    }
    const includeAssignment = url.searchParams.getAll('include[]').includes('assignment');
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), options.pageSize);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const lastPage = Math.max(1, Math.ceil(course.students.length / perPage));
    const body = course.students.slice((page - 1) * perPage, page * perPage).map((student) => ({
      ...student,
      section_id: 1,
      integration_id: null,
      submissions: student.submissions.map((submission) => ({
        ...submission,
        user_id: student.user_id,
        ...(includeAssignment ? { assignment: course.assignments.find((assignment) => assignment.id === submission.assignment_id) } : {}),
      })),
    }));
    const link = (target: number, rel: string) => {
      const linkUrl = new URL(url.pathname, options.linkOrigin ?? origin);
      linkUrl.search = url.search;
      linkUrl.searchParams.set('page', String(target));
      linkUrl.searchParams.set('per_page', String(perPage));
      return `<${linkUrl.href}>; rel="${rel}"`;
    };
    const links = [link(page, 'current'), ...(page < lastPage ? [link(page + 1, 'next')] : []), link(1, 'first'), link(lastPage, 'last')];
    response.setHeader('link', links.join(','));
    send(response, 200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
