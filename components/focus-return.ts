/**
 * Where keyboard focus goes when a control that had it disappears (the row's
 * "Fix" button replaced by its edit form, the form closed again): never left
 * to fall to <body>, where Enter means "save the main form". Pure apart from
 * calling focus().
 */

export interface Focusable {
  focus(options?: FocusOptions): void;
  /** Present on elements: false once removed from the document. */
  isConnected?: boolean;
}

/** Focuses the first candidate that exists and is still in the document; returns it (null when none could be). */
export function focusFirst(...candidates: (Focusable | null | undefined)[]): Focusable | null {
  for (const c of candidates) {
    if (c && c.isConnected !== false) {
      c.focus();
      return c;
    }
  }
  return null;
}

/** The first control of a form (select, input, textarea or button that is not disabled), or null. */
export function firstControl(root: ParentNode | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('select:not([disabled]), input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled])') ?? null;
}
