import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../repo-root';
import { readEwpXml } from './ewp-xml';

/** The official EWP schemas, vendored with their source and licence (vendor/schemas/README.md). */
export const EWP_SCHEMAS_DIR = resolve(REPO_ROOT, 'vendor', 'schemas', 'ewp');

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export interface SchemaSet {
  /** The schema a document is validated against. */
  main: SchemaFile;
  /** The schemas it imports, by the local file names its imports now point to. */
  imports: SchemaFile[];
}

const catalogSchema = z.object({
  catalog: z.object({ uri: z.array(z.object({ '@name': z.url(), '@uri': z.string().regex(/^[\w.-]+\.xsd$/) })).min(1) }),
});

/**
 * The schema set for `mainFile` (e.g. omob-get.xsd), read once. The official files import each
 * other by their remote addresses; catalog.xml maps those to the local copies (as XML_CATALOG_FILES
 * does for the xmllint CLI), and the copies handed to the validator point at the local names, so
 * validation never reaches the network. The files on disk stay unchanged.
 */
export function ewpSchemaSet(mainFile: string): SchemaSet {
  const cached = loaded.get(mainFile);
  if (cached) return cached;
  const catalog = catalogSchema.parse(readEwpXml(readFileSync(resolve(EWP_SCHEMAS_DIR, 'catalog.xml'), 'utf8'), new Set(['catalog.uri'])));
  const locations = catalog.catalog.uri.map((entry) => ({ remote: entry['@name'], local: entry['@uri'] }));
  const read = (fileName: string): SchemaFile => {
    let contents = readFileSync(resolve(EWP_SCHEMAS_DIR, fileName), 'utf8');
    for (const { remote, local } of locations) contents = contents.replaceAll(`schemaLocation="${remote}"`, `schemaLocation="${local}"`);
    return { fileName, contents };
  };
  const set = { main: read(mainFile), imports: locations.map(({ local }) => read(local)) };
  loaded.set(mainFile, set);
  return set;
}

const loaded = new Map<string, SchemaSet>();
