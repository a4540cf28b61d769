/**
 * How Kontaktvern's main-world hooks wrap a page API: once, and only adding a
 * notice or a question around the page's own call. (Their run settings stay
 * written out in each hook: WXT reads them without running the module.)
 */

/**
 * Replaces `owner[key]` (a function) by `wrap(original)`, once: a hook injected
 * again (after an extension update) leaves the first wrapper in place. The
 * wrapper keeps the original's `length`.
 */
export function patchOnce<O extends object, K extends keyof O>(owner: O, key: K, wrap: (original: O[K]) => O[K]): void {
  const original = owner[key];
  if ((original as { __kontaktvern?: boolean }).__kontaktvern) return;
  const patched = wrap(original);
  Object.defineProperty(patched, '__kontaktvern', { value: true });
  Object.defineProperty(patched, 'length', { value: (original as { length: number }).length });
  owner[key] = patched;
}
