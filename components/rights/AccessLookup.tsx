import { useEffect, useState } from 'preact/hooks';
import { rejectionText } from '@/components/rejection-text';
import { t, uiLocale } from '@/lib/i18n';
import { lookupNumberOf } from '@/lib/rights/lookup-number';
import { AccessReportView } from './AccessReportView';
import './rights.css';

/**
 * "What do you hold about me?": a phone number in any spelling, then
 * everything Kontaktvern holds about it (AccessReportView) with its exports and
 * the way to erasure. Text that is not a number gives a message and nothing
 * else. Works in the 360 px side panel and on a full page (rights.css).
 */
export function AccessLookup({ initialNumber = '', idPrefix = 'access' }: { initialNumber?: string; idPrefix?: string }) {
  const [text, setText] = useState(initialNumber);
  const [e164, setE164] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const lookUp = (value: string) => {
    const parsed = lookupNumberOf(value);
    if (!parsed.ok) {
      setE164(null);
      setProblem(parsed.reason === 'empty' ? t('rightsNumberEmpty') : t('rightsNotANumber', [value.trim(), rejectionText(parsed.reason)]));
      return;
    }
    setProblem('');
    setE164(parsed.e164);
  };

  useEffect(() => {
    if (initialNumber.trim()) lookUp(initialNumber);
  }, [initialNumber]);

  const inputId = `${idPrefix}-number`;
  const problemId = `${idPrefix}-problem`;
  return (
    <section class="card rights" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('rightsAccessTitle')}</h2>
      <p class="muted">{t('rightsAccessHelp')}</p>
      <form
        class="row rights-lookup"
        onSubmit={(e) => {
          e.preventDefault();
          lookUp(text);
        }}
      >
        <div>
          <label for={inputId}>{t('rightsNumberLabel')}</label>
          <input
            id={inputId}
            type="text"
            inputMode="tel"
            autoComplete="off"
            placeholder="412 34 567"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? problemId : undefined}
          />
        </div>
        <button type="submit" class="primary">
          {t('rightsLookUp')}
        </button>
      </form>
      {problem && (
        <p id={problemId} class="error" role="alert">
          {problem}
        </p>
      )}
      {e164 && <AccessReportView key={e164} e164={e164} defaultLanguage={uiLocale().startsWith('nb') ? 'nb' : 'en'} />}
    </section>
  );
}
