import type { EwpNomination } from '../../../../src-shared/domain/nomination/ewp-nomination';
import type { Database } from '../../../db/database';
import { storeEwpNominations, type StoreCounts } from './ewp-nomination-store';
import { mapOmobilitiesGetResponse } from './map-omobilities';
import { omobilitiesFile, omobilityIds } from './omobilities-client';
import { validateEwpFiles, type XmlSchemaError } from './validate-ewp-xml';

/** Get answers fetched, then validated in one xmllint run. */
const FILES_PER_ROUND = 10;

export interface EwpImportOptions {
  db: Database;
  /** Base URL of the partner's Outgoing Mobilities API (index at {url}/index, get at {url}/get). */
  partnerUrl: string;
  /** SCHAC id of the partner, the sending HEI. */
  sendingHeiId: string;
  /** SCHAC id of this institution, the receiving HEI. */
  receivingHeiId: string;
  /** The partner's max-omobility-ids (from its manifest): ids per get request. The spec's default is 1. */
  maxOmobilityIds?: number;
  timeoutMs?: number;
  now?: () => Date;
}

/** A file (or a mobility in it) that was not imported, with the schema or mapping errors. */
export interface RefusedMobilities {
  omobilityIds: string[];
  errors: XmlSchemaError[];
}

export interface EwpImportResult extends StoreCounts {
  /** Ids the partner's index listed for this institution. */
  listed: number;
  refused: RefusedMobilities[];
}

/**
 * Imports a partner's outgoing mobilities to this institution as nomination drafts: the index
 * lists the ids, the get endpoint gives them in files of up to maxOmobilityIds; each file is
 * validated against the official XSD before it is read, then mapped and stored by omobility id
 * (idempotent: see ewp-nomination-store.ts). A file that breaks the schema is refused whole with
 * its errors and nothing of it is stored; a mobility that cannot be mapped, or that the partner
 * sent unasked or for other HEIs, is refused alone. The partner not answering is an `external`
 * AppError; files stored until then stay.
 */
export async function importEwpMobilities(options: EwpImportOptions): Promise<EwpImportResult> {
  const { db, maxOmobilityIds = 1, now = () => new Date() } = options;
  if (!Number.isInteger(maxOmobilityIds) || maxOmobilityIds < 1) throw new RangeError(`maxOmobilityIds must be a positive integer, not ${maxOmobilityIds}`);
  const partner = { url: options.partnerUrl, sendingHeiId: options.sendingHeiId, timeoutMs: options.timeoutMs };
  const ids = await omobilityIds(partner, options.receivingHeiId);
  const result: EwpImportResult = { listed: ids.length, created: 0, updated: 0, unchanged: 0, refused: [] };

  for (const round of chunks(chunks(ids, maxOmobilityIds), FILES_PER_ROUND)) {
    const files: Uint8Array[] = [];
    for (const asked of round) files.push(await omobilitiesFile(partner, asked));
    const validations = await validateEwpFiles(files);
    for (const [index, asked] of round.entries()) {
      const validation = validations[index]!;
      if (!validation.valid) {
        result.refused.push({ omobilityIds: asked, errors: validation.errors });
        continue;
      }
      const { accepted, refused } = checkMobilities(new TextDecoder().decode(files[index]), asked, options);
      result.refused.push(...refused);
      const counts = await storeEwpNominations(db, accepted, now());
      result.created += counts.created;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
    }
  }
  return result;
}

/** The mobilities of a valid file that map and were asked for, from the partner to this institution. */
function checkMobilities(xml: string, asked: readonly string[], heis: { sendingHeiId: string; receivingHeiId: string }) {
  const { mobilities, problems } = mapOmobilitiesGetResponse(xml);
  const refuse = (omobilityId: string | null, message: string): RefusedMobilities => ({
    omobilityIds: omobilityId ? [omobilityId] : [],
    errors: [{ line: null, message }],
  });
  const refused = problems.map((problem) => refuse(problem.omobilityId, problem.message));
  const wanted = new Set(asked);
  const accepted: EwpNomination[] = [];
  for (const mobility of mobilities) {
    const problem = !wanted.delete(mobility.omobilityId)
      ? 'the partner sent it without being asked for it (or twice)'
      : mobility.sendingHei.heiId !== heis.sendingHeiId
        ? `its sending HEI is ${mobility.sendingHei.heiId}, not the partner ${heis.sendingHeiId}`
        : mobility.receivingHei.heiId !== heis.receivingHeiId
          ? `its receiving HEI is ${mobility.receivingHei.heiId}, not ${heis.receivingHeiId}`
          : undefined;
    if (problem) refused.push(refuse(mobility.omobilityId, `Not imported: ${problem}`));
    else accepted.push(mobility);
  }
  return { accepted, refused };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
