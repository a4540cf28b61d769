import { describe, expect, it } from 'vitest';
import { settled } from './settled';

describe('settled (popup: a failed tab or count request becomes a message, not an unhandled rejection)', () => {
  it('gives the value', async () => {
    expect(await settled(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
  });

  it('gives the error of a rejected promise or a throwing function', async () => {
    const error = new Error('No tab with id: 7');
    expect(await settled(Promise.reject(error))).toEqual({ ok: false, error });
    expect(
      await settled(() => {
        throw error;
      }),
    ).toEqual({ ok: false, error });
  });
});
