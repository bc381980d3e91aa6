import { z } from 'zod';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { SecretGetter } from '../signing/signer-backend';
import { canvasCourseIdSchema, type StudentCoursework } from '../../../src-shared/documents/canvas.contract';
import { canvasSubmissionSchema, courseworkStateOf } from './coursework-status';

const studentSubmissionsSchema = z.array(
  z.looseObject({
    user_id: z.number().int(),
    sis_user_id: z.string().nullish(),
    submissions: z.array(canvasSubmissionSchema),
  }),
);

export interface CanvasClient {
  /** Coursework status of every student in a course, for the teacher's report form. */
  courseworkStatus(courseId: string): Promise<StudentCoursework[]>;
}

const dueDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }); // sv-SE formats as YYYY-MM-DD

/**
 * Canvas REST API: GET /api/v1/courses/:id/students/submissions?student_ids[]=all&grouped=true
 * with a bearer token, following the `Link: <…>; rel="next"` pages. A next link to another host
 * is refused, so the token is never sent anywhere but the configured Canvas.
 */
export function createCanvasClient(options: { baseUrl: string; token: SecretGetter; timeoutMs?: number }): CanvasClient {
  const base = new URL(options.baseUrl);
  return {
    async courseworkStatus(courseId) {
      if (!canvasCourseIdSchema.safeParse(courseId).success) throw new AppError('validation', `Not a Canvas course id: ${courseId}`);
      const token = await options.token();
      if (!token) throw new AppError('precondition', 'No Canvas API token is stored');
      const first = new URL(`/api/v1/courses/${encodeURIComponent(courseId)}/students/submissions`, base);
      first.search = 'student_ids[]=all&grouped=true&include[]=assignment&per_page=100';

      const students: StudentCoursework[] = [];
      let next: URL | undefined = first;
      for (let page = 1; next; page += 1) {
        if (page > 1000) throw new AppError('external', 'Canvas returned more than 1000 pages');
        if (next.origin !== base.origin) throw new AppError('external', `Canvas paged to another host (${next.origin}); not followed`);
        const response = await get(next, token, options.timeoutMs);
        const body = studentSubmissionsSchema.safeParse(await response.json().catch(() => undefined));
        if (!body.success) throw new AppError('external', 'Canvas answered with an unexpected body', body.error.issues);
        students.push(...body.data.map(toStudentCoursework));
        next = nextLink(response.headers.get('link'), next);
      }
      return students;
    },
  };
}

async function get(url: URL, token: string, timeoutMs = 30_000): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AppError('external', `Canvas did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.status === 401) throw new AppError('forbidden', 'Canvas refused the API token');
  if (response.status === 404) throw new AppError('not-found', 'Canvas does not know this course');
  if (!response.ok) throw new AppError('external', `Canvas answered HTTP ${response.status}`);
  return response;
}

/** The rel="next" target of an RFC 8288 Link header, resolved against the current page. */
export function nextLink(header: string | null, current: URL): URL | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /\brel="?next"?/.test(match[2] ?? '')) return new URL(match[1] ?? '', current);
  }
  return undefined;
}

function toStudentCoursework(entry: z.infer<typeof studentSubmissionsSchema>[number]): StudentCoursework {
  return {
    canvasUserId: entry.user_id,
    ...(entry.sis_user_id ? { sisUserId: entry.sis_user_id } : {}),
    coursework: entry.submissions.map((submission) => ({
      assignmentId: submission.assignment_id,
      title: submission.assignment?.name ?? `Oppgave ${submission.assignment_id}`,
      status: courseworkStateOf(submission),
      ...(submission.assignment?.due_at ? { due: dueDay.format(new Date(submission.assignment.due_at)) } : {}),
    })),
  };
}
