import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';

export interface NamedOption {
  id: string;
  /** The name set up here, or null when the id only appears in logs (e.g. merged from another machine). */
  name: string | null;
}

export interface TeamNames {
  campaigns: NamedOption[];
  clients: NamedOption[];
  /** Every agent name in the logs, sorted. */
  agents: string[];
  campaignName: Map<string, string>;
  clientName: Map<string, string>;
  /** The client of each campaign set up here. */
  campaignClient: Map<string, string>;
}

const EMPTY: TeamNames = { campaigns: [], clients: [], agents: [], campaignName: new Map(), clientName: new Map(), campaignClient: new Map() };

function options(named: { id: string; name: string }[], logged: string[]): NamedOption[] {
  const out = new Map<string, NamedOption>();
  for (const n of named) out.set(n.id, { id: n.id, name: n.name });
  for (const id of logged) if (!out.has(id)) out.set(id, { id, name: null });
  const key = (o: NamedOption) => (o.name ?? o.id).toLocaleLowerCase();
  return [...out.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Campaigns, clients and agents to filter by: those set up here plus those that only appear in logs. Live. */
export function useTeamNames(): TeamNames {
  const db = getDb();
  return useLiveQuery(
    async () => {
      const [campaigns, clients, agents, loggedCampaigns, loggedClients] = await Promise.all([
        db.campaigns.toArray(),
        db.clients.toArray(),
        db.callLogs.orderBy('agent').uniqueKeys(),
        db.callLogs.orderBy('campaignId').uniqueKeys(),
        db.callLogs.orderBy('clientId').uniqueKeys(),
      ]);
      return {
        campaigns: options(campaigns, loggedCampaigns.map(String)),
        clients: options(clients, loggedClients.map(String)),
        agents: agents.map(String).sort((a, b) => a.localeCompare(b)),
        campaignName: new Map(campaigns.map((c) => [c.id, c.name])),
        clientName: new Map(clients.map((c) => [c.id, c.name])),
        campaignClient: new Map(campaigns.map((c) => [c.id, c.clientId])),
      };
    },
    [],
    EMPTY,
  );
}
