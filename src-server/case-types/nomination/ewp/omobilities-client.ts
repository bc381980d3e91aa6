import { z } from 'zod';
import { ewpIdentifierSchema } from '../../../../src-shared/domain/nomination/ewp-nomination';
import { AppError, summarizeZodError } from '../../../../src-shared/kernel/app-error';
import { networkReason } from '../../approval/result-exchange/ask-source';
import { readEwpXml } from './ewp-xml';
import { MAX_EWP_FILE_BYTES } from './validate-ewp-xml';

const DEFAULT_EWP_TIMEOUT_MS = 30_000;

/** A partner's Outgoing Mobilities API (EWP, stable v2), as this institution (the receiving HEI) calls it. */
export interface OmobilitiesPartner {
  /** Base URL of the API: the index endpoint is {url}/index, the get endpoint {url}/get. */
  url: string;
  /** SCHAC id of the partner (the sending HEI, owner of the mobilities). */
  sendingHeiId: string;
  timeoutMs?: number;
}

const INDEX_ROOT = 'omobilities-index-response';
const indexSchema = z.object({
  [INDEX_ROOT]: z.union([z.literal(''), z.object({ 'omobility-id': z.array(ewpIdentifierSchema).default([]) })]),
});

/**
 * The ids of the partner's mobilities whose receiving HEI is `receivingHeiId` (index endpoint).
 * The index response is small and read strictly with zod.
 */
export async function omobilityIds(partner: OmobilitiesPartner, receivingHeiId: string): Promise<string[]> {
  const xml = new TextDecoder().decode(await post(partner, 'index', [['receiving_hei_id', receivingHeiId]]));
  const invalid = (problem: string) => new AppError('external', `The partner's omobilities index is not an index response: ${problem}`);
  let document: unknown;
  try {
    document = readEwpXml(xml, new Set([`${INDEX_ROOT}.omobility-id`]));
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const parsed = indexSchema.safeParse(document);
  if (!parsed.success) throw invalid(summarizeZodError(parsed.error));
  const root = parsed.data[INDEX_ROOT];
  return root === '' ? [] : [...new Set(root['omobility-id'])];
}

/** The get response for up to the partner's max-omobility-ids ids, as the bytes it sent. */
export function omobilitiesFile(partner: OmobilitiesPartner, ids: readonly string[]): Promise<Uint8Array> {
  return post(
    partner,
    'get',
    ids.map((id) => ['omobility_id', id]),
  );
}

/** POST with form parameters (as the spec advises for many parameters); sending_hei_id goes with each. */
async function post(partner: OmobilitiesPartner, endpoint: 'index' | 'get', params: [string, string][]): Promise<Uint8Array> {
  const url = new URL(endpoint, partner.url.endsWith('/') ? partner.url : `${partner.url}/`);
  const timeoutMs = partner.timeoutMs ?? DEFAULT_EWP_TIMEOUT_MS;
  let response: Response;
  let body: Uint8Array;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/xml' },
      body: new URLSearchParams([['sending_hei_id', partner.sendingHeiId], ...params]),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await readAtMost(response, MAX_EWP_FILE_BYTES);
  } catch (error) {
    throw new AppError('external', `The partner's omobilities ${endpoint} (${url.href}) did not answer: ${networkReason(error)}`);
  }
  if (!response.ok) throw new AppError('external', `The partner's omobilities ${endpoint} (${url.href}) answered HTTP ${response.status}`);
  return body;
}

/** The body, read no further than `limit` bytes (a partner cannot make the server hold more). */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) throw new Error(`the answer is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
