// Draws the toolbar icons (public/icons/icon-N.png): lines of text with a superscript marker — a footnote.
// Run once after changing the design: node scripts/make-icons.mjs. Pure Node (zlib), no image tools needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size, 1 / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cover = (d, px) => Math.max(0, Math.min(1, 0.5 - d / px)); // anti-aliased coverage from a signed distance
const roundRect = (x, y, x0, y0, x1, y1, r) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return Math.hypot(dx, dy) - r;
};

function pixel(x, y, px) {
  const bg = cover(roundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2), px);
  let col = [31, 58, 95];
  // three lines of "text", the last one shorter
  const lines = [
    [0.18, 0.42, 0.6],
    [0.18, 0.58, 0.74],
    [0.18, 0.74, 0.5],
  ];
  let ink = 0;
  for (const [x0, yc, x1] of lines)
    ink = Math.max(ink, cover(roundRect(x, y, x0, yc - 0.045, x1, yc + 0.045, 0.045), px));
  col = col.map((c) => c + (255 - c) * ink);
  // the superscript marker
  const dot = cover(Math.hypot(x - 0.74, y - 0.27) - 0.12, px);
  col = col.map((c, i) => c + ([246, 183, 60][i] - c) * dot);
  return [...col.map(Math.round), Math.round(255 * bg)];
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size, pixel));
console.log('icons written to public/icons/');
