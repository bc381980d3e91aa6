import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoSignaturePng } from '../../cli/demo-signature';
import { decodeSignaturePng } from './signature-png';

const base64 = (bytes: Buffer) => bytes.toString('base64');

/** Rebuilds the demo PNG with a different IHDR byte or IDAT payload, with correct CRCs. */
function variant(change: { ihdrByte?: [number, number]; idat?: Buffer }): Buffer {
  const png = demoSignaturePng(8, 4);
  const chunks: { type: string; body: Buffer }[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    chunks.push({ type: png.toString('latin1', offset + 4, offset + 8), body: Buffer.from(png.subarray(offset + 8, offset + 8 + length)) });
    offset += 12 + length;
  }
  return Buffer.concat([
    png.subarray(0, 8),
    ...chunks.map(({ type, body }) => {
      if (type === 'IHDR' && change.ihdrByte) body[change.ihdrByte[0]] = change.ihdrByte[1];
      const content = type === 'IDAT' && change.idat ? change.idat : body;
      const head = Buffer.alloc(8);
      head.writeUInt32BE(content.length);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), content])));
      return Buffer.concat([head, content, crc]);
    }),
  ]);
}

describe('decodeSignaturePng', () => {
  it('accepts the signature pad’s 8-bit RGBA image', () => {
    const png = demoSignaturePng();
    expect(decodeSignaturePng(base64(png)).equals(png)).toBe(true);
  });

  it.each([
    ['not a PNG', Buffer.from('GIF89a, definitely not a PNG image at all'), /not a PNG/],
    ['interlaced', variant({ ihdrByte: [12, 1] }), /non-interlaced/],
    ['16-bit', variant({ ihdrByte: [8, 16] }), /8-bit/],
    ['rows with an unknown filter', variant({ idat: deflateSync(Buffer.alloc((8 * 4 + 1) * 4, 9)) }), /unknown row filter/],
    ['too little image data', variant({ idat: deflateSync(Buffer.alloc(10)) }), /wrong length/],
  ])('rejects %s as a validation error', (_case, png, reason) => {
    expect(() => decodeSignaturePng(base64(png))).toThrow(expect.objectContaining({ kind: 'validation', message: expect.stringMatching(reason) }));
  });
});
