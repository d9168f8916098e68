import { crc32, deflateSync } from 'node:zlib';
import { decodePng } from '../../infra/teams/png';

/**
 * Re-encodes a screenshot as an 8-bit palette PNG of its 256 commonest colours (each other colour mapped to the
 * nearest), so the committed gallery stays small: a card is mostly white, a few text colours and their anti-aliasing,
 * which 256 colours hold with no visible change.
 */
export function toPalettePng(png: Buffer): Buffer {
  const { width, height, rgba } = decodePng(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const key = ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 256).map(([key]) => key);
  const index = new Map<number, number>(palette.map((key, i) => [key, i]));
  const nearest = (key: number): number => {
    const known = index.get(key);
    if (known !== undefined) return known;
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach((p, i) => {
      const d = (((p >> 16) & 255) - ((key >> 16) & 255)) ** 2 + (((p >> 8) & 255) - ((key >> 8) & 255)) ** 2 + ((p & 255) - (key & 255)) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(key, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      raw[y * (width + 1) + 1 + x] = nearest(((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0));
    }
  }
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((key, i) => plte.set([(key >> 16) & 255, (key >> 8) & 255, key & 255], i * 3));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])), 0);
  return Buffer.concat([head, body, crc]);
}
