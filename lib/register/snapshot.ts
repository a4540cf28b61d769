/**
 * The register as a compact number set: sorted, de-duplicated 8-digit
 * Norwegian national numbers in a Uint32Array (3 million numbers = 12 MB),
 * stored as a few ArrayBuffer chunks (little-endian) and searched by binary search.
 */

const INITIAL_CAPACITY = 1 << 16;
/** Default numbers per stored chunk: 256 Ki numbers = 1 MiB. */
export const NUMBERS_PER_CHUNK = 262144;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Collects numbers in a geometrically growing Uint32Array; `finish` sorts and de-duplicates in place. */
export class SnapshotBuilder {
  private buffer: Uint32Array;
  private size = 0;
  private finished = false;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.buffer = new Uint32Array(Math.max(16, Math.floor(initialCapacity)));
  }

  add(nsn: number): void {
    if (this.finished) throw new Error('SnapshotBuilder: add after finish');
    if (this.size === this.buffer.length) {
      const grown = new Uint32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.size++] = nsn;
  }

  /** Numbers added so far (duplicates included). */
  get count(): number {
    return this.size;
  }

  /** Sorted unique numbers (a right-sized copy) and how many additions were duplicates. */
  finish(): { numbers: Uint32Array; duplicates: number } {
    if (this.finished) throw new Error('SnapshotBuilder: finish called twice');
    this.finished = true;
    const view = this.buffer.subarray(0, this.size);
    view.sort();
    let unique = 0;
    for (let i = 0; i < view.length; i++) {
      const v = view[i] as number;
      if (unique === 0 || v !== view[unique - 1]) view[unique++] = v;
    }
    const numbers = view.slice(0, unique);
    const duplicates = this.size - unique;
    this.buffer = new Uint32Array(0);
    return { numbers, duplicates };
  }
}

/** Splits sorted numbers into ArrayBuffers of at most `perChunk` numbers (little-endian Uint32). */
export function chunkify(numbers: Uint32Array, perChunk = NUMBERS_PER_CHUNK): ArrayBuffer[] {
  if (!Number.isInteger(perChunk) || perChunk < 1) throw new RangeError(`perChunk must be a positive integer: ${perChunk}`);
  const out: ArrayBuffer[] = [];
  for (let start = 0; start < numbers.length; start += perChunk) {
    const slice = numbers.slice(start, start + perChunk);
    if (!LITTLE_ENDIAN) swapBytes(slice);
    out.push(slice.buffer);
  }
  return out;
}

/** Joins stored chunks back into one Uint32Array. */
export function joinChunks(buffers: readonly ArrayBuffer[]): Uint32Array {
  let total = 0;
  for (const b of buffers) {
    if (b.byteLength % 4 !== 0) throw new Error(`register chunk of ${b.byteLength} bytes is not a whole number of Uint32`);
    total += b.byteLength / 4;
  }
  const out = new Uint32Array(total);
  let offset = 0;
  for (const b of buffers) {
    const part = new Uint32Array(b);
    out.set(part, offset);
    offset += part.length;
  }
  if (!LITTLE_ENDIAN) swapBytes(out);
  return out;
}

function swapBytes(a: Uint32Array): void {
  const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
  for (let i = 0; i < a.length; i++) a[i] = view.getUint32(i * 4, true);
}

/** Binary search in an ascending Uint32Array. */
export function hasNumber(sorted: Uint32Array, nsn: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === nsn) return true;
    if (v < nsn) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** `+4741234567` → 41234567; anything but +47 followed by exactly 8 digits → null. */
export function e164ToNsn(e164: string): number | null {
  if (e164.length !== 11 || !e164.startsWith('+47')) return null;
  let n = 0;
  for (let i = 3; i < 11; i++) {
    const d = e164.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

/** 41234567 → `+4741234567` (leading zeros kept: 8 digits). */
export function nsnToE164(nsn: number): string {
  return `+47${String(nsn).padStart(8, '0')}`;
}
