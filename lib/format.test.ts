import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatDateTime } from './format';

const at = Date.UTC(2026, 10, 29, 22, 30); // 23:30 in Oslo (CET, UTC+1)

describe('format', () => {
  it('writes Norwegian dates in Oslo time', () => {
    expect(formatDate(at, 'nb-NO')).toBe('29.11.2026');
    expect(formatDate(Date.UTC(2026, 10, 29, 23, 30), 'nb-NO')).toBe('30.11.2026');
    expect(formatDateTime(at, 'nb-NO')).toBe('29.11.2026, 23:30');
  });
  it('writes English dates day-first', () => {
    expect(formatDate(at, 'en-GB')).toBe('29/11/2026');
  });
  it('writes kroner the Norwegian way', () => {
    expect(formatAmount(12345, 'nb-NO').replace(/\s/g, ' ')).toBe('kr 12 345');
  });
  it('shows øre only when there are any, always two digits', () => {
    expect(formatAmount(12345.5, 'nb-NO').replace(/\s/g, ' ')).toBe('kr 12 345,50');
    expect(formatAmount(0.05, 'nb-NO').replace(/\s/g, ' ')).toBe('kr 0,05');
    expect(formatAmount(12345.5, 'en-GB').replace(/\s/g, ' ')).toBe('NOK 12,345.50');
  });
});

describe('formatAmount in English', () => {
  it('names the currency', () => {
    expect(formatAmount(12345, 'en-GB').replace(/\s/g, ' ')).toBe('NOK 12,345');
  });
});
