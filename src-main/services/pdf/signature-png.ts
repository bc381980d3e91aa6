import { crc32, inflateSync } from 'node:zlib';
import { AppError } from '../../../src-shared/kernel/app-error';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4000;
/** Samples per pixel of the 8-bit, non-interlaced colour types a signature pad produces. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

const invalid = (reason: string) => new AppError('validation', `studentSignature.pngBase64: ${reason}`);

/**
 * Decodes and fully checks the signature image before pdfkit sees it: pdfkit's PNG decoder
 * throws inside an asynchronous callback on corrupt data, which would take the process down.
 * Checked: magic number, chunk CRCs, IHDR (8-bit, non-interlaced greyscale/RGB with or without
 * alpha, sane size), and that the inflated IDAT has exactly one valid filter byte per row.
 */
export function decodeSignaturePng(base64: string): Buffer {
  const png = Buffer.from(base64, 'base64');
  if (png.length < PNG_MAGIC.length + 25 || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) {
    throw invalid('not a PNG image');
  }
  let offset = PNG_MAGIC.length;
  let header: { width: number; height: number; channels: number } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (!ended) {
    if (offset + 12 > png.length) throw invalid('truncated PNG');
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) throw invalid('truncated PNG chunk');
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(offset + 8 + length)) {
      throw invalid(`bad CRC in ${type} chunk`);
    }
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = readHeader(body);
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    offset = end;
  }
  if (!header) throw invalid('no IHDR chunk');
  checkScanlines(data, header);
  return png;
}

function readHeader(body: Buffer): { width: number; height: number; channels: number } {
  if (body.length !== 13) throw invalid('bad IHDR chunk');
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = body.subarray(8);
  const channels = colorType === undefined ? undefined : CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw invalid('only 8-bit, non-interlaced greyscale or RGB images (with or without alpha) are accepted');
  }
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) throw invalid(`size ${width}×${height} out of range`);
  return { width, height, channels };
}

function checkScanlines(data: Buffer[], header: { width: number; height: number; channels: number }): void {
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data));
  } catch {
    throw invalid('image data does not decompress');
  }
  const rowLength = 1 + header.width * header.channels;
  if (pixels.length !== rowLength * header.height) throw invalid('image data has the wrong length');
  for (let row = 0; row < header.height; row += 1) {
    if ((pixels[row * rowLength] ?? 255) > 4) throw invalid('image data has an unknown row filter');
  }
}
