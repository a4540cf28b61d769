import { describe, expect, it, vi } from 'vitest';
import { focusFirst } from './focus-return';

const focusable = (isConnected = true) => ({ focus: vi.fn(), isConnected });

describe('focusFirst (TodaysLog: focus back to the row\'s Fix button after Save fix / Cancel)', () => {
  it('focuses the Fix button when it is back in the document', () => {
    const fix = focusable();
    const title = focusable();
    expect(focusFirst(fix, title)).toBe(fix);
    expect(fix.focus).toHaveBeenCalledOnce();
    expect(title.focus).not.toHaveBeenCalled();
  });

  it('falls back to the list\'s heading when the row has no Fix button any more (5 minutes passed, or a new day)', () => {
    const title = focusable();
    expect(focusFirst(undefined, title)).toBe(title);
    const removed = focusable(false);
    expect(focusFirst(removed, title)).toBe(title);
    expect(removed.focus).not.toHaveBeenCalled();
  });

  it('does nothing when there is nothing to focus', () => {
    expect(focusFirst(null, undefined)).toBeNull();
  });
});
