import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import type { Session } from '../../../src-server/auth/sessions';
import { demoUsers } from '../../../dev/demo-data';
import { pullResponseSchema } from '../../../src-shared/sync/pull.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { setAccountAdmin } from '../../../src-server/admin-api/account-admins';
import { addDemoAccount, importDemoData } from '../sync/support/demo';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../sync/support/test-server';
import { DOCUMENTED_ROUTES } from './documented-routes';

/**
 * Bad input never makes the server fail. For every route of its OpenAPI document, a request that
 * works is taken apart by fast-check: one path parameter, query parameter, header or body field
 * at a time gets a hostile value (NUL and other control characters, lone surrogates, numbers
 * beyond 64 bits, wrong types, very long strings, deep nesting, broken JSON …). Every answer must
 * be a 2xx or a 4xx with the error shape `{ kind, code, message }` — never a 5xx.
 */
const RUNS_PER_ROUTE = Number(process.env.BAD_INPUT_RUNS ?? 40);

/** Every documented route is probed; the first test keeps the list and the OpenAPI document equal. */
const PROBED_ROUTES = DOCUMENTED_ROUTES;
type ProbedRoute = (typeof PROBED_ROUTES)[number];

// ---------------------------------------------------------------------------------------------
// Hostile values

/** JSON text or URL text sent exactly as written (deep nesting, bad escapes, raw numbers). */
class Raw {
  constructor(readonly text: string) {}
}
type Hostile = string | Raw | null | boolean | number | unknown[] | Record<string, unknown>;

const piece = fc.string({ maxLength: 6 });
const around = (arbitrary: fc.Arbitrary<string>) => fc.tuple(piece, arbitrary, piece).map(([a, b, c]) => `${a}${b}${c}`);
const codeUnit = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));

/** Values any string input may get, in the URL, a header or a JSON body. */
const stringKinds = {
  nul: around(fc.constant('\u0000')),
  control: around(fc.oneof(codeUnit(0x01, 0x1f), codeUnit(0x7f, 0x9f), fc.constantFrom('\u2028', '\ufeff'))),
  'lone-surrogate': around(codeUnit(0xd800, 0xdfff)),
  'huge-number': fc.constantFrom('99999999999999999999999', '18446744073709551616', '9223372036854775808', '9007199254740993', '1e400', '0x7fffffffffffffff'),
  'negative-number': fc.constantFrom('-1', '-0', '-9223372036854775809', '-99999999999999999999999'),
  long: fc.constantFrom(101, 1_001, 10_000).map((length) => 'x'.repeat(length)),
};
/** Only in the URL: escapes that do not decode (overlong NUL, surrogate halves, truncated). */
const urlKinds = {
  ...stringKinds,
  'bad-escape': fc.constantFrom('%', '%zz', '%C0%80', '%ED%A0%80', '%E0%A4', '%%00').map((text) => new Raw(text)),
};
/** Only in a JSON body. */
const jsonKinds = {
  ...stringKinds,
  long: fc.constantFrom(101, 1_001, 100_000, 900_000).map((length) => 'x'.repeat(length)),
  'wrong-type': fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 })),
  'json-number': fc.constantFrom('99999999999999999999999', '1e400', '-1e400', '18446744073709551616', '-1', '0.5', '-0').map((text) => new Raw(text)),
  'deep-nesting': fc
    .constantFrom(1_000, 50_000)
    .chain((depth) => fc.constantFrom(new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`), new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`))),
  'prototype-key': fc.constantFrom(new Raw('{"__proto__":{"polluted":true}}'), new Raw('{"constructor":{"prototype":{"polluted":true}}}')),
};
/** A whole body that is no JSON request at all. */
const bodyKinds = {
  'invalid-json': fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", '\u0000', 'nul', '{"a":"\\u0000"'),
  'wrong-content-type': fc.constant('<?xml version="1.0"?><a/>'),
  'too-large': fc.constant(''),
  empty: fc.constant(''),
  'deep-nesting': jsonKinds['deep-nesting'].map((raw) => (raw as Raw).text),
};
type HostileKind = keyof typeof urlKinds | keyof typeof jsonKinds | keyof typeof bodyKinds | 'digits';

