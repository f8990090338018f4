/**
 * A fast 128-bit hash of bytes (MurmurHash3, x86 128-bit variant) in plain JavaScript, for the
 * lint cache's content keys. Loading node:crypto for MD5 costs ~10 ms of start-up, more than
 * hashing every file of a small registry; 128 bits make an accidental collision negligible.
 */

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function word(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}

/** The hash of `bytes` with `seed`, as 24 characters of base64. */
export function hash128(bytes: Uint8Array, seed = 0): string {
  const len = bytes.length;
  const blocks = len & ~15;
  let h1 = seed >>> 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  for (let i = 0; i < blocks; i += 16) {
    let k1 = word(bytes, i);
    let k2 = word(bytes, i + 4);
    let k3 = word(bytes, i + 8);
    let k4 = word(bytes, i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = rotl(h1, 19) + h2;
    h1 = (Math.imul(h1, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = rotl(h2, 17) + h3;
    h2 = (Math.imul(h2, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = rotl(h3, 15) + h4;
    h3 = (Math.imul(h3, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = rotl(h4, 13) + h1;
    h4 = (Math.imul(h4, 5) + 0x32ac3b17) | 0;
  }
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  const tail = len & 15;
  const t = blocks;
  /* eslint-disable no-fallthrough */
  switch (tail) {
    case 15:
      k4 ^= bytes[t + 14]! << 16;
    case 14:
      k4 ^= bytes[t + 13]! << 8;
    case 13:
      k4 ^= bytes[t + 12]!;
      k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
      h4 ^= k4;
    case 12:
      k3 ^= bytes[t + 11]! << 24;
    case 11:
      k3 ^= bytes[t + 10]! << 16;
    case 10:
      k3 ^= bytes[t + 9]! << 8;
    case 9:
      k3 ^= bytes[t + 8]!;
      k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
      h3 ^= k3;
    case 8:
      k2 ^= bytes[t + 7]! << 24;
    case 7:
      k2 ^= bytes[t + 6]! << 16;
    case 6:
      k2 ^= bytes[t + 5]! << 8;
    case 5:
      k2 ^= bytes[t + 4]!;
      k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
      h2 ^= k2;
    case 4:
      k1 ^= bytes[t + 3]! << 24;
    case 3:
      k1 ^= bytes[t + 2]! << 16;
    case 2:
      k1 ^= bytes[t + 1]! << 8;
    case 1:
      k1 ^= bytes[t]!;
      k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
      h1 ^= k1;
  }
  /* eslint-enable no-fallthrough */
  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  const out = Buffer.allocUnsafe(16);
  out.writeUInt32BE(h1 >>> 0, 0);
  out.writeUInt32BE(h2 >>> 0, 4);
  out.writeUInt32BE(h3 >>> 0, 8);
  out.writeUInt32BE(h4 >>> 0, 12);
  return out.toString('base64');
}
