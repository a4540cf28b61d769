import { useState } from 'preact/hooks';
import { AgentNameGate } from '@/components/AgentNameGate';
import { RegisterFreshness } from '@/components/RegisterFreshness';
import { useRegisterState } from '@/components/use-register-state';
import { t } from '@/lib/i18n';
import { AddNumbersForm } from './AddNumbersForm';
import { AuditTrail } from './AuditTrail';
import { EntryList } from './EntryList';
import { ExportPanel } from './ExportPanel';
import { InterruptedImports } from './InterruptedImports';
import { OptOutImport } from './OptOutImport';
import { RegisterImport } from './RegisterImport';
import { useActiveSnapshot } from './use-active-snapshot';

export function App() {
  const [revision, setRevision] = useState(0);
  const registerState = useRegisterState(revision);
  const active = useActiveSnapshot();
  const changed = () => setRevision((r) => r + 1);
  return (
    <main>
      <h1>{t('blocklistTitle')}</h1>
      <RegisterFreshness state={registerState} />
      <InterruptedImports active={active} />
      <AgentNameGate>
        {(agent) => (
          <>
            <p class="muted">{t('signedInAs', agent)}</p>
            <AddNumbersForm agent={agent} />
            <EntryList agent={agent} />
            <RegisterImport agent={agent} active={active} onChanged={changed} />
            <OptOutImport agent={agent} active={active} onChanged={changed} />
            <ExportPanel />
            <AuditTrail />
          </>
        )}
      </AgentNameGate>
    </main>
  );
}