/** Replaces one run of digits of a real value (a checkpoint, a version) by a number beyond 64 bits. */
const digitsOf = (real: string) =>
  fc.tuple(fc.nat(), stringKinds['huge-number']).map(([index, huge]) => {
    const runs = [...real.matchAll(/\d+/g)];
    const run = runs[index % Math.max(runs.length, 1)];
    return run?.index === undefined ? huge : `${real.slice(0, run.index)}${huge}${real.slice(run.index + run[0].length)}`;
  });

// ---------------------------------------------------------------------------------------------
// Requests on the wire (fetch refuses control characters, lone surrogates and bad escapes)

type JsonPath = (string | number)[];
type Location = { at: 'param' | 'query' | 'header'; name: string } | { at: 'body'; path: JsonPath } | { at: 'body-key'; path: JsonPath } | { at: 'whole-body' };

interface BaseRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Send the probe's access token. */
  auth?: boolean;
}

interface Mutation {
  location: Location;
  kind: HostileKind;
  value: Hostile;
}

interface WireRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body?: string;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Percent-encodes like encodeURIComponent, but a lone surrogate as its (invalid) UTF-8 bytes. */
function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

const urlText = (value: Hostile) => (value instanceof Raw ? value.text : percentEncode(String(value)));

/** JSON text in which Raw values appear exactly as written. */
function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => (item instanceof Raw ? `\u0000raw${raws.push(item.text) - 1}\u0000` : item));
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!);
}

function withValue(body: unknown, path: JsonPath, set: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  set(parent, path.at(-1)!);
  return copy;
}

/** Every node of a JSON value (its root included), as paths. */
function pathsOf(value: unknown, path: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [path];
  return [path, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, Array.isArray(value) ? Number(key) : key]))];
}

/** The objects of a JSON value (where a stray key can go), as paths. */
function objectPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Array.isArray(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, Array.isArray(value) ? Number(key) : key]))];
}

function wireRequest(method: string, template: string, base: BaseRequest, token: string, mutation?: Mutation): WireRequest {
  const location = mutation?.location;
  const hostile = (at: Location['at'], name: string) => location?.at === at && 'name' in location && location.name === name;
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    hostile('param', name) ? urlText(mutation!.value) : percentEncode(base.params![name]!),
  );
  const query = Object.entries(base.query ?? {}).map(([name, value]) => [name, hostile('query', name) ? urlText(mutation!.value) : percentEncode(value)]);
  if (location?.at === 'query' && !(location.name in (base.query ?? {}))) query.push([location.name, urlText(mutation!.value)]);
  const target = query.length ? `${path}?${query.map(([name, value]) => `${name}=${value}`).join('&')}` : path;

  const headers: [string, string][] = [];
  if (base.auth) headers.push(['authorization', hostile('header', 'authorization') ? `Bearer ${String(mutation!.value)}` : `Bearer ${token}`]);
  if (!base.body) return { method, target, headers };

  let body = jsonText(base.body);
  let contentType = 'application/json';
  if (location?.at === 'body')
    body = location.path.length ? jsonText(withValue(base.body, location.path, (parent, key) => (parent[key] = mutation!.value))) : jsonText(mutation!.value);
  if (location?.at === 'body-key') body = jsonText(withValue(base.body, [...location.path, ''], (parent) => Object.assign(parent, { stray: mutation!.value })));
  if (location?.at === 'whole-body') {
    body = String(mutation!.value);
    if (mutation!.kind === 'wrong-content-type') contentType = 'application/xml';
    // Announces more than any route takes; the server must refuse it from the header alone.
    if (mutation!.kind === 'too-large') headers.push(['content-length', String(64 * 1024 * 1024)]);
  }
  headers.push(['content-type', contentType]);
  return { method, target, headers, body };
}

