// Draws Rajaus's icon (a white funnel over two list lines on a deep-blue rounded square) into
// assets/icon-{16,32,64,80,128}.png. No image library: a 4×4 supersampled rasterizer and a
// minimal PNG encoder on node:zlib, so the icons can be regenerated on any machine.
// The output is committed; run `node scripts/make-icons.mjs` after changing the drawing.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 59, 130]; // #0F3B82, deep blue
const WHITE = [255, 255, 255];

// Shapes in unit coordinates (0..1, y down).
function inRoundedSquare(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function inFunnel(x, y) {
  const top = 0.17;
  const bowl = 0.44; // where the cone meets the stem
  const stemEnd = 0.6;
  const half = 0.34; // half width at the top
  const stemHalf = 0.065;
  if (y >= top && y <= bowl) {
    const t = (y - top) / (bowl - top);
    const h = half + (stemHalf - half) * t;
    return Math.abs(x - 0.5) <= h;
  }
  if (y > bowl && y <= stemEnd) return Math.abs(x - 0.5) <= stemHalf;
  return false;
}

function inLine(x, y, cy) {
  const half = 0.05;
  const x0 = 0.2;
  const x1 = 0.8;
  if (x >= x0 && x <= x1 && Math.abs(y - cy) <= half) return true;
  // Rounded ends.
  return (x - x0) ** 2 + (y - cy) ** 2 <= half * half || (x - x1) ** 2 + (y - cy) ** 2 <= half * half;
}

function inMark(x, y) {
  return inFunnel(x, y) || inLine(x, y, 0.7) || inLine(x, y, 0.83);
}

/** RGBA pixels of the icon at `size` px. */
export function drawIcon(size) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let fg = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const x = (i + (si + 0.5) / S) / size;
          const y = (j + (sj + 0.5) / S) / size;
          if (inRoundedSquare(x, y)) {
            bg++;
            if (inMark(x, y)) fg++;
          }
        }
      }
      const alpha = bg / (S * S);
      const mix = bg ? fg / bg : 0;
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * mix);
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering: the icons are tiny). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = join(out, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
