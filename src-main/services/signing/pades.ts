import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { removeTrailingNewLine, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { AppError } from '../../../src-shared/kernel/app-error';
import { createCadesDetachedSignature } from './cades-signature';
import type { SignerBackend } from './signer-backend';

export interface SignatureDetails {
  /** Who signs, as shown in the signature dictionary (the certificate carries the exact name). */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/** Bridges @signpdf's Signer to a SignerBackend: the CMS is built here, only the raw signature there. */
class CadesSigner extends Signer {
  constructor(private readonly backend: SignerBackend) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return createCadesDetachedSignature(pdfBuffer, this.backend);
  }
}

/**
 * Adds one PAdES signature (SubFilter ETSI.CAdES.detached) as an incremental update: the bytes of
 * the given PDF stay as they are, so signatures already in it stay valid. The PDF is never
 * re-saved; a second signature is simply another call on the result of the first.
 */
export async function signPdfIncrementally(pdf: Buffer, backend: SignerBackend, details: SignatureDetails): Promise<Buffer> {
  const original = removeTrailingNewLine(pdf);
  const chain = await backend.certificateChain();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    name: asciiText(details.name),
    reason: asciiText(details.reason),
    location: asciiText(details.location),
    contactInfo: asciiText(details.contactInfo),
    signingTime: details.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // room for the chain, the signature and the attributes, with margin
    signatureLength: chain.reduce((total, der) => total + der.length, 4096),
    appName: 'Saksflyt',
  });
  const signed = await new SignPdf().sign(repairTrailer(withPlaceholder, original), new CadesSigner(backend));
  if (!signed.subarray(0, original.length).equals(original)) {
    throw new AppError('internal', 'Signing changed bytes of the earlier revision; the result was discarded');
  }
  return signed;
}

/**
 * Repairs the trailer @signpdf/placeholder-plain writes for the update, before the signature is
 * made: it lacks the file /ID (PDF/A wants it in the last trailer; copied from the previous one),
 * its /Size can count object numbers it reserved but never wrote, and its startxref points at the
 * newline before "xref". Only the trailer after the new xref section changes, so no offset moves.
 */
function repairTrailer(updated: Buffer, previous: Buffer): Buffer {
  const xrefAt = updated.lastIndexOf('\nxref\n') + 1;
  const trailerAt = updated.lastIndexOf('trailer');
  if (xrefAt <= 0 || trailerAt < xrefAt) throw new AppError('internal', 'The signature placeholder has no xref section');
  const previousTrailer = previous.subarray(previous.lastIndexOf('trailer')).toString('latin1');
  const section = updated.subarray(xrefAt, trailerAt).toString('latin1');
  const highestObject = Math.max(0, ...[...section.matchAll(/^(\d+) 1$/gm)].map((match) => Number(match[1])));
  const size = Math.max(Number(/\/Size (\d+)/.exec(previousTrailer)?.[1] ?? 0), highestObject + 1);
  const id = /\/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]/.exec(previousTrailer)?.[0];

  let trailer = updated.subarray(trailerAt).toString('latin1');
  trailer = trailer.replace(/\/Size \d+/, `/Size ${size}`).replace(/startxref\n\d+/, `startxref\n${xrefAt}`);
  if (id && !trailer.includes('/ID')) trailer = trailer.replace('<<', `<<\n${id}`);
  return Buffer.concat([updated.subarray(0, trailerAt), Buffer.from(trailer, 'latin1')]);
}

/**
 * @signpdf writes the signature dictionary's strings through Buffer.from(string), which turns
 * non-ASCII text into broken bytes; these informational strings are therefore spelled in ASCII.
 */
export function asciiText(text: string): string {
  const replacements: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', å: 'aa', Å: 'Aa', ß: 'ss' };
  return text
    .replace(/[æÆøØåÅß]/g, (letter) => replacements[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '');
}