/** One request on its own connection, bytes exactly as given; an event stream is cut after its head. */
function send(port: number, request: WireRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = [...request.headers];
    if (body && !headers.some(([name]) => name === 'content-length')) headers.push(['content-length', String(body.length)]);
    const head = [
      `${request.method} ${request.target} HTTP/1.1`,
      'host: 127.0.0.1',
      'connection: close',
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ];
    const answer = (): Answer | undefined => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      const contentType = /\r\ncontent-type: ([^\r\n]*)/i.exec(text.slice(0, end))?.[1] ?? '';
      return { status, contentType, body: text.slice(end + 4) };
    };
    const finish = () => {
      const result = answer();
      socket.destroy();
      if (result) resolve(result);
      else reject(new Error(`${request.method} ${request.target.slice(0, 200)}: the connection closed without an answer`));
    };
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error(`${request.method} ${request.target.slice(0, 200)}: no answer within 20 s`));
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (answer()?.contentType.startsWith('text/event-stream')) finish();
    });
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), body ?? Buffer.alloc(0)]));
  });
}

// ---------------------------------------------------------------------------------------------
// The probe

let server: TestServer;
let port: number;
let session: Session;
/** A working request per route. */
let bases: Map<ProbedRoute, BaseRequest>;
let checkpoint: string;
/** A case the probe's user may not see (another department's). */
let hiddenCaseId: string;

const demoUser = demoUsers().find((user) => user.userId === 'u-kullkoord-helse')!;

beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.url).port);
  const data = await importDemoData(server.db, 10);
  hiddenCaseId = data.cases.find((c) => c.department !== demoUser.scope.departments[0])!.id;
  await addDemoAccount(server, demoUser);
  session = await server.login(demoUser.userId);
  const [refreshed, loggedOut] = [await server.login(demoUser.userId), await server.login(demoUser.userId)];
  // An account administrator, so the devices listing answers; `spare` is the device the probe revokes.
  await setAccountAdmin(server.db, demoUser.userId, true);
  const spare = await server.login(demoUser.userId);

  const firstPull = await fetch(`${server.url}/sync/cases/v0/pull?batchSize=3`, { headers: { authorization: `Bearer ${session.accessToken}` } });
  const pulled = pullResponseSchema.parse(await firstPull.json());
  const caseDoc = pulled.documents[0]!;
  checkpoint = pulled.checkpoint!.seq;
  const demo = demoFollowUpCase();
  const record = demoArchiveRecord(demo, 'summons', []);
  // One nominator's draft, as the portal's form and staff on behalf send it.
  const nominationDraft = {
    givenName: 'Anna',
    familyName: 'Berg',
    email: 'anna@example.com',
    birthDate: '2000-02-02',
    citizenship: 'DE',
    offerCode: 'UTV-HEL-27V',
    term: '2027V',
    choices: [],
  };
  const letter = {
    id: randomUUID(),
    record: { ...record, kind: 'summons', documentId: `doc-${randomUUID()}`, case: { ...record.case, id: caseDoc.id } },
    pdfBase64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64'),
  };
  const collection = { collection: 'cases', version: '0' };
  bases = new Map<ProbedRoute, BaseRequest>([
    ['GET /health', {}],
    ['POST /auth/login', { body: { username: demoUser.userId, password: TEST_PASSWORD, deviceId: session.deviceId, deviceName: 'probe' } }],
    ['POST /auth/refresh', { body: { refreshToken: refreshed.refreshToken } }],
    ['POST /auth/logout', { body: { refreshToken: loggedOut.refreshToken } }],
    ['GET /auth/me', { auth: true }],
    // This server has no OIDC provider: start and callback answer 404, the token route 401.
    ['GET /auth/oidc/providers', {}],
    [
      'GET /auth/oidc/{provider}/start',
      {
        params: { provider: 'feide' },
        query: { redirect_uri: 'http://127.0.0.1:4399/cb', state: 'a'.repeat(22), code_challenge: 'b'.repeat(43), code_challenge_method: 'S256' },
      },
    ],
    ['GET /auth/oidc/{provider}/callback', { params: { provider: 'feide' }, query: { state: 'a'.repeat(22), code: 'c'.repeat(20) } }],
    ['POST /auth/oidc/token', { body: { code: 'c'.repeat(43), codeVerifier: 'v'.repeat(43), deviceName: 'probe' } }],
    ['GET /sync/collections', {}],
    ['GET /sync/{collection}/v{version}/pull', { auth: true, params: collection, query: { seq: checkpoint, batchSize: '3' } }],
    [
      'POST /sync/{collection}/v{version}/push',
      { auth: true, params: collection, body: { rows: [{ assumedMasterState: caseDoc, newDocumentState: caseDoc }] } },
    ],
    ['POST /sync/{collection}/v{version}/reconcile', { auth: true, params: collection, body: { ids: [caseDoc.id, 'not-on-the-server'] } }],
    ['GET /sync/{collection}/v{version}/stream', { auth: true, params: collection }],
    ['GET /sync/stream', { auth: true, query: { collections: 'cases.v0,notes.v0' } }],
    ['POST /letters', { auth: true, body: letter }],
    [
      'POST /courses/{caseId}/certificates',
      { auth: true, params: { caseId: String(caseDoc.id) }, body: { participantId: 'participant-1', fileName: 'kursbevis.pdf', pdfBase64: letter.pdfBase64 } },
    ],
    ['GET /api/cases/{id}/jobs', { auth: true, params: { id: String(caseDoc.id) } }],
    ['GET /ewp/imobilities/get', { query: { receiving_hei_id: 'hvl.no', omobility_id: 'omob-1' } }],
    // EWP clients post a form; a JSON body (all this probe sends) is refused with 415.
    ['POST /ewp/imobilities/get', { body: { receiving_hei_id: 'hvl.no', omobility_id: ['omob-1'] } }],
    ['GET /portal/api/me', { auth: true }],
    ['GET /portal/api/nominations', { auth: true, query: { status: 'offered' } }],
    ['GET /portal/api/offers', { auth: true }],
    [
      'POST /portal/api/nominations',
      {
        auth: true,
        body: {
          draft: nominationDraft,
        },
      },
    ],
    // The CSV file is a text/csv body; a JSON body (all this probe sends) is refused with 415.
    ['POST /portal/api/nominations/csv', { auth: true, body: { csv: 'Fornavn;Etternavn' } }],
    ['GET /portal/api/nominations/template', { auth: true, query: { lang: 'en' } }],
    ['POST /portal/api/nominations/{ref}/withdraw', { auth: true, params: { ref: '2026/N0A1B2C3D' }, body: { reason: 'Trukket' } }],
    ['POST /portal/api/applicant/session', { body: { token: 'x'.repeat(43), email: 'anna@example.com' } }],
    ['POST /portal/api/applicant/link', { body: { email: 'anna@example.com' } }],
    ['GET /portal/api/applicant/applications', { auth: true }],
    ['GET /portal/api/applicant/applications/{ref}', { auth: true, params: { ref: String(caseDoc.id) } }],
    [
      'PUT /portal/api/applicant/applications/{ref}/personal-data',
      {
        auth: true,
        params: { ref: String(caseDoc.id) },
        body: {
          givenName: 'Anna',
          familyName: 'Berg',
          birthDate: '2000-02-02',
          citizenship: 'DE',
          phone: '+49 30 1234567',
          address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
          homeInstitution: 'Hochschule Lindenhof',
        },
      },
    ],
    ['POST /portal/api/applicant/applications/{ref}/submit', { auth: true, params: { ref: String(caseDoc.id) }, body: { choices: ['UTV-HEL-27V'] } }],
    ['POST /portal/api/applicant/applications/{ref}/accept', { auth: true, params: { ref: String(caseDoc.id) } }],
    ['POST /portal/api/applicant/applications/{ref}/decline', { auth: true, params: { ref: String(caseDoc.id) } }],
    ['POST /portal/api/applicant/applications/{ref}/withdraw', { auth: true, params: { ref: String(caseDoc.id) }, body: { reason: 'Trukket' } }],
    ['GET /portal/api/applicant/applications/{ref}/uploads', { auth: true, params: { ref: String(caseDoc.id) } }],
    [
      'POST /portal/api/applicant/applications/{ref}/uploads',
      { auth: true, params: { ref: String(caseDoc.id) }, query: { kind: 'passport', name: 'pass.pdf' } },
    ],
    [
      'POST /api/nominators/invitations',
      { auth: true, body: { partnerId: 'partner-lindenhof', name: 'Ola Nordmann', email: 'ola@example.com', language: 'nb' } },
    ],
    ['GET /api/nominators', { auth: true, query: { partnerId: 'partner-lindenhof' } }],
    ['GET /portal/api/site/orders', { auth: true }],
    ['GET /portal/api/site/orders/{id}', { auth: true, params: { id: String(caseDoc.id) } }],
    ['POST /portal/api/site/orders/{id}/confirm', { auth: true, params: { id: String(caseDoc.id) }, body: { places: 2 } }],
    ['POST /portal/api/site/orders/{id}/decline', { auth: true, params: { id: String(caseDoc.id) }, body: { reason: 'Ingen kapasitet' } }],
    [
      'PUT /portal/api/site/orders/{id}/staffing',
      {
        auth: true,
        params: { id: String(caseDoc.id) },
        body: { staffing: [{ className: 'A', coordinatorId: 'u-praksiskoord-x', supervisors: [{ userId: 'u-praksisveileder-x', limit: 2 }] }] },
      },
    ],
    [
      'POST /portal/api/site/orders/{id}/supervisor-changes',
      { auth: true, params: { id: String(caseDoc.id) }, body: { personId: 'p-1', toId: 'u-praksisveileder-x', reason: 'Bytte' } },
    ],
    ['GET /portal/api/site/users', { auth: true }],
    ['GET /portal/api/site/places', { auth: true }],
    ['GET /portal/api/site/students', { auth: true, query: { today: '2026-11-23' } }],
    ['GET /portal/api/site/supervised', { auth: true, query: { today: '2026-11-23' } }],
    ['GET /portal/api/courses/{caseId}', { params: { caseId: String(caseDoc.id) } }],
    [
      'POST /portal/api/courses/{caseId}/registrations',
      { params: { caseId: String(caseDoc.id) }, body: { name: 'Åse Ødegård', birthDate: '1979-02-03', email: 'ase@example.com', employer: 'Bergen kommune' } },
    ],
    ['POST /portal/api/invitations/nominator', { body: { token: 'x'.repeat(43), email: 'ola@example.com', password: 'Fjellbekk i Lindenhof 7' } }],
    [
      'POST /api/nominations/on-behalf',
      {
        auth: true,
        body: {
          partnerId: 'partner-lindenhof',
          reason: 'Partneren fikk ikke logget inn',
          draft: nominationDraft,
        },
      },
    ],
    ['GET /api/nominations/ewp', { auth: true, query: { status: 'pending' } }],
    ['POST /api/nominations/ewp/cases', { auth: true, body: { offerCode: 'UTV-HEL-27V', mobilities: [{ sendingHeiId: 'uw.edu.pl', omobilityId: 'omob-1' }] } }],
    ['POST /api/nominations/ewp/reject', { auth: true, body: { sendingHeiId: 'uw.edu.pl', omobilityId: 'omob-1', comment: 'Nei' } }],
    ['GET /api/cases/{id}/uploads', { auth: true, params: { id: String(caseDoc.id) } }],
    ['GET /api/cases/{id}/uploads/{uploadId}', { auth: true, params: { id: String(caseDoc.id), uploadId: 'upload-1' } }],
    [
      'PUT /cases/{caseId}/files/{documentId}',
      { auth: true, params: { caseId: String(caseDoc.id), documentId: 'doc-probe' }, body: { pdfBase64: letter.pdfBase64 } },
    ],
    ['GET /cases/{caseId}/files/{documentId}', { auth: true, params: { caseId: String(caseDoc.id), documentId: 'doc-probe' } }],
    ['GET /api/devices', { auth: true }],
    ['GET /api/admin/devices', { auth: true, query: { username: demoUser.userId } }],
    ['POST /api/devices/{deviceId}/revoke', { auth: true, params: { deviceId: spare.deviceId } }],
  ]);
});
afterAll(() => server?.close());

