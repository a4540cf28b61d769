import { describe, expect, it } from 'vitest';
import { patchOnce } from './page-hook';

describe('patchOnce', () => {
  it('wraps a page function once, keeping its length, and a second injection leaves the first wrapper', () => {
    const calls: string[] = [];
    const owner = { open: (url: string, target: string) => `${url}@${target}` };
    const wrap = (tag: string) => (original: (url: string, target: string) => string) => (url: string, target: string) => {
      calls.push(tag);
      return original(url, target);
    };
    patchOnce(owner, 'open', wrap('first'));
    patchOnce(owner, 'open', wrap('second'));
    expect(owner.open('tel:1', '_blank')).toBe('tel:1@_blank');
    expect(calls).toEqual(['first']);
    expect(owner.open.length).toBe(2);
  });
});
