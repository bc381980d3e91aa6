import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLBuilder } from 'fast-xml-parser';
import type { EwpNomination } from '../../src-shared/domain/nomination/ewp-nomination';

/**
 * A local stand-in for a partner's EWP Outgoing Mobilities API (stable v2), over real HTTP:
 * `{url}/index` lists the ids of the partner's mobilities (parameters sending_hei_id, required,
 * and receiving_hei_id, repeatable) and `{url}/get` answers an omobilities get response for the
 * given ids (sending_hei_id and omobility_id, repeatable, at most maxOmobilityIds, else HTTP 400),
 * both by GET or POST (form). Unknown ids and another sending HEI's ids are left out, as the spec
 * says. Its data can change while it runs, and it can serve files that break the schema.
 */
export interface EwpPartnerStandIn {
  /** Base URL of the Outgoing Mobilities API. */
  url: string;
  sendingHeiId: string;
  maxOmobilityIds: number;
  /** Adds a mobility, or replaces the one with its omobility id. */
  setMobility(mobility: EwpNomination): void;
  /** Every get answer holding one of these ids ('all': every get answer) breaks the schema. */
  breakSchema(ids: 'all' | readonly string[]): void;
  /** Every request received, in order. */
  requests: { endpoint: 'index' | 'get'; method: string; params: Record<string, string[]> }[];
  close(): Promise<void>;
}

export interface EwpPartnerOptions {
  sendingHeiId?: string;
  mobilities?: EwpNomination[];
  maxOmobilityIds?: number;
}

export const PARTNER_HEI = 'uw.edu.pl';
export const OUR_HEI = 'hvl.no';
const OMOBILITIES_GET_NAMESPACE = 'https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd';
const INDEX_NAMESPACE = 'https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/index-response.xsd';
/** The status no mobility can have: a file holding it breaks omob-get.xsd. */
export const SCHEMA_BREAKING_STATUS = 'accepted';

