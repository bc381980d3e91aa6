import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fsInstitutions } from '../../dev/demo-data/fs-institutions';
import type { ResultSource, SourceResult, StudentResults } from '../../src-server/case-types/approval/result-exchange/result-source.contract';

/**
 * A local stand-in for the institutions a result exchange asks (FS resultatutveksling), speaking
 * the protocol of result-source.contract.ts: one HTTP server holding every institution, a
 * directory at GET {url}/sources and each institution at {url}/institutions/{code}. Per
 * institution it can be slow, down (refused: listed on a closed port; hang: never answers;
 * error: HTTP 503), reserved (RESERVER), not sharing (RESUTVEKSL off) or malformed; per student
 * it holds consent, a temporary national ID flag and the passed results (a degree without
 * certificate date is a qualification with `certificateDate: null`). Everything can change while
 * it runs. The default data holds seed 003's test persons.
 */
export interface SourceBehaviour {
  latencyMs: number;
  down: false | 'refused' | 'hang' | 'error';
  reserved: boolean;
  sharing: boolean;
  /** Answers a body outside the protocol: FS's own J/N flags and credits as Norwegian decimal text. */
  malformed: boolean;
}

export type StandInStudent = NonNullable<StudentResults['student']>;

export interface ResultSourcesStandIn {
  /** Directory base URL: GET {url}/sources lists the institutions. */
  url: string;
  /** What the directory lists now. */
  sources(): ResultSource[];
  configure(code: string, behaviour: Partial<SourceBehaviour>): void;
  /** A student as an institution holds them; undefined: the institution does not know them. */
  setStudent(code: string, nationalId: string, student: StandInStudent | undefined): void;
  /** Replaces a student's results (a consenting student with a permanent ID when new). */
  setResults(code: string, nationalId: string, results: SourceResult[]): void;
  /** Every result request received, in order. */
  requests: { code: string; nationalId: string }[];
  close(): Promise<void>;
}

export const TESTPERSON1 = '01536112185';
export const TESTPERSON2 = '19588312510';

/** Seed 003: Testperson1 has RES-100 at 216 HiSF, Testperson2 RES-OAL at 214 HiNT. */
export function seedStudents(): { code: string; nationalId: string; student: StandInStudent }[] {
  return [
    {
      code: '216',
      nationalId: TESTPERSON1,
      student: {
        consent: true,
        temporaryNationalId: false,
        results: [
          {
            category: 'qualification',
            code: 'BAINF',
            nameNb: 'Bachelor i informatikk',
            nameEn: 'Bachelor of Informatics',
            term: '2014 VÅR',
            credits: 180,
            grade: 'Bestått',
            certificateDate: '2014-06-20',
          },
          {
            category: 'course',
            code: 'RES-100',
            nameNb: 'Resultatutveksling, innføring',
            nameEn: 'Result exchange, introduction',
            term: '2012 HØST',
            credits: 10,
            grade: 'B',
            qualificationCode: 'BAINF',
          },
          {
            category: 'course',
            code: 'INF300',
            nameNb: 'Bacheloroppgåve i informatikk',
            nameEn: "Bachelor's thesis in informatics",
            thesisTitle: 'Utveksling av resultat mellom studieadministrative system',
            term: '2014 VÅR',
            credits: 20,
            grade: 'A',
            qualificationCode: 'BAINF',
          },
        ],
      },
    },
    {
      code: '214',
      nationalId: TESTPERSON2,
      student: {
        consent: true,
        temporaryNationalId: false,
        results: [
          {
            category: 'qualification',
            code: 'ÅROAL',
            nameNb: 'Årsstudium i organisasjon og ledelse',
            nameEn: 'One-year programme in organisation and management',
            term: '2013 VÅR',
            credits: 60,
            grade: 'Bestått',
            certificateDate: '2013-08-15',
          },
          {
            category: 'course',
            code: 'RES-OAL',
            nameNb: 'Organisasjon, administrasjon og ledelse',
            nameEn: 'Organisation, administration and management',
            term: '2013 VÅR',
            credits: 15,
            grade: 'C',
            qualificationCode: 'ÅROAL',
          },
        ],
      },
    },
  ];
}

