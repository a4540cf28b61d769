import { browser } from 'wxt/browser';

export async function openBlocklistPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/blocklist.html') });
}

export async function openRightsPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/rights.html') });
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/**
 * Opens the side panel in a window. Chrome allows this only in direct response to the user's
 * click: call it synchronously from the click handler, with a window id looked up beforehand
 * (an `await` before it would lose the click).
 */
export function openSidePanelIn(windowId: number): Promise<void> {
  return browser.sidePanel.open({ windowId });
}

/** The id of the window this extension page is in (look it up when the page opens). */
export async function currentWindowId(): Promise<number | null> {
  try {
    return (await browser.windows.getCurrent()).id ?? null;
  } catch {
    return null;
  }
}
