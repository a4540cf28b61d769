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

/** Opens the side panel in the current window (must run in a user gesture). */
export async function openSidePanel(): Promise<boolean> {
  try {
    const win = await browser.windows.getCurrent();
    if (win.id === undefined) return false;
    await browser.sidePanel.open({ windowId: win.id });
    return true;
  } catch {
    return false;
  }
}
