import { z } from 'zod';
import { PermanentJobError } from '../../../jobs/job-outcome';
import { networkReason } from '../../approval/result-exchange/ask-source';

/** Canvas's REST API at CANVAS_URL with an API token (CANVAS_TOKEN), as the Canvas adapter uses it. */
export interface CanvasOptions {
  /** e.g. https://hvl.instructure.com */
  url: string;
  token: string;
  /** The sub-account new courses and users go into (CANVAS_ACCOUNT_ID). */
  accountId: string;
  timeoutMs?: number;
}

export const DEFAULT_CANVAS_TIMEOUT_MS = 15_000;
/** Canvas's own maximum page size. */
const PER_PAGE = 100;
/** A guard against a Link header that never ends. */
const MAX_PAGES = 100;

export interface CanvasClient {
  /** GET a single object; undefined when Canvas answers 404 (e.g. no course with that SIS id). */
  find<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /** GET a list, following Canvas's Link rel="next" pages. */
  list<T>(path: string, query: Record<string, string | string[]>, schema: z.ZodType<T>): Promise<T[]>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
}

/**
 * Canvas's answers as job outcomes: no answer, 429 or 5xx throw a plain error (the job queue retries
 * with backoff); a refused token (401), another refusal (4xx) or an answer that does not parse is a
 * PermanentJobError with Canvas's reason.
 */
export function canvasClient(options: CanvasOptions): CanvasClient {
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CANVAS_TIMEOUT_MS;

  async function request(url: URL, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<{ status: number; body: unknown; next?: URL }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: init.method,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      throw new Error(`Canvas did not answer ${init.method} ${url.pathname}: ${networkReason(error)}`, { cause: error });
    }
    const text = await response.text();
    const what = `${init.method} ${url.pathname}`;
    if (response.status === 401) throw new PermanentJobError(`Canvas refused the API token (401) on ${what}: check CANVAS_TOKEN`);
    if (response.status === 429 || response.status >= 500) throw new Error(`Canvas answered ${response.status} on ${what}; trying again later`);
    if (response.status === 404) return { status: 404, body: undefined };
    if (response.status >= 400) throw new PermanentJobError(`Canvas refused ${what} (${response.status}): ${reasonOf(text)}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PermanentJobError(`Canvas answered ${what} with something other than JSON`);
    }
    return { status: response.status, body, next: nextPage(response.headers.get('link'), url) };
  }

  const parse = <T>(schema: z.ZodType<T>, body: unknown, what: string): T => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new PermanentJobError(`Canvas's answer to ${what} is not as documented: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
  const urlOf = (path: string) => new URL(path.replace(/^\//, ''), base);

  return {
    async find(path, schema) {
      const answer = await request(urlOf(path), { method: 'GET' });
      return answer.status === 404 ? undefined : parse(schema, answer.body, `GET ${path}`);
    },
    async list(path, query, schema) {
      let url: URL | undefined = urlOf(path);
      for (const [key, value] of Object.entries(query)) for (const each of [value].flat()) url.searchParams.append(key, each);
      url.searchParams.set('per_page', String(PER_PAGE));
      const items: z.infer<typeof schema>[] = [];
      for (let page = 0; url && page < MAX_PAGES; page += 1) {
        const answer = await request(url, { method: 'GET' });
        if (answer.status === 404) throw new PermanentJobError(`Canvas has no ${path}`);
        items.push(...parse(z.array(schema), answer.body, `GET ${path}`));
        url = answer.next;
      }
      return items;
    },
    async post(path, body, schema) {
      const answer = await request(urlOf(path), { method: 'POST', body });
      if (answer.status === 404) throw new PermanentJobError(`Canvas has no ${path}`);
      return parse(schema, answer.body, `POST ${path}`);
    },
  };
}

/** The rel="next" URL of a Link header, only on Canvas's own host (its token goes nowhere else). */
function nextPage(link: string | null, current: URL): URL | undefined {
  const next = link?.split(',').find((part) => /rel="next"/.test(part));
  const href = next && /<([^>]+)>/.exec(next)?.[1];
  if (!href) return undefined;
  const url = new URL(href, current);
  return url.origin === current.origin ? url : undefined;
}

const errorsSchema = z.object({ errors: z.union([z.array(z.object({ message: z.string() })), z.record(z.string(), z.unknown())]) });

/** Canvas's error message(s), else the start of what it answered. */
function reasonOf(text: string): string {
  try {
    const parsed = errorsSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { errors } = parsed.data;
      return (Array.isArray(errors) ? errors.map((error) => error.message).join('; ') : JSON.stringify(errors)).slice(0, 500);
    }
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 500) || 'no reason given';
}
