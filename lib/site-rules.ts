/**
 * Where Kontaktvern runs. Default: every site except those switched off.
 * Teams can instead list the only sites it runs on (their CRM and softphone).
 */
export interface SiteRules {
  mode: 'all-except' | 'only-listed';
  /** Sites switched off (used in 'all-except' mode). */
  disabled: string[];
  /** The only sites it runs on (used in 'only-listed' mode). */
  allowed: string[];
}

export const DEFAULT_SITE_RULES: SiteRules = { mode: 'all-except', disabled: [], allowed: [] };
export const SITE_RULES_KEY = 'siteRules';

/**
 * Normalises what a person typed for a site to a host pattern: `https://crm.example.no/x`
 * → `crm.example.no`, `*.Example.no` → `*.example.no`. Returns null if it is not a host.
 */
export function normaliseSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.split(/[/?#]/)[0] ?? '';
  s = s.replace(/:\d+$/, '');
  const wildcard = s.startsWith('*.');
  const host = wildcard ? s.slice(2) : s;
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) {
    return null;
  }
  return wildcard ? `*.${host}` : host;
}

/** `example.no` matches itself; `*.example.no` matches it and every subdomain. */
export function siteMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase();
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}

export function isEnabledOn(hostname: string, rules: SiteRules): boolean {
  if (rules.mode === 'only-listed') return rules.allowed.some((p) => siteMatches(hostname, p));
  return !rules.disabled.some((p) => siteMatches(hostname, p));
}

/** Reads stored rules defensively: anything malformed falls back to the defaults for that part. */
export function parseSiteRules(value: unknown): SiteRules {
  if (typeof value !== 'object' || value === null) return DEFAULT_SITE_RULES;
  const v = value as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return {
    mode: v.mode === 'only-listed' ? 'only-listed' : 'all-except',
    disabled: list(v.disabled),
    allowed: list(v.allowed),
  };
}

/** Switches one site on or off, whatever the mode. */
export function withSiteEnabled(rules: SiteRules, hostname: string, enabled: boolean): SiteRules {
  const host = hostname.toLowerCase();
  if (rules.mode === 'only-listed') {
    const allowed = rules.allowed.filter((p) => p !== host);
    return { ...rules, allowed: enabled ? [...allowed, host] : allowed.filter((p) => !siteMatches(host, p)) };
  }
  const disabled = rules.disabled.filter((p) => !siteMatches(host, p));
  return { ...rules, disabled: enabled ? disabled : [...disabled, host] };
}
