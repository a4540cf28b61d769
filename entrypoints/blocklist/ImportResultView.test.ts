import { describe, expect, it, vi } from 'vitest';
import { failureText } from './ImportResultView';

// The key and its substitutions stand in for the translated text.
vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) => `${key}(${([] as string[]).concat(subs ?? []).join('|')})`,
  uiLocale: () => 'nb-NO',
}));

describe('failureText', () => {
  it('translates a problem code instead of showing the job’s English message', () => {
    const english = 'The import of r.csv failed (Line 2 is longer than 1 MB); the previous register snapshot stays in force';
    expect(failureText('r.csv', { code: 'line-too-long', line: 2 }, english)).toBe('importLineTooLong(r.csv|2)');
  });

  it('shows only the bare cause of an unexpected error, not the job’s sentence around it', () => {
    expect(failureText('r.csv', { code: 'error', detail: 'quota exceeded' }, 'The import of r.csv failed (quota exceeded); …')).toBe('importFailed(r.csv|quota exceeded)');
  });
});
