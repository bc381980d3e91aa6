import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fileNameOf, ServerApi, ServerApiError } from './server-api';

/** The renderer's server client against a scripted fetch: token, one refresh on token-expired, parsing, typed errors. */
function scripted(...answers: Response[]) {
  const requests: { url: string; method: string; authorization: string | null; body: unknown }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new TypeError('fetch failed');
    return answer;
  }) as typeof fetch;
  let refreshed = 0;
  const auth = {
    getAccessToken: () => 'token-1',
    refresh: async () => `token-${(refreshed += 1) + 1}`,
  };
  return { api: new ServerApi('http://server.test/', auth, fetchImpl), requests, refreshes: () => refreshed };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const schema = z.object({ n: z.number() });

describe('ServerApi', () => {
  it('sends JSON with the access token to the server address and parses the answer', async () => {
    const { api, requests } = scripted(json(200, { n: 1, extra: 'dropped' }));
    expect(await api.post('/api/things', { a: 1 }, schema)).toEqual({ n: 1 });
    expect(requests).toEqual([{ url: 'http://server.test/api/things', method: 'POST', authorization: 'Bearer token-1', body: { a: 1 } }]);
  });

  it('refreshes the token once when the server says it expired, and sends again', async () => {
    const expired = () => json(401, { kind: 'forbidden', code: 'token-expired', message: 'expired' });
    const once = scripted(expired(), json(200, { n: 2 }));
    expect(await once.api.get('/api/x', schema)).toEqual({ n: 2 });
    expect(once.requests.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);

    const twice = scripted(expired(), expired(), json(200, { n: 3 }));
    await expect(twice.api.get('/api/x', schema)).rejects.toMatchObject({ code: 'token-expired', status: 401 });
    expect(twice.refreshes()).toBe(1);
  });

  it('throws the server’s code, message and details', async () => {
    const details = { errors: [{ field: 'offerCode', message: { nb: 'Nei', en: 'No' } }] };
    const { api } = scripted(json(422, { kind: 'validation', code: 'bad-request', message: 'Nothing was nominated', details }));
    const error = await api.post('/api/x', {}, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerApiError);
    expect(error).toMatchObject({ code: 'bad-request', status: 422, message: 'Nothing was nominated', details });
  });

  it('refuses an answer the schema does not accept, and names a network failure', async () => {
    await expect(scripted(json(200, { n: 'one' })).api.get('/api/x', schema)).rejects.toMatchObject({ code: 'bad-response' });
    await expect(scripted().api.get('/api/x', schema)).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('downloads a file with the name the server gave it', async () => {
    const disposition = `attachment; filename="Spr_kbevis.pdf"; filename*=UTF-8''${encodeURIComponent('Språkbevis.pdf')}`;
    const { api } = scripted(new Response('%PDF', { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': disposition } }));
    const file = await api.download('/api/cases/c1/uploads/u1');
    expect(file.fileName).toBe('Språkbevis.pdf');
    expect(await file.blob.text()).toBe('%PDF');
  });
});

describe('fileNameOf', () => {
  it.each([
    [`attachment; filename="a.pdf"; filename*=UTF-8''%C3%A6.pdf`, 'æ.pdf'],
    ['attachment; filename="plain name.pdf"', 'plain name.pdf'],
    ['attachment; filename=bare.txt', 'bare.txt'],
    [`attachment; filename="fallback.pdf"; filename*=UTF-8''%E0%A4%A`, 'fallback.pdf'],
    [null, undefined],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
