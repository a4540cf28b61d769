import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/**
 * Opens the popup's page in a normal tab, where the same UI works and stays
 * open while a file dialog is shown (on Linux a popup closes when it loses
 * focus to the dialog).
 */
export function OpenInTabLink({ url }: { url: string }) {
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener"
      data-testid="team-open-in-tab"
      onClick={(e) => {
        e.preventDefault();
        void browser.tabs.create({ url }).then(() => window.close());
      }}
    >
      {t('teamOpenInTab')}
    </a>
  );
}