export async function startEwpPartnerStandIn(options: EwpPartnerOptions = {}): Promise<EwpPartnerStandIn> {
  const sendingHeiId = options.sendingHeiId ?? PARTNER_HEI;
  const maxOmobilityIds = options.maxOmobilityIds ?? 100;
  const mobilities = new Map((options.mobilities ?? generateMobilities(10)).map((mobility) => [mobility.omobilityId, mobility]));
  let broken: 'all' | Set<string> = new Set();
  const requests: EwpPartnerStandIn['requests'] = [];

  const server: Server = createServer((request, response) => {
    void answer(request).then(
      ({ status, body }) => {
        response.writeHead(status, { 'content-type': status === 200 ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8' });
        response.end(body);
      },
      () => {
        response.writeHead(500).end();
      },
    );
  });

  async function answer(request: IncomingMessage): Promise<{ status: number; body: string }> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const endpoint = url.pathname === '/index' ? 'index' : url.pathname === '/get' ? 'get' : undefined;
    if (!endpoint) return { status: 404, body: 'No such endpoint' };
    if (request.method !== 'GET' && request.method !== 'POST') return { status: 405, body: 'GET or POST' };
    const form = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams;
    const params = Object.fromEntries([...new Set(form.keys())].map((key) => [key, form.getAll(key)]));
    requests.push({ endpoint, method: request.method, params });
    const sending = params.sending_hei_id ?? [];
    if (sending.length !== 1) return { status: 400, body: 'sending_hei_id is required, once' };
    const own = sending[0] === sendingHeiId ? [...mobilities.values()] : [];
    if (endpoint === 'index') {
      const receiving = params.receiving_hei_id;
      const ids = own.filter((mobility) => !receiving || receiving.includes(mobility.receivingHei.heiId)).map((mobility) => mobility.omobilityId);
      return { status: 200, body: indexResponseXml(ids) };
    }
    const ids = params.omobility_id ?? [];
    if (ids.length === 0 || ids.length > maxOmobilityIds) return { status: 400, body: `give 1 to ${maxOmobilityIds} omobility_id` };
    const found = own.filter((mobility) => ids.includes(mobility.omobilityId));
    const breakStatusOf = broken === 'all' ? found[0]?.omobilityId : found.find((mobility) => (broken as Set<string>).has(mobility.omobilityId))?.omobilityId;
    return { status: 200, body: omobilitiesGetResponseXml(found, { breakStatusOf }) };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sendingHeiId,
    maxOmobilityIds,
    setMobility: (mobility) => void mobilities.set(mobility.omobilityId, mobility),
    breakSchema: (ids) => void (broken = ids === 'all' ? 'all' : new Set(ids)),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const MAX_BODY = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true, processEntities: true });
const declaration = { '@version': '1.0', '@encoding': 'UTF-8' };

function indexResponseXml(ids: string[]): string {
  return builder.build({ '?xml': declaration, 'omobilities-index-response': { '@xmlns': INDEX_NAMESPACE, 'omobility-id': ids } }) as string;
}

/**
 * An omobilities get response holding `mobilities`, elements in the XSD's order. With
 * `breakStatusOf`, that mobility's status is one the schema does not allow.
 */
export function omobilitiesGetResponseXml(mobilities: readonly EwpNomination[], options: { breakStatusOf?: string } = {}): string {
  const hei = (value: EwpNomination['sendingHei']) => ({ 'hei-id': value.heiId, 'ounit-id': value.ounitId, 'iia-id': value.iiaId });
  return builder.build({
    '?xml': declaration,
    'omobilities-get-response': {
      '@xmlns': OMOBILITIES_GET_NAMESPACE,
      'student-mobility': mobilities.map((mobility) => ({
        'omobility-id': mobility.omobilityId,
        'sending-hei': hei(mobility.sendingHei),
        'receiving-hei': hei(mobility.receivingHei),
        ...(mobility.period.sendingAcademicTerm
          ? { 'sending-academic-term-ewp-id': mobility.period.sendingAcademicTerm }
          : { 'non-standard-mobility-period': '' }),
        'receiving-academic-year-id': mobility.period.receivingAcademicYear,
        student: {
          'given-names': [
            mobility.student.givenNames,
            ...mobility.student.otherNames.filter((name) => name.givenNames).map((name) => ({ '#text': name.givenNames, '@xml:lang': name.lang })),
          ],
          'family-name': [
            mobility.student.familyName,
            ...mobility.student.otherNames.filter((name) => name.familyName).map((name) => ({ '#text': name.familyName, '@xml:lang': name.lang })),
          ],
          'global-id': mobility.student.globalId,
          'birth-date': mobility.student.birthDate,
          citizenship: mobility.student.citizenship,
          email: mobility.student.email,
        },
        status: mobility.omobilityId === options.breakStatusOf ? SCHEMA_BREAKING_STATUS : mobility.status,
        'activity-type': mobility.activity.type,
        'activity-attributes': mobility.activity.attributes,
        'planned-arrival-date': mobility.period.plannedArrival,
        'planned-departure-date': mobility.period.plannedDeparture,
        'eqf-level-studied-at-nomination': mobility.eqfLevelAtNomination,
        'eqf-level-studied-at-departure': mobility.eqfLevelAtDeparture,
        'nominee-isced-f-code': mobility.iscedCode,
        'nominee-language-skill': mobility.languageSkills.map((skill) => ({ language: skill.language, 'cefr-level': skill.cefrLevel })),
      })),
    },
  }) as string;
}

const GIVEN = ['Anna', 'Jakub', 'Zofia', 'Piotr', 'Maja', 'Kacper', 'Julia', 'Szymon', 'Lena', 'Filip'];
const FAMILY = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak'];
const ISCED = ['0613', '0311', '0413', '0710', '0532'];
const CEFR = ['B1', 'B2', 'C1'] as const;

/** `count` deterministic nominations from the partner to this institution (ids are UUID-shaped). */
export function generateMobilities(count: number, { sendingHeiId = PARTNER_HEI, receivingHeiId = OUR_HEI } = {}): EwpNomination[] {
  return Array.from({ length: count }, (_, n): EwpNomination => {
    const given = GIVEN[n % GIVEN.length]!;
    const family = FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]!;
    return {
      omobilityId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      status: 'nomination',
      sendingHei: { heiId: sendingHeiId, ounitId: `OU-${n % 7}`, iiaId: 'iia-2025-hvl-uw' },
      receivingHei: { heiId: receivingHeiId },
      student: {
        givenNames: given,
        familyName: family,
        otherNames: [],
        globalId: `urn:schac:personalUniqueCode:int:esi:${sendingHeiId}:${100000 + n}`,
        birthDate: `${1998 + (n % 6)}-0${1 + (n % 9)}-1${n % 10}`,
        citizenship: 'PL',
        email: `${given.toLowerCase()}.${n}@student.${sendingHeiId}`,
      },
      period: { sendingAcademicTerm: '2026/2027-1/2', receivingAcademicYear: '2026/2027', plannedArrival: '2026-08-15', plannedDeparture: '2026-12-20' },
      activity: { type: 'student-studies', attributes: 'long-term' },
      iscedCode: ISCED[n % ISCED.length],
      eqfLevelAtNomination: 6 + (n % 2),
      eqfLevelAtDeparture: 6 + (n % 2),
      languageSkills: [
        { language: 'pl', cefrLevel: 'C2' },
        { language: 'en', cefrLevel: CEFR[n % CEFR.length] },
      ],
    };
  });
}
