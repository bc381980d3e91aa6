import PDFDocument from 'pdfkit';
import type { DocumentResources } from './document-resources';

export const FONT = { regular: 'body', bold: 'body-bold' } as const;

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

/** The parts of pdfkit's document that its typings leave out: object references, the catalog, the current font. */
interface PdfKitInternals {
  ref(data: Record<string, unknown>): { write(chunk: Buffer): void; end(): void };
  _root: { data: Record<string, unknown> };
  /** pdfkit's embedded font: the fontkit font and its cache of laid-out words (never changed once made). */
  _font: { font: object; layoutCache?: Record<string, unknown> };
}

/** Documents that share one cache of laid-out words before it is started afresh (bounds its size). */
const LAYOUT_CACHE_DOCUMENTS = 2000;
const layoutCaches = new WeakMap<object, { words: Record<string, unknown>; documents: number }>();

/**
 * Lets the document's fonts use the word layouts of the documents before it: shaping a word with
 * fontkit costs far more than drawing it, and letters of one kind repeat nearly all their words.
 */
function shareWordLayouts(doc: PDFKit.PDFDocument): void {
  for (const name of [FONT.bold, FONT.regular]) {
    doc.font(name);
    const embedded = (doc as unknown as PdfKitInternals)._font;
    let cache = layoutCaches.get(embedded.font);
    if (!cache || cache.documents >= LAYOUT_CACHE_DOCUMENTS) {
      cache = { words: Object.create(null) as Record<string, unknown>, documents: 0 };
      layoutCaches.set(embedded.font, cache);
    }
    cache.documents += 1;
    if (embedded.layoutCache) embedded.layoutCache = cache.words;
  }
}

/**
 * Renders one PDF/A-2b document: PDF 1.7 with a classic xref table (what the plain signature
 * placeholder needs), only the embedded DejaVu fonts, XMP metadata with pdfaid part 2 /
 * conformance B, and an sRGB output intent. Pages are buffered so `draw` can add page frames
 * ("Side X av Y") once the page count is known.
 */
export async function renderPdfA(resources: DocumentResources, metadata: PdfMetadata, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    size: 'A4',
    margins: { top: 90, bottom: 80, left: 64, right: 64 },
    bufferPages: true,
    autoFirstPage: false,
    font: '', // no default font: Helvetica would be parsed for nothing, and only embedded fonts are allowed
    lang: 'nb-NO',
    displayTitle: true,
    info: {
      Title: metadataText(metadata.title),
      Author: metadataText(metadata.author),
      Subject: metadataText(metadata.subject),
      Creator: 'Saksflyt',
      Producer: 'Saksflyt (pdfkit)',
      CreationDate: metadata.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  // pdfkit accepts parsed fontkit fonts (CHANGELOG 0.17); its typings only list file sources.
  doc.registerFont(FONT.regular, resources.regularFont as unknown as Buffer);
  doc.registerFont(FONT.bold, resources.boldFont as unknown as Buffer);
  shareWordLayouts(doc); // ends with the regular font selected
  doc.addPage();
  draw(doc);
  declarePdfA2b(doc, resources.iccProfile);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function declarePdfA2b(doc: PDFKit.PDFDocument, iccProfile: Buffer): void {
  const internals = doc as unknown as PdfKitInternals;
  const profile = internals.ref({ N: 3, Length: iccProfile.length });
  profile.write(iccProfile);
  profile.end();
  const intent = internals.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
    Info: new String('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  intent.end();
  internals._root.data.OutputIntents = [intent];
  doc.appendXML(`
        <rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about="">
            <pdfaid:part>2</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
        </rdf:Description>
        `);
}

/**
 * pdfkit copies Title/Author/Subject into the XMP packet without escaping, and PDF/A wants the
 * Info dictionary and XMP to agree: so the few characters XML cannot hold raw are replaced.
 */
export function metadataText(text: string): string {
  return text.replace(/&/g, 'og').replace(/</g, '‹').replace(/>/g, '›');
}
