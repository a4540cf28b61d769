import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting } from '@/lib/settings';
import { saveProcessor } from '@/lib/setup/setup-store';
import type { SetupProblem } from '@/lib/setup/validate';
import { problemMap } from '@/components/setup-labels';
import { TextField } from './TextField';

/** The call centre itself (the processor), as named in access reports. */
export function ProcessorSettings({ agent }: { agent: string }) {
  const db = getDb();
  const stored = useLiveQuery(
    async () => ({ processorName: await getSetting(db, 'processorName'), processorContact: await getSetting(db, 'processorContact') }),
    [],
    null as { processorName: string; processorContact: string } | null,
  );
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    if (stored) {
      setName(stored.processorName);
      setContact(stored.processorContact);
    }
  }, [stored?.processorName, stored?.processorContact]);
  const errors = problemMap(problems);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setFailure('');
    try {
      const result = await saveProcessor(db, { processorName: name, processorContact: contact }, agent, { reason: t('setupAuditProcessor') });
      setProblems(result.ok ? [] : result.problems);
      setSaved(result.ok);
    } catch (error) {
      setFailure(t('saveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="processor-title">
      <h2 id="processor-title">{t('setupProcessorTitle')}</h2>
      <p class="muted">{t('setupProcessorHelp')}</p>
      {stored && !stored.processorName && <p class="notice warn">{t('setupProcessorMissing')}</p>}
      <div class="grid-2">
        <TextField id="processor-name" label={t('setupProcessorName')} value={name} onInput={setName} error={errors.get('processorName')} required maxLength={200} />
        <TextField id="processor-contact" label={t('setupProcessorContact')} value={contact} onInput={setContact} error={errors.get('processorContact')} help={t('setupProcessorContactHelp')} required />
      </div>
      {saved && (
        <p class="notice ok" role="status">
          {t('saved')}
        </p>
      )}
      {failure && (
        <p class="notice bad" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
