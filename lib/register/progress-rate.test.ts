import { describe, expect, it } from 'vitest';
import { progressFigures } from './progress-rate';

describe('progressFigures', () => {
  it('gives the share read, lines per second and the time left at the rate so far', () => {
    expect(progressFigures({ bytes: 25, totalBytes: 100, lines: 5000, accepted: 4900, rejected: 100, elapsedMs: 2000 })).toEqual({
      fraction: 0.25,
      linesPerSecond: 2500,
      secondsLeft: 6,
    });
  });

  it('says nothing about rate or time until there is something to measure', () => {
    expect(progressFigures({ bytes: 0, totalBytes: 100, lines: 0, accepted: 0, rejected: 0, elapsedMs: 0 })).toEqual({
      fraction: 0,
      linesPerSecond: null,
      secondsLeft: null,
    });
    expect(progressFigures({ bytes: 0, totalBytes: 0, lines: 0, accepted: 0, rejected: 0, elapsedMs: 5000 }).fraction).toBe(0);
  });
});
