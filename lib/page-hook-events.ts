/**
 * Events between Kontaktvern's main-world hooks (which see what the page's own
 * script does) and its content script (which decides). Both worlds share the
 * page's DOM, so an event dispatched by one is handled synchronously by the other.
 */

/** Dispatched on a host right after the page attaches an open shadow root to it. */
export const SHADOW_ATTACHED_EVENT = 'kontaktvern:shadow-attached';

/**
 * Dispatched (cancelable) on the window when the page calls `window.open` with a
 * dial URL; `detail` is `JSON.stringify([url, target])`. Cancelled = the call is
 * stopped, and the page's `window.open` returns null, as for a blocked pop-up.
 */
export const DIAL_OPEN_EVENT = 'kontaktvern:dial-open';
