import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { repoRoot, runTool } from './tools';

/** The official schemas (vendor/schemas/README.md), by file name. */
const officialSchema = (name: string) => resolve(repoRoot, 'vendor', 'schemas', name === 'addml.xsd' ? 'addml' : 'noark5', name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads values out of a package file with xmllint's XPath, namespaces aside, as Arkade's XQuery tests do. */
async function xpath(file: string, expression: string): Promise<string> {
  const result = await runTool('xmllint', ['--xpath', expression, file]);
  expect(result.code, `${expression} in ${file}: ${result.stderr}`).toBe(0);
  return result.stdout.trim();
}
const count = async (file: string, expression: string) => Number(await xpath(file, `count(${expression})`));
const property = (name: string) => `*[local-name()='property'][@name='${name}']`;
const properties = `*[local-name()='properties']`;
const value = `*[local-name()='value']`;

async function validates(file: string, schema: string): Promise<void> {
  const result = await runTool('xmllint', ['--noout', '--schema', officialSchema(schema), file]);
  expect(result.code, `${file} against ${schema}: ${result.stderr}`).toBe(0);
}

/** A file ADDML describes (under `at`): its name, and its checksum matching the file in the package. */
async function describedFile(dir: string, arkivuttrekk: string, at: string): Promise<string> {
  const file = `${at}/${property('file')}/${properties}`;
  const name = await xpath(arkivuttrekk, `string(${file}/${property('name')}/${value})`);
  const checksum = `${file}/${property('checksum')}/${properties}`;
  expect(await xpath(arkivuttrekk, `string(${checksum}/${property('algorithm')}/${value})`)).toBe('SHA-256');
  expect(await xpath(arkivuttrekk, `string(${checksum}/${property('value')}/${value})`), `the ADDML checksum of ${name}`).toBe(
    sha256(await readFile(join(dir, name))),
  );
  return name;
}

export interface ArkadeReading {
  /** The XML files ADDML describes, with the counts it states (checked against each file). */
  files: Record<string, Record<string, number>>;
  schemas: string[];
  documentFiles: string[];
}

/**
 * Reads a Noark 5 package back as Arkade 5 does before its tests: arkivuttrekk.xml must be valid
 * ADDML; every XML file it describes must be there with its checksum, validate against its
 * official schema and hold the number of elements stated; every schema it names must be in the
 * package, unchanged from the official one; and every document file arkivstruktur.xml refers to
 * must be there with its SHA-256 and size, and nothing else under dokumenter/.
 */
export async function readPackageAsArkade(dir: string): Promise<ArkadeReading> {
  const arkivuttrekk = join(dir, 'arkivuttrekk.xml');
  await validates(arkivuttrekk, 'addml.xsd');
  const reading: ArkadeReading = { files: {}, schemas: [], documentFiles: [] };

  const objects = `//*[local-name()='dataObject'][@name='Noark 5-arkivuttrekk']/*[local-name()='dataObjects']/*[local-name()='dataObject']`;
  for (let index = 1; index <= (await count(arkivuttrekk, objects)); index++) {
    const at = `(${objects})[${index}]/${properties}`;
    const name = await describedFile(dir, arkivuttrekk, at);
    const schemas: string[] = [];
    for (let schema = 1; schema <= (await count(arkivuttrekk, `${at}/${property('schema')}`)); schema++) {
      const schemaName = await describedFile(dir, arkivuttrekk, `(${at}/${property('schema')})[${schema}]/${properties}`);
      expect((await readFile(join(dir, schemaName))).equals(await readFile(officialSchema(schemaName))), `${schemaName} is the official one`).toBe(true);
      schemas.push(schemaName);
    }
    expect(schemas[0], `the main schema of ${name}`).toBe(name.replace(/\.xml$/, '.xsd'));
    await validates(join(dir, name), name.replace(/\.xml$/, '.xsd'));
    reading.schemas.push(...schemas.filter((schema) => !reading.schemas.includes(schema)));

    const stated: Record<string, number> = {};
    const occurrences = `${at}/${property('info')}/${properties}/${property('numberOfOccurrences')}`;
    for (let each = 1; each <= (await count(arkivuttrekk, occurrences)); each++) {
      const element = await xpath(arkivuttrekk, `string((${occurrences})[${each}]/${value})`);
      stated[element] = Number(await xpath(arkivuttrekk, `string((${occurrences})[${each}]/${properties}/${property('value')}/${value})`));
      expect(await count(join(dir, name), `//*[local-name()='${element}']`), `the number of ${element} in ${name}`).toBe(stated[element]);
    }
    reading.files[name] = stated;
  }

  const arkivstruktur = join(dir, 'arkivstruktur.xml');
  expect(Object.keys(reading.files)).toContain('arkivstruktur.xml');
  for (let index = 1; index <= (await count(arkivstruktur, "//*[local-name()='dokumentobjekt']")); index++) {
    const object = `(//*[local-name()='dokumentobjekt'])[${index}]`;
    const path = await xpath(arkivstruktur, `string(${object}/*[local-name()='referanseDokumentfil'])`);
    expect(await xpath(arkivstruktur, `string(${object}/*[local-name()='sjekksumAlgoritme'])`)).toBe('SHA-256');
    const bytes = await readFile(join(dir, path));
    expect(await xpath(arkivstruktur, `string(${object}/*[local-name()='sjekksum'])`), `the checksum of ${path}`).toBe(sha256(bytes));
    expect(await xpath(arkivstruktur, `string(${object}/*[local-name()='filstoerrelse'])`)).toBe(String(bytes.length));
    reading.documentFiles.push(path);
  }
  expect(await xpath(arkivuttrekk, `string(//${property('antallDokumentfiler')}/${value})`)).toBe(String(reading.documentFiles.length));
  expect((await readdir(join(dir, 'dokumenter'))).map((name) => `dokumenter/${name}`).sort()).toEqual([...reading.documentFiles].sort());
  return reading;
}
