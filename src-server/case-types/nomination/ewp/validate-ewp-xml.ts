import { validateXML } from 'xmllint-wasm';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { ewpSchemaSet } from './ewp-schemas';

/** One schema error: the line of the document (when xmllint names one) and libxml2's message. */
export interface XmlSchemaError {
  line: number | null;
  message: string;
}

export type XmlValidation = { valid: true } | { valid: false; errors: XmlSchemaError[] };

/** Larger answers are refused unread (a get answer of 100 mobilities is about 200 kB). */
export const MAX_EWP_FILE_BYTES = 16 * 1024 * 1024;
const MAX_ERRORS = 20;
/** WebAssembly memory for libxml2: 512 MiB in 64 KiB pages, room for a file at the limit above. */
const MAX_MEMORY_PAGES = 8192;
const FILE_NAME = 'ewp.xml';

/**
 * Validates an EWP document against an official schema (default: the Outgoing Mobilities get
 * response, omob-get.xsd) with libxml2 compiled to WebAssembly (xmllint-wasm): the same validator
 * as the xmllint CLI, without a native build. No network: imports resolve to the vendored copies.
 * A document that is not well-formed or breaks the schema gives its errors, never a throw.
 */
export async function validateEwpXml(xml: string | Uint8Array, schemaFile = 'omob-get.xsd'): Promise<XmlValidation> {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml) : xml.byteLength;
  if (size > MAX_EWP_FILE_BYTES) return { valid: false, errors: [{ line: null, message: `The file has ${size} bytes, more than ${MAX_EWP_FILE_BYTES} allowed` }] };
  const schemas = ewpSchemaSet(schemaFile);
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: { fileName: FILE_NAME, contents: xml },
      schema: schemas.main,
      preload: schemas.imports,
      maxMemoryPages: MAX_MEMORY_PAGES,
      modifyArguments: (args) => ['--nonet', ...args],
    });
  } catch (error) {
    // xmllint ended other than valid/invalid (out of memory, a schema that does not compile).
    throw new AppError('internal', `xmllint could not validate the file: ${(error as Error).message.split('\n')[0]}`);
  }
  if (result.valid) return { valid: true };
  // Lines without a position are the echo of the offending source line and its caret.
  const located = result.errors.filter((error) => error.loc?.fileName === FILE_NAME);
  const errors = (located.length ? located : result.errors).slice(0, MAX_ERRORS).map((error) => ({
    line: error.loc?.lineNumber ?? null,
    message: shorten(error.message),
  }));
  return { valid: false, errors: errors.length ? errors : [{ line: null, message: result.rawOutput.trim() || 'The file does not validate' }] };
}

/** "Element '{https://github.com/…/get-response.xsd}status': …" → "Element 'status': …". */
function shorten(message: string): string {
  return message.replace(/\{https?:[^}]*\}/g, '').trim();
}

/** "line 45: Element 'status': …", for logs and the command line. */
export function describeSchemaError(error: XmlSchemaError): string {
  return error.line === null ? error.message : `line ${error.line}: ${error.message}`;
}
