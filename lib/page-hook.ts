/**
 * What Kontaktvern's main-world hooks share: where they run, and how they wrap
 * a page API once. A hook only adds a notice or a question around the page's
 * own call; the page's behaviour is otherwise unchanged.
 */

/** Every frame of every web page, before the page's own scripts, in the page's world. */
export const MAIN_WORLD_HOOK = {
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
} satisfies { matches: string[]; allFrames: boolean; matchAboutBlank: boolean; runAt: 'document_start'; world: 'MAIN' };

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
