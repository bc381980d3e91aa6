import { crc32, deflateSync } from 'node:zlib';

/**
 * A hand-drawn-looking signature as an RGBA PNG (what the signature pad on the coordinator's
 * screen produces), drawn from a few strokes so demos and tests need no image file.
 */
export function demoSignaturePng(width = 360, height = 120): Buffer {
  const rgba = Buffer.alloc(width * height * 4); // transparent
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy += 1) {
      for (let dx = -1; dx <= 1; dx += 1) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const at = (py * width + px) * 4;
        rgba[at] = 20;
        rgba[at + 1] = 40;
        rgba[at + 2] = 120;
        rgba[at + 3] = 255;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 20 + t * (width - 40);
    ink(x, height / 2 + Math.sin(t * 19) * (height / 4) * (1 - t * 0.5) + Math.cos(t * 7) * 6);
  }
  for (let t = 0; t <= 1; t += 0.002) ink(40 + t * (width * 0.7), height * 0.82 - t * 8);

  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typeAndBody = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody));
  return Buffer.concat([length, typeAndBody, crc]);
}
