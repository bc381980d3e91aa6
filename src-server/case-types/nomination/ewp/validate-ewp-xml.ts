import { validateXML } from 'xmllint-wasm';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { ewpSchemaSet } from './ewp-schemas';

/** One schema error: the line of the document (when xmllint names one) and libxml2's message. */
export interface XmlSchemaError {
  line: number | null;
  message: string;
}

export type XmlValidation = { valid: true } | { valid: false; errors: XmlSchemaError[] };

/** Larger files are refused unread (a get answer of 100 mobilities is about 150 kB). */
export const MAX_EWP_FILE_BYTES = 8 * 1024 * 1024;
/** Files validated in one xmllint run: starting one (a worker thread, the schema compiled) costs more than a file. */
const FILES_PER_RUN = 10;
const BYTES_PER_RUN = 8 * 1024 * 1024;
/** WebAssembly memory for libxml2: up to 512 MiB in 64 KiB pages, room for a run at the limits above. */
const MAX_MEMORY_PAGES = 8192;
const MAX_ERRORS = 20;

type XmlFile = string | Uint8Array;

/**
 * Validates EWP documents against an official schema (default: the Outgoing Mobilities get
 * response, omob-get.xsd) with libxml2 compiled to WebAssembly (xmllint-wasm): the validator of
 * the xmllint CLI, without a native build. No network: imports resolve to the vendored copies. A
 * file that is not well-formed or breaks the schema gives its errors, never a throw; one result
 * per file, in order.
 */
export async function validateEwpFiles(files: readonly XmlFile[], schemaFile = 'omob-get.xsd'): Promise<XmlValidation[]> {
  const results: XmlValidation[] = [];
  for (const run of runs(files)) results.push(...(await validateRun(run, schemaFile)));
  return results;
}

export async function validateEwpXml(xml: XmlFile, schemaFile?: string): Promise<XmlValidation> {
  return (await validateEwpFiles([xml], schemaFile))[0]!;
}

/** Consecutive files, grouped by FILES_PER_RUN and BYTES_PER_RUN (a file too large is a run of its own). */
function runs(files: readonly XmlFile[]): XmlFile[][] {
  const grouped: XmlFile[][] = [];
  let bytes = 0;
  for (const file of files) {
    const size = sizeOf(file);
    const last = grouped.at(-1);
    if (last && last.length < FILES_PER_RUN && bytes + size <= BYTES_PER_RUN) {
      last.push(file);
      bytes += size;
    } else {
      grouped.push([file]);
      bytes = size;
    }
  }
  return grouped;
}

async function validateRun(files: XmlFile[], schemaFile: string): Promise<XmlValidation[]> {
  const named = files.map((contents, index) => ({ fileName: `ewp-${index}.xml`, contents }));
  const tooLarge = (size: number): XmlValidation => ({
    valid: false,
    errors: [{ line: null, message: `The file has ${size} bytes, more than ${MAX_EWP_FILE_BYTES} allowed` }],
  });
  const checked = named.filter((file) => sizeOf(file.contents) <= MAX_EWP_FILE_BYTES);
  const schemas = ewpSchemaSet(schemaFile);
  let result: Awaited<ReturnType<typeof validateXML>> | undefined;
  if (checked.length) {
    try {
      result = await validateXML({
        xml: checked,
        schema: schemas.main,
        preload: schemas.imports,
        maxMemoryPages: MAX_MEMORY_PAGES,
        modifyArguments: (args) => ['--nonet', ...args],
      });
    } catch (error) {
      // xmllint ended other than valid/invalid (out of memory, a schema that does not compile).
      throw new AppError('internal', `xmllint could not validate the file: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  // xmllint says "<file> validates" for each valid file; the errors of the others carry their file name and line.
  const verdicts = new Set(result?.rawOutput.split('\n'));
  return named.map((file): XmlValidation => {
    const size = sizeOf(file.contents);
    if (size > MAX_EWP_FILE_BYTES) return tooLarge(size);
    if (verdicts.has(`${file.fileName} validates`)) return { valid: true };
    const errors = (result?.errors ?? [])
      .filter((error) => error.loc?.fileName === file.fileName)
      .slice(0, MAX_ERRORS)
      .map((error) => ({ line: error.loc!.lineNumber, message: shorten(error.message) }));
    return { valid: false, errors: errors.length ? errors : [{ line: null, message: 'The file does not validate' }] };
  });
}

function sizeOf(file: XmlFile): number {
  return typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength;
}

/** "Element '{https://github.com/…/get-response.xsd}status': …" → "Element 'status': …". */
function shorten(message: string): string {
  return message.replace(/\{https?:[^}]*\}/g, '').trim();
}
