import { AgentNameGate } from '@/components/AgentNameGate';
import { t } from '@/lib/i18n';
import { AddNumbersForm } from './AddNumbersForm';
import { AuditTrail } from './AuditTrail';
import { EntryList } from './EntryList';

export function App() {
  return (
    <main>
      <h1>{t('blocklistTitle')}</h1>
      <AgentNameGate>
        {(agent) => (
          <>
            <p class="muted">{t('signedInAs', agent)}</p>
            <AddNumbersForm agent={agent} />
            <EntryList agent={agent} />
            <AuditTrail />
          </>
        )}
      </AgentNameGate>
    </main>
  );
}
