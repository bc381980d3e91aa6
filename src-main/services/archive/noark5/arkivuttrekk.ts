import { el, renderXml, type XmlNode } from './xml';
import type { Noark5PackageInfo } from './arkivstruktur';

/**
 * arkivuttrekk.xml: the ADDML 8.3 description of the package that Arkade 5 reads first, after
 * Arkivverket's example for Noark 5 v5.0 (Noark 5 vedlegg 5). It names the archive and its
 * creator, the period, and each XML file of the package with its SHA-256, its schemas (with
 * theirs) and the number of folders, registrations, journal posts and document files it holds,
 * which Arkade compares with what it finds.
 */
export const ADDML_NAMESPACE = 'http://www.arkivverket.no/standarder/addml';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A file of the package with its SHA-256 (hex) exactly as written. */
export interface PackageFile {
  name: string;
  sha256: string;
}

/** One of the package's XML files as ADDML describes it. */
export interface DescribedFile extends PackageFile {
  /** Its schema first (the main one), then the schemas that one imports; none when not in the package. */
  schemas: PackageFile[];
  /** Elements whose number Arkade checks, with their count in the file. */
  occurrences: Array<[element: string, count: number]>;
}

export interface ArkivuttrekkContents {
  files: DescribedFile[];
  documentFiles: number;
  containsScreened: boolean;
  /** The archive part's period (arkivperiodeStartDato/SluttDato), when it holds anything. */
  period?: { start: string; end: string };
}

const property = (name: string, value?: string | number, children: XmlNode[] = [], dataType?: string): XmlNode =>
  el(
    'property',
    [...(value === undefined ? [] : [el('value', value)]), ...(children.length ? [el('properties', children)] : [])],
    dataType ? { name, dataType } : { name },
  );
const additional = (name: string, children: XmlNode[]): XmlNode => el('additionalElement', children, { name });
const xmlFile = (file: PackageFile) =>
  property('file', undefined, [
    property('name', file.name),
    property('format', 'XML', [property('version', '1.0')]),
    property('checksum', undefined, [property('algorithm', 'SHA-256'), property('value', file.sha256)]),
  ]);
const schema = (file: PackageFile, main: boolean) =>
  property('schema', main ? 'main' : undefined, [xmlFile(file), property('type', 'XML Schema', [property('version', '1.0')])]);
const occurrences = ([element, count]: [string, number]) =>
  property('numberOfOccurrences', element, [property('elementPath', `//${element}`), property('value', count, [], 'integer')]);

const dataObject = (file: DescribedFile): XmlNode =>
  el(
    'dataObject',
    [
      el('properties', [
        xmlFile(file),
        ...file.schemas.map((each, index) => schema(each, index === 0)),
        ...(file.occurrences.length ? [property('info', undefined, file.occurrences.map(occurrences))] : []),
      ]),
    ],
    { name: file.name.replace(/\.xml$/, '') },
  );

export function buildArkivuttrekk(info: Noark5PackageInfo, contents: ArkivuttrekkContents): string {
  const noark5 = el(
    'dataObject',
    [
      el('properties', [
        property('info', undefined, [
          property('type', 'Noark 5', [property('version', '5.0')]),
          property('additionalInfo', undefined, [
            property('inneholderSkjermetInformasjon', String(contents.containsScreened), [], 'boolean'),
            property('omfatterDokumenterSomErKassert', 'false', [], 'boolean'),
            property('inneholderDokumenterSomSkalKasseres', 'false', [], 'boolean'),
            property('inneholderVirksomhetsspesifikkeMetadata', 'false', [], 'boolean'),
            property('antallDokumentfiler', contents.documentFiles, [], 'integer'),
          ]),
        ]),
      ]),
      el('dataObjects', contents.files.map(dataObject)),
    ],
    { name: 'Noark 5-arkivuttrekk' },
  );
  const context = el('context', [
    el('additionalElements', [
      additional('recordCreators', [el('additionalElements', [additional('recordCreator', [el('value', info.creatorName)])])]),
      additional('systemType', [el('value', 'Fagsystem (Noark 5)')]),
      additional('systemName', [el('value', 'Saksflyt')]),
      additional('archive', [el('value', info.archiveTitle)]),
    ]),
  ]);
  const content = contents.period
    ? [
        el('content', [
          el('additionalElements', [
            additional('archivalPeriod', [el('properties', [property('startDate', contents.period.start), property('endDate', contents.period.end)])]),
          ]),
        ]),
      ]
    : [];
  return renderXml(
    el('addml', [el('dataset', [el('description', 'Noark 5-arkivuttrekk'), el('reference', [context, ...content]), el('dataObjects', [noark5])])], {
      xmlns: ADDML_NAMESPACE,
      'xmlns:xsi': XSI,
      name: 'Noark 5-arkivuttrekk',
    }),
  );
}