const DEFAULT_BEHAVIOUR: SourceBehaviour = { latencyMs: 0, down: false, reserved: false, sharing: true, malformed: false };

export async function startResultSourcesStandIn(
  options: {
    institutions?: readonly { code: string; name: string }[];
    behaviour?: Record<string, Partial<SourceBehaviour>>;
    /** Default: any free port. */
    port?: number;
    /** What an institution holds of a student it has no data for (default: nothing, they are unknown). */
    otherwise?: (code: string, nationalId: string) => StandInStudent | undefined;
  } = {},
): Promise<ResultSourcesStandIn> {
  const institutions = options.institutions ?? fsInstitutions;
  const behaviours = new Map(institutions.map((institution) => [institution.code, { ...DEFAULT_BEHAVIOUR, ...options.behaviour?.[institution.code] }]));
  const students = new Map(institutions.map((institution) => [institution.code, new Map<string, StandInStudent>()]));
  for (const seeded of seedStudents()) students.get(seeded.code)?.set(seeded.nationalId, seeded.student);
  const requests: ResultSourcesStandIn['requests'] = [];
  const closedPort = await unusedPort();

  const known = (code: string) => {
    if (!behaviours.has(code)) throw new Error(`No institution ${code} in the stand-in`);
    return code;
  };

  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (request.method === 'GET' && path === '/sources') return answer(200, { sources: standIn.sources() });
    const match = /^\/institutions\/(\d+)\/students\/([^/]+)\/results$/.exec(path);
    const behaviour = match ? behaviours.get(match[1]!) : undefined;
    if (request.method !== 'GET' || !match || !behaviour) return answer(404, { error: 'not found' });
    const code = match[1]!;
    const nationalId = decodeURIComponent(match[2]!);
    requests.push({ code, nationalId });
    if (behaviour.down === 'hang') return; // never answers; the client's timeout ends it
    setTimeout(() => {
      if (behaviour.down === 'error') return answer(503, { error: 'database unavailable' });
      const shares = behaviour.sharing && !behaviour.reserved;
      const student = shares ? (students.get(code)?.get(nationalId) ?? options.otherwise?.(code, nationalId) ?? null) : null;
      const body: StudentResults = { sharesResults: behaviour.sharing, reserved: behaviour.reserved, student };
      answer(200, behaviour.malformed ? fsStyle(body) : body);
    }, behaviour.latencyMs);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: ResultSourcesStandIn = {
    url,
    sources: () =>
      institutions.map(({ code, name }) => ({
        code,
        name,
        baseUrl: `http://127.0.0.1:${behaviours.get(code)!.down === 'refused' ? closedPort : new URL(url).port}/institutions/${code}`,
      })),
    configure(code, behaviour) {
      behaviours.set(known(code), { ...behaviours.get(code)!, ...behaviour });
    },
    setStudent(code, nationalId, student) {
      const held = students.get(known(code))!;
      if (student) held.set(nationalId, student);
      else held.delete(nationalId);
    },
    setResults(code, nationalId, results) {
      const held = students.get(known(code))!;
      held.set(nationalId, { ...(held.get(nationalId) ?? { consent: true, temporaryNationalId: false }), results });
    },
    requests,
    close: () => closeServer(server),
  };
  return standIn;
}

function fsStyle(body: StudentResults) {
  const results = body.student?.results.map((result) => ({ ...result, credits: String(result.credits).replace('.', ',') }));
  return { ...body, sharesResults: body.sharesResults ? 'J' : 'N', student: body.student && { ...body.student, results } };
}

/** A port nothing listens on (bound, then released), for sources that refuse connections. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await closeServer(probe);
  return port;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
