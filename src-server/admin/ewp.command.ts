import { readFile, stat } from 'node:fs/promises';
import { MAX_EWP_FILE_BYTES, validateEwpXml } from '../case-types/nomination/ewp/validate-ewp-xml';
import { mapOmobilitiesGetResponse } from '../case-types/nomination/ewp/map-omobilities';

export const EWP_USAGE = 'ewp validate FILE';

export interface EwpIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `ewp validate FILE`: validates an EWP Outgoing Mobilities get response against the official
 * XSD and prints what an import would store, one JSON line per mobility (the nomination draft).
 * Exit 0 when every mobility maps; 1 with the schema errors ("FILE:LINE: message") on an invalid
 * file, or with the mobilities that do not map; 2 on bad arguments or a file that cannot be read.
 * Needs no database.
 */
export async function runEwpCommand(args: string[], io: EwpIo): Promise<number> {
  const [action, file, ...rest] = args;
  if (action !== 'validate' || !file || rest.length > 0 || file.startsWith('-')) {
    io.err(`Usage: npm run admin -- ${EWP_USAGE}`);
    return 2;
  }
  let xml: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_EWP_FILE_BYTES) throw new Error(`${size} bytes, more than ${MAX_EWP_FILE_BYTES} allowed`);
    xml = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const validation = await validateEwpXml(xml);
  if (!validation.valid) {
    for (const error of validation.errors) io.err(error.line === null ? `${file}: ${error.message}` : `${file}:${error.line}: ${error.message}`);
    return 1;
  }
  const { mobilities, problems } = mapOmobilitiesGetResponse(xml);
  for (const mobility of mobilities) io.out(JSON.stringify(mobility));
  for (const problem of problems) io.err(`${file}: mobility ${problem.omobilityId ?? '(without id)'} cannot be imported: ${problem.message}`);
  return problems.length ? 1 : 0;
}