/** Every place of a route's request that can carry a hostile value. */
function locationsOf(base: BaseRequest): Location[] {
  return [
    ...Object.keys(base.params ?? {}).map((name): Location => ({ at: 'param', name })),
    ...[...Object.keys(base.query ?? {}), 'stray'].map((name): Location => ({ at: 'query', name })),
    ...(base.auth ? [{ at: 'header', name: 'authorization' } as const] : []),
    ...(base.body
      ? [...pathsOf(base.body).map((path): Location => ({ at: 'body', path })), ...objectPaths(base.body).map((path): Location => ({ at: 'body-key', path }))]
      : []),
    ...(base.body ? [{ at: 'whole-body' } as const] : []),
  ];
}

function mutations(base: BaseRequest): fc.Arbitrary<Mutation> {
  const pick = <K extends string>(kinds: Record<K, fc.Arbitrary<Hostile>>) =>
    fc.constantFrom(...(Object.keys(kinds) as K[])).chain((kind) => kinds[kind].map((value) => ({ kind: kind as HostileKind, value })));
  return fc.constantFrom(...locationsOf(base)).chain((location) => {
    const real = location.at === 'param' ? base.params?.[location.name] : location.at === 'query' ? base.query?.[location.name] : undefined;
    const kinds =
      location.at === 'whole-body'
        ? pick(bodyKinds)
        : location.at === 'body' || location.at === 'body-key'
          ? pick(jsonKinds)
          : location.at === 'header'
            ? pick(stringKinds)
            : real && /\d/.test(real)
              ? fc.oneof(
                  pick(urlKinds),
                  digitsOf(real).map((value) => ({ kind: 'digits' as const, value })),
                )
              : pick(urlKinds);
    return kinds.map((hostile) => ({ location, ...hostile }));
  });
}

