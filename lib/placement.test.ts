import { describe, expect, it } from 'vitest';
import { placeNextTo } from './placement';

const viewport = { width: 1000, height: 800 };
const box = { width: 300, height: 200 };
const overlaps = (a: { top: number; bottom: number; left: number; right: number }, p: { top: number; left: number }) =>
  p.left < a.right && p.left + box.width > a.left && p.top < a.bottom && p.top + box.height > a.top;

describe('placeNextTo', () => {
  it('goes below the anchor when there is room', () => {
    const anchor = { top: 100, bottom: 120, left: 50, right: 150 };
    expect(placeNextTo(anchor, box, viewport)).toEqual({ top: 128, left: 50, side: 'below' });
  });
  it('goes above near the bottom edge', () => {
    const anchor = { top: 700, bottom: 720, left: 50, right: 150 };
    const p = placeNextTo(anchor, box, viewport);
    expect(p.side).toBe('above');
    expect(overlaps(anchor, p)).toBe(false);
  });
  it('stays inside the viewport at the right edge', () => {
    const p = placeNextTo({ top: 100, bottom: 120, left: 950, right: 990 }, box, viewport);
    expect(p.left + box.width).toBeLessThanOrEqual(viewport.width - 8);
  });
  it('goes beside when neither above nor below fits, without covering the anchor', () => {
    const anchor = { top: 150, bottom: 170, left: 100, right: 200 };
    const p = placeNextTo(anchor, box, { width: 1000, height: 350 });
    expect(p.side).toBe('right');
    expect(overlaps(anchor, p)).toBe(false);
  });
});
