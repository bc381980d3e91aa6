import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createFileKeyProvider } from '../../../src-main/services/fs/file-key';
import { createSealedFiles } from '../../../src-main/services/fs/sealed-file';
import { secretsFilePath } from '../../../src-main/services/compose-services';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';

/** Helpers for the document tests: the repo's folders and the real command-line checkers. */
export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const resourcesDir = join(repoRoot, 'resources');
/** CI clones the repo with `shared/` beside it, exactly as in the workspace. */
/** The official schemas, vendored with their source and licence (vendor/schemas/README.md). */
export const noark5SchemaPath = resolve(repoRoot, 'vendor', 'schemas', 'noark5', 'arkivstruktur.xsd');

const exec = promisify(execFile);

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool; a non-zero exit is returned, not thrown (pdfsig and xmllint report through it). */
export async function runTool(command: string, args: readonly string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await exec(command, [...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A Noark 5 package folder and its staging folder beside it, in a temporary folder. */
export function withNoark5Dirs<T>(use: (dirs: { dir: string; stagingDir: string }) => Promise<T>): Promise<T> {
  return withTempDir((root) => use({ dir: join(root, 'noark5'), stagingDir: join(root, 'noark5-staging') }));
}

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'saksflyt-doc-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a sealed file of a browser host's data folder (its file key in the plain-file secure store), as the app does. */
export function openSealedFile(dataDir: string, ...path: string[]): Promise<Buffer> {
  const key = createFileKeyProvider(createPlainFileSecureStore(secretsFilePath(dataDir)));
  return createSealedFiles({ root: dataDir, key }).read(join(dataDir, ...path));
}

/** xmllint's check of an arkivstruktur.xml (its bytes, e.g. opened from a data folder) against the Noark 5 schema. */
export function xmllintNoark5(xml: Uint8Array): Promise<ToolResult> {
  return withTempDir(async (dir) => {
    await writeFile(join(dir, 'arkivstruktur.xml'), xml);
    return runTool('xmllint', ['--noout', '--schema', noark5SchemaPath, join(dir, 'arkivstruktur.xml')]);
  });
}

/** Writes the PDF to a temp file and runs the tool on it. */
export function runOnPdf(command: string, args: readonly string[], pdf: Uint8Array): Promise<ToolResult> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return runTool(command, [...args, file]);
  });
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const text = await runTool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    if (text.code !== 0) throw new Error(`pdftotext failed: ${text.stderr}`);
    return text.stdout;
  });
}

export interface PdfSignatureReport {
  signer: string;
  valid: boolean;
  subFilter: string;
  coversAll: boolean;
}

/**
 * Parses `pdfsig` output. pdfsig exits 0 even when a digest does not match, so validity is read
 * per signature from "Signature Validation: Signature is Valid.".
 */
export async function pdfsig(pdf: Uint8Array): Promise<PdfSignatureReport[]> {
  const result = await runOnPdf('pdfsig', [], pdf);
  const blocks = result.stdout.split(/^Signature #\d+:$/m).slice(1);
  return blocks.map((block) => ({
    signer: /Signer Certificate Common Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
    valid: /Signature Validation: Signature is Valid\.$/m.test(block),
    subFilter: /Signature Type: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
    coversAll: /Total document signed$/m.test(block),
  }));
}

/** A copy with one byte flipped inside the signed content: the /Creator string of the first revision. */
export function tamperedCopy(pdf: Uint8Array): Buffer {
  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf('(Saksflyt)') + 1;
  if (at === 0) throw new Error('no /Creator (Saksflyt) string to alter');
  tampered[at] = (tampered[at] ?? 0) ^ 0x20; // "Saksflyt" -> "saksflyt"
  return tampered;
}