/** 2xx, or a 4xx with the error shape; a malformed HTTP message may be refused by Node itself. */
function expectClearAnswer(answer: Answer, mutation: Mutation) {
  expect(answer.status, `${answer.status} ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400 || mutation.location.at === 'header') return;
  expect(answer.contentType).toContain('application/json');
  expect(syncErrorSchema.safeParse(JSON.parse(answer.body)).success, answer.body.slice(0, 300)).toBe(true);
}

/** Failing counterexamples readably: long strings and raw text cut short. */
const shortly = (mutation: unknown) =>
  JSON.stringify(mutation, (_key, value: unknown) =>
    value instanceof Raw
      ? `raw:${value.text.slice(0, 80)}`
      : typeof value === 'string' && value.length > 80
        ? `${value.slice(0, 80)}… (${value.length} chars)`
        : value,
  );

describe('answers the probe found wrong', () => {
  const request = (method: string, target: string, body?: string, headers: [string, string][] = []) =>
    send(port, { method, target, body, headers: [['authorization', `Bearer ${session.accessToken}`], ...headers] });
  const errorOf = async (answer: Promise<Answer>) => {
    const { status, body } = await answer;
    return { status, ...syncErrorSchema.parse(JSON.parse(body)) };
  };
  const json: [string, string][] = [['content-type', 'application/json']];

  it('refuses a checkpoint with numbers beyond the feed (64-bit txid, safe-integer seq) with 400', async () => {
    const [txid, seq, fingerprint] = checkpoint.split('.') as [string, string, string];
    for (const bad of [
      `18446744073709551616.${seq}.${fingerprint}`,
      `9223372036854775808.${seq}.${fingerprint}`,
      `${txid}.9223372036854775808.${fingerprint}`,
    ]) {
      expect(await errorOf(request('GET', `/sync/cases/v0/pull?seq=${bad}`))).toMatchObject({
        status: 400,
        code: 'bad-request',
        message: 'Invalid checkpoint: not one this server issued',
      });
    }
  });

  it('refuses a batch size that is not a whole number in digits with 400', async () => {
    for (const batchSize of ['0x10', '1e3', '99999999999999999999999', '-1', '0', '%20']) {
      expect(await errorOf(request('GET', `/sync/cases/v0/pull?batchSize=${batchSize}`)), batchSize).toMatchObject({ status: 400, code: 'bad-request' });
    }
  });

  it('refuses control characters and escapes that do not decode anywhere in the URL with 400, in the error shape', async () => {
    for (const target of [
      '/sync/cases%00/v0/pull',
      '/sync/cases/v0%01/pull',
      `/sync/cases/v0/pull?seq=${checkpoint}%00`,
      '/sync/cases/v0/pull?batchSize=%C2%85',
      '/sync/stream?collections=cases.v0,notes.v0%00',
      '/sync/cases/v0/pull?seq=%ED%A0%80',
      '/sync/cases/v0/pull?seq=%zz',
    ]) {
      expect(await errorOf(request('GET', target)), target).toMatchObject({ status: 400, code: 'bad-request', message: expect.stringMatching(/^Invalid URL/) });
    }
    // Refused by Fastify's router before any hook: a path that does not decode, a parameter over its length.
    expect(await errorOf(request('GET', '/sync/%C0%80/v0/pull'))).toMatchObject({ status: 400, code: 'bad-request' });
    expect(await errorOf(request('GET', `/sync/${'x'.repeat(200)}/v0/pull`))).toMatchObject({ status: 414, code: 'bad-request' });
  });

  it('reconciles around an id with NUL (the server cannot hold one): the other ids are answered', async () => {
    const answer = await request('POST', '/sync/cases/v0/reconcile', JSON.stringify({ ids: [hiddenCaseId, 'case\u0000x', '\u0000'] }), json);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ purged: [hiddenCaseId] });
  });

  it('answers text with NUL that reaches the database with 400, not 500', async () => {
    const login = (fields: Record<string, string>) =>
      errorOf(request('POST', '/auth/login', JSON.stringify({ username: demoUser.userId, password: TEST_PASSWORD, ...fields }), json));
    expect(await login({ username: 'u-kullkoord\u0000' })).toMatchObject({ status: 400, code: 'bad-request' });
    expect(await login({ deviceId: 'laptop\u0000' })).toMatchObject({ status: 400, code: 'bad-request' });
  });

  it('answers unparseable JSON, a body over the limit and a wrong content type with a 4xx in the error shape', async () => {
    expect(await errorOf(request('POST', '/sync/cases/v0/reconcile', '{"ids":', json))).toMatchObject({ status: 400, code: 'bad-request' });
    expect(await errorOf(request('POST', '/sync/cases/v0/reconcile', '', [...json, ['content-length', String(64 * 1024 * 1024)]]))).toMatchObject({
      status: 413,
      code: 'bad-request',
    });
    expect(await errorOf(request('POST', '/sync/cases/v0/reconcile', '<ids/>', [['content-type', 'application/xml']]))).toMatchObject({
      status: 415,
      code: 'bad-request',
    });
  });
});

describe('hostile input on every documented route', () => {
  it('probes exactly the routes the OpenAPI document lists', async () => {
    const spec = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect([...PROBED_ROUTES].sort()).toEqual(documented.sort());
  });

  it.each(PROBED_ROUTES)(
    '%s answers every hostile request with a 2xx or a clear 4xx, never a 5xx',
    async (route) => {
      const base = bases.get(route)!;
      const [method, template] = route.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(mutations(base), async (mutation) => {
          expectClearAnswer(await send(port, wireRequest(method, template, base, session.accessToken, mutation)), mutation);
        }),
        {
          numRuns: RUNS_PER_ROUTE,
          // Besides the random runs: NUL in every single place, the class the outside probe found.
          examples: locationsOf(base).map((location): [Mutation] => [{ location, kind: 'nul', value: 'a\u0000b' }]),
          reporter: ({ failed, counterexample, errorInstance, seed, counterexamplePath }) => {
            if (failed) throw new Error(`${route} with ${shortly(counterexample?.[0])}: ${String(errorInstance)} (seed ${seed}, path ${counterexamplePath})`);
          },
        },
      );
    },
    120_000,
  );

  it('still answers /health, and a first sync of every collection, after all of it', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    for (const { name, version } of server.app.saksflyt.collections.all()) {
      const pull = await fetch(`${server.url}/sync/${name}/v${version}/pull`, { headers: { authorization: `Bearer ${session.accessToken}` } });
      expect(pull.status, name).toBe(200);
    }
  });
});
