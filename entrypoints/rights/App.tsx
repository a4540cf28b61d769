import { AccessLookup } from '@/components/rights/AccessLookup';
import { EraseScope } from '@/components/rights/EraseScope';
import { t } from '@/lib/i18n';

/** "Access and erasure": a person's access and erasure requests, and erasing a client's or campaign's data. `?n=` prefills the number. */
export function App({ initialNumber }: { initialNumber: string }) {
  return (
    <main class="rights-page">
      <h1>{t('rightsTitle')}</h1>
      <p class="muted">{t('rightsIntro')}</p>
      <AccessLookup initialNumber={initialNumber} />
      <EraseScope />
    </main>
  );
}
