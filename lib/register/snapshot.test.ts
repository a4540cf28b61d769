import { describe, expect, it } from 'vitest';
import { SnapshotBuilder, chunkify, e164ToNsn, hasNumber, joinChunks, nsnToE164 } from './snapshot';

describe('SnapshotBuilder', () => {
  it('grows past its initial capacity, sorts, de-duplicates and counts duplicates', () => {
    const b = new SnapshotBuilder(16);
    const input: number[] = [];
    for (let i = 0; i < 5000; i++) input.push(99999999 - ((i * 7919) % 1000) * 1000);
    for (const n of input) b.add(n);
    expect(b.count).toBe(5000);
    const { numbers, duplicates } = b.finish();
    const expected = [...new Set(input)].sort((x, y) => x - y);
    expect(Array.from(numbers)).toEqual(expected);
    expect(numbers.length).toBe(1000);
    expect(duplicates).toBe(4000);
    expect(numbers.buffer.byteLength).toBe(1000 * 4);
  });

  it('sorts numerically (not as strings) and keeps leading-zero numbers', () => {
    const b = new SnapshotBuilder();
    for (const n of [98765432, 41234567, 22123456, 9, 41234567, 100000000 - 1]) b.add(n);
    expect(b.finish()).toEqual({ numbers: new Uint32Array([9, 22123456, 41234567, 98765432, 99999999]), duplicates: 1 });
  });

  it('handles nothing added, and refuses use after finish', () => {
    const b = new SnapshotBuilder();
    expect(b.finish()).toEqual({ numbers: new Uint32Array(0), duplicates: 0 });
    expect(() => b.add(1)).toThrow(/after finish/);
    expect(() => b.finish()).toThrow(/twice/);
  });
});

describe('chunks', () => {
  it('splits into chunks of perChunk numbers and joins them back', () => {
    const numbers = new Uint32Array([1, 2, 3, 4, 5, 6, 7]);
    const chunks = chunkify(numbers, 3);
    expect(chunks.map((c) => c.byteLength)).toEqual([12, 12, 4]);
    expect(Array.from(new Uint32Array(chunks[2] as ArrayBuffer))).toEqual([7]);
    expect(joinChunks(chunks)).toEqual(numbers);
    expect(chunkify(new Uint32Array(0))).toEqual([]);
    expect(joinChunks([])).toEqual(new Uint32Array(0));
  });

  it('stores little-endian Uint32 (the documented storage format)', () => {
    const [chunk] = chunkify(new Uint32Array([41234567]));
    expect(new DataView(chunk as ArrayBuffer).getUint32(0, true)).toBe(41234567);
  });

  it('defaults to 262144 numbers (1 MiB) per chunk', () => {
    const chunks = chunkify(new Uint32Array(262144 * 2 + 1));
    expect(chunks.map((c) => c.byteLength)).toEqual([1048576, 1048576, 4]);
  });

  it('rejects a chunk that is not whole Uint32 values and a bad chunk size', () => {
    expect(() => joinChunks([new ArrayBuffer(6)])).toThrow(/not a whole number/);
    expect(() => chunkify(new Uint32Array(1), 0)).toThrow(RangeError);
  });
});

describe('lookups', () => {
  it('hasNumber finds exactly the stored numbers', () => {
    const sorted = new Uint32Array([22123456, 41234567, 41234569, 98765432]);
    for (const n of sorted) expect(hasNumber(sorted, n)).toBe(true);
    for (const n of [0, 22123455, 41234568, 98765433, 99999999]) expect(hasNumber(sorted, n)).toBe(false);
    expect(hasNumber(new Uint32Array(0), 41234567)).toBe(false);
  });

  it('converts between E.164 and national numbers', () => {
    expect(e164ToNsn('+4741234567')).toBe(41234567);
    expect(e164ToNsn('+4701234567')).toBe(1234567);
    for (const bad of ['+46701234567', '+474123456', '+47412345678', '4741234567', '+47412345a7', '']) expect(e164ToNsn(bad)).toBeNull();
    expect(nsnToE164(41234567)).toBe('+4741234567');
    expect(nsnToE164(1234567)).toBe('+4701234567');
  });
});
