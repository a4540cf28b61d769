import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

interface Counts {
  numbers: number;
  blocked: number;
}

/**
 * Per-tab totals of numbers and blocked numbers, summed over the tab's frames,
 * shown on the toolbar badge (red when anything is blocked).
 */
export class TabCounts {
  private readonly byTab = new Map<number, Map<number, Counts>>();

  set(tabId: number, frameId: number, counts: Counts): void {
    let frames = this.byTab.get(tabId);
    if (!frames) this.byTab.set(tabId, (frames = new Map()));
    frames.set(frameId, counts);
    void this.paint(tabId);
  }

  get(tabId: number): Counts {
    const total = { numbers: 0, blocked: 0 };
    for (const c of this.byTab.get(tabId)?.values() ?? []) {
      total.numbers += c.numbers;
      total.blocked += c.blocked;
    }
    return total;
  }

  reset(tabId: number): void {
    this.byTab.delete(tabId);
    void this.paint(tabId);
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  private async paint(tabId: number): Promise<void> {
    const { numbers, blocked } = this.get(tabId);
    try {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#c81e1e' });
      await browser.action.setBadgeText({ tabId, text: blocked > 0 ? String(blocked) : '' });
      await browser.action.setTitle({ tabId, title: t('badgeTitle', [String(numbers), String(blocked)]) });
    } catch {
      // The tab closed meanwhile.
    }
  }
}
