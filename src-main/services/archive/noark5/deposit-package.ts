import { createHash } from 'node:crypto';
import { archivalPeriod, buildArkivstruktur, type CaseClosings, type Noark5Document, type Noark5PackageInfo } from './arkivstruktur';
import { buildArkivuttrekk, type DescribedFile, type PackageFile } from './arkivuttrekk';
import { buildEndringslogg } from './endringslogg';
import { buildLoependeJournal, buildOffentligJournal } from './journals';

/**
 * The files of a Noark 5 deposit package (avleveringspakke) as Arkade 5 reads it: the archive
 * structure, both journals, the change log, Arkivverket's schemas for them, and arkivuttrekk.xml
 * last, which describes the others by checksum and count. It holds closed cases only.
 */
export const DEPOSIT_SCHEMAS = [
  'arkivstruktur.xsd',
  'metadatakatalog.xsd',
  'loependeJournal.xsd',
  'offentligJournal.xsd',
  'endringslogg.xsd',
  'addml.xsd',
] as const;
export type DepositSchema = (typeof DEPOSIT_SCHEMAS)[number];

export interface DepositFile {
  name: string;
  content: string | Uint8Array;
}

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * `documents` are those of the cases in `closings`; `schemas` are the official XSDs to copy in,
 * by file name (a package without them names none).
 */
export function buildDepositPackage(
  info: Noark5PackageInfo,
  documents: readonly Noark5Document[],
  closings: CaseClosings,
  schemas: ReadonlyMap<DepositSchema, Uint8Array>,
): DepositFile[] {
  const copied = [...schemas].map(([name, content]) => ({ name, content }));
  const schemaFiles = (...names: DepositSchema[]): PackageFile[] =>
    names.flatMap((name) => {
      const content = schemas.get(name);
      return content ? [{ name, sha256: sha256(content) }] : [];
    });
  const xml = [
    {
      name: 'arkivstruktur.xml',
      content: buildArkivstruktur(info, documents, closings),
      schemas: schemaFiles('arkivstruktur.xsd', 'metadatakatalog.xsd'),
      occurrences: [
        ['mappe', new Set(documents.map((document) => document.record.case.id)).size],
        ['registrering', documents.length],
      ] as Array<[string, number]>,
    },
    ...(
      [
        ['loependeJournal', buildLoependeJournal],
        ['offentligJournal', buildOffentligJournal],
      ] as const
    ).map(([name, build]) => ({
      name: `${name}.xml`,
      content: build(info, documents),
      schemas: schemaFiles(`${name}.xsd`, 'metadatakatalog.xsd'),
      occurrences: [['journalregistrering', documents.length]] as Array<[string, number]>,
    })),
  ];
  const endringslogg = buildEndringslogg(closings);
  if (endringslogg) {
    xml.push({
      name: 'endringslogg.xml',
      content: endringslogg.xml,
      schemas: schemaFiles('endringslogg.xsd', 'metadatakatalog.xsd'),
      occurrences: [['endring', endringslogg.changes]],
    });
  }
  const described: DescribedFile[] = xml.map(({ content, ...file }) => ({ ...file, sha256: sha256(content) }));
  const arkivuttrekk = buildArkivuttrekk(info, {
    files: described,
    documentFiles: documents.length,
    // A student's case is screened as a whole (offentleglova § 13), so any document makes it so.
    containsScreened: documents.length > 0,
    period: archivalPeriod(info, documents),
  });
  return [...copied, ...xml.map(({ name, content }) => ({ name, content })), { name: 'arkivuttrekk.xml', content: arkivuttrekk }];
}
