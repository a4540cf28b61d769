import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_RULES, isEnabledOn, normaliseSite, parseSiteRules, siteMatches, withSiteEnabled } from './site-rules';

describe('site rules', () => {
  it('runs everywhere by default', () => {
    expect(isEnabledOn('crm.example.no', DEFAULT_SITE_RULES)).toBe(true);
  });

  it('switches a site off and on again', () => {
    const off = withSiteEnabled(DEFAULT_SITE_RULES, 'crm.example.no', false);
    expect(isEnabledOn('crm.example.no', off)).toBe(false);
    expect(isEnabledOn('mail.example.no', off)).toBe(true);
    expect(isEnabledOn('crm.example.no', withSiteEnabled(off, 'crm.example.no', true))).toBe(true);
  });

  it('in allowlist mode runs only on listed sites and their subdomains for wildcards', () => {
    const rules = { mode: 'only-listed' as const, disabled: [], allowed: ['*.lightning.force.com', 'softphone.example.no'] };
    expect(isEnabledOn('acme.lightning.force.com', rules)).toBe(true);
    expect(isEnabledOn('softphone.example.no', rules)).toBe(true);
    expect(isEnabledOn('news.example.no', rules)).toBe(false);
    expect(isEnabledOn('x.softphone.example.no', rules)).toBe(false);
  });

  it('normalises typed sites and rejects non-hosts', () => {
    expect(normaliseSite(' https://CRM.example.no:8443/contacts?id=1 ')).toBe('crm.example.no');
    expect(normaliseSite('*.Salesforce.com')).toBe('*.salesforce.com');
    expect(normaliseSite('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseSite('not a host')).toBeNull();
    expect(normaliseSite('')).toBeNull();
  });

  it('matches exactly unless wildcarded', () => {
    expect(siteMatches('a.b.no', 'b.no')).toBe(false);
    expect(siteMatches('a.b.no', '*.b.no')).toBe(true);
    expect(siteMatches('b.no', '*.b.no')).toBe(true);
  });

  it('reads garbage as defaults', () => {
    expect(parseSiteRules(null)).toEqual(DEFAULT_SITE_RULES);
    expect(parseSiteRules({ mode: 'x', disabled: [1, 'a.no'] })).toEqual({ mode: 'all-except', disabled: ['a.no'], allowed: [] });
  });
});
