import type { Institution } from '../../../src-shared/documents/letter-parts.schema';
import { FONT } from './pdfa-document';

/** Shared look of every document: sizes, the page frame and the building blocks of the body. */
const SIZE = { title: 16, heading: 12, body: 10.5, small: 8.5 } as const;
const GREY = '#4a4a4a';

export interface PageFrame {
  institution: Institution;
  caseNumber: string;
  documentTitle: string;
}

/** Header (institution, case number) and footer (title, "Side X av Y") on every buffered page. */
export function drawPageFrames(doc: PDFKit.PDFDocument, frame: PageFrame): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const page = doc.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0; // text in the footer band must not spill onto a new page
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;

    doc.fillColor('black').font(FONT.bold).fontSize(10);
    doc.text(frame.institution.name, left, 36, { width: width * 0.65, lineBreak: false });
    if (frame.institution.department) {
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(GREY);
      doc.text(frame.institution.department, left, 50, { width: width * 0.65, lineBreak: false });
    }
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(GREY);
    doc.text(`Saksnr. ${frame.caseNumber}`, left, 38, { width, align: 'right', lineBreak: false });
    rule(doc, left, 66, width);

    const footerY = page.height - 52;
    rule(doc, left, footerY - 6, width);
    doc.text(`${frame.documentTitle} · ${frame.institution.name}`, left, footerY, {
      width: width * 0.75,
      lineBreak: false,
    });
    doc.text(`Side ${index - start + 1} av ${count}`, left, footerY, { width, align: 'right', lineBreak: false });

    page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
}

function rule(doc: PDFKit.PDFDocument, x: number, y: number, width: number): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor('#9a9a9a')
    .stroke()
    .restore();
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `height` points are left, so a block is not split. */
export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function title(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.5).font(FONT.bold).fontSize(SIZE.title).fillColor('black');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.6);
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  keepTogether(doc, 60);
  doc.moveDown(0.6).font(FONT.bold).fontSize(SIZE.heading).fillColor('black');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { muted?: boolean } = {}): void {
  doc
    .font(FONT.regular)
    .fontSize(SIZE.body)
    .fillColor(options.muted ? GREY : 'black');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.5).fillColor('black');
}

/** "Label: value" lines, label in bold. */
export function facts(doc: PDFKit.PDFDocument, rows: ReadonlyArray<readonly [string, string]>): void {
  for (const [label, value] of rows) {
    doc.font(FONT.bold).fontSize(SIZE.body).fillColor('black');
    doc.text(`${label}: `, doc.page.margins.left, doc.y, { width: contentWidth(doc), continued: true, lineGap: 2 });
    doc.font(FONT.regular).text(value, { lineGap: 2 });
  }
  doc.moveDown(0.5);
}

export function bullets(doc: PDFKit.PDFDocument, items: readonly string[]): void {
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor('black');
  for (const item of items) {
    doc.text(`•  ${item}`, doc.page.margins.left + 8, doc.y, { width: contentWidth(doc) - 8, lineGap: 2, indent: 0 });
  }
  doc.moveDown(0.5);
}

/** Recipient's address to the left, date and references to the right: the top of a letter. */
export function letterHead(doc: PDFKit.PDFDocument, recipient: readonly string[], references: ReadonlyArray<readonly [string, string]>): void {
  const left = doc.page.margins.left;
  const top = doc.y + 6;
  const width = contentWidth(doc);
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor('black');
  doc.text(recipient.join('\n'), left, top, { width: width * 0.55, lineGap: 1 });
  const recipientBottom = doc.y;
  doc.fontSize(SIZE.small);
  let y = top;
  for (const [label, value] of references) {
    doc.fillColor(GREY).text(label, left + width * 0.6, y, { width: width * 0.18, lineBreak: false });
    doc.fillColor('black').text(value, left + width * 0.78, y, { width: width * 0.22, lineBreak: false });
    y += 13;
  }
  doc.x = left;
  doc.y = Math.max(recipientBottom, y) + 18;
}

/** Signature lines for named people; the student's drawn signature goes above their line when given. */
export function signatureArea(doc: PDFKit.PDFDocument, signers: ReadonlyArray<{ label: string; name: string; image?: Buffer; note?: string }>): void {
  const boxHeight = 70;
  keepTogether(doc, boxHeight + 40);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const columnWidth = (width - 24 * (signers.length - 1)) / signers.length;
  const top = doc.y + 8;
  signers.forEach((signer, index) => {
    const x = left + index * (columnWidth + 24);
    if (signer.image) {
      doc.image(signer.image, x, top, { fit: [columnWidth, boxHeight - 6], valign: 'bottom' });
    }
    rule(doc, x, top + boxHeight, columnWidth);
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor('black');
    doc.text(`${signer.label}: ${signer.name}`, x, top + boxHeight + 4, { width: columnWidth });
    if (signer.note) doc.fillColor(GREY).text(signer.note, x, doc.y, { width: columnWidth }).fillColor('black');
  });
  doc.x = left;
  doc.y = top + boxHeight + 40;
}

export interface TableColumn {
  header: string;
  /** Points, or '*' to share what the other columns leave. */
  width: number | '*';
  align?: 'left' | 'right';
}

/** A ruled table with a bold header row (pdfkit's own tables); a row that does not fit moves whole to the next page. */
export function table(doc: PDFKit.PDFDocument, columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>): void {
  const left = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('black');
  doc.table({
    position: { x: left, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: columns.map((column) => ({ width: column.width, align: { x: column.align ?? 'left', y: 'top' } })),
    defaultStyle: { border: 0.5, borderColor: '#9a9a9a', padding: [3, 4] },
    data: [
      columns.map((column) => ({ text: column.header, type: 'TH' as const, font: { src: FONT.bold }, backgroundColor: '#eeeeee' })),
      ...rows.map((row) => [...row]),
    ],
  });
  doc.x = left;
  doc.moveDown(0.5);
}
