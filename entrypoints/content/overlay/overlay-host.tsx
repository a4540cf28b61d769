import { render } from 'preact';
import { OVERLAY_CSS } from './overlay.css';
import type { CardActions } from './NumberCard';
import { OverlayApp } from './OverlayApp';
import type { OverlayStore } from './overlay-store';

export const OVERLAY_TAG = 'kontaktvern-overlay';

/**
 * The one element Kontaktvern adds to a page. Created only when there is
 * something to show, kept out of the page's layout, and removed on teardown.
 */
export class OverlayHost {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;

  constructor(
    private readonly store: OverlayStore,
    private readonly cardActions: CardActions,
  ) {}

  /** Makes sure the overlay exists and is attached (pages sometimes replace their whole tree). */
  ensure(): void {
    if (this.host?.isConnected) return;
    if (!this.host) {
      this.host = document.createElement(OVERLAY_TAG);
      this.host.setAttribute('style', 'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important;');
      this.root = this.host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = OVERLAY_CSS;
      this.root.append(style);
      const mount = document.createElement('div');
      this.root.append(mount);
      render(<OverlayApp store={this.store} cardActions={this.cardActions} />, mount);
    }
    (document.documentElement ?? document).appendChild(this.host);
  }

  get element(): HTMLElement | undefined {
    return this.host;
  }

  destroy(): void {
    if (!this.host) return;
    const mount = this.root?.lastElementChild;
    if (mount) render(null, mount);
    this.host.remove();
    this.host = undefined;
    this.root = undefined;
  }
}
