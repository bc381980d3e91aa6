import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, summarizeZodError } from '../../../src-shared/kernel/app-error';
import { p360ConfigSchema } from '../archive/adapters/p360-sif.adapter';
import { secretNameSchema } from '../secure-store/secure-store';
import { signerConfigSchema } from '../signing/signer-config';

/** The documents pipeline's own configuration, kept by the administrator in the data folder. */
export const DOCUMENTS_CONFIG_FILE = 'documents.json';

const folderPath = z.string().min(1).max(1000);

/**
 * `<dataDir>/documents.json`; every part is optional. Secrets (PKCS#12 passwords, the P360 auth
 * key, the Canvas token) are never in this file: it names their entries in the secure store.
 *
 * - `signers`: a key not configured is a DEMO key made once in `<dataDir>/demo-certificates`
 *   (never for real use); students have certificates only in that demo set.
 * - `archive`: the folder archive (default `<dataDir>/archive`) and the Noark 5 export (default
 *   `<dataDir>/noark5`) always run; P360 only when configured. In P360 a student's document goes
 *   into the student's folder (`caseType`, `folderTitle`, screened § 13); a document of the case's
 *   own folder (the course contract) into a case found by the app's case number as its external id
 *   or made with `courseCaseType` (default "Sak"), not screened, in `courseSubArchive` and
 *   `courseAccessGroup` when given (else `subArchive` and `accessGroup`).
 * - `canvas`: without it the coursework lookup says Canvas is not configured.
 */
export const documentsConfigSchema = z
  .object({
    /** Named in the DEMO certificates (a real key names its holder itself). */
    institution: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) }).default({ id: 'demo', name: 'Saksflyt demo' }),
    /** City printed as the place of signing. */
    signingLocation: z.string().min(1).max(100).default('Fjordheim'),
    signers: z.object({ coordinator: signerConfigSchema.optional(), seal: signerConfigSchema.optional() }).strict().default({}),
    archive: z
      .object({
        folder: z.object({ dir: folderPath }).strict().optional(),
        noark5: z
          .object({ dir: folderPath.optional(), archiveTitle: z.string().min(1).max(300).optional() })
          .strict()
          .optional(),
        p360: p360ConfigSchema.extend({ authKeySecret: secretNameSchema }).optional(),
      })
      .strict()
      .default({}),
    canvas: z
      .object({ baseUrl: z.url({ protocol: /^https?$/ }), tokenSecret: secretNameSchema })
      .strict()
      .optional(),
  })
  .strict();
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;

/**
 * Reads the configuration; a missing file means the defaults. A file that cannot be read or parsed
 * is an error (never silently replaced by defaults: those sign with demo keys).
 */
export async function loadDocumentsConfig(dataDir: string): Promise<DocumentsConfig> {
  const path = join(dataDir, DOCUMENTS_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return documentsConfigSchema.parse({});
    throw new AppError('precondition', `${path} could not be read: ${String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('precondition', `${path} is not valid JSON`);
  }
  const parsed = documentsConfigSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('precondition', `${path} is invalid: ${summarizeZodError(parsed.error)}`);
  return parsed.data;
}
