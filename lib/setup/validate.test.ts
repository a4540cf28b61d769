import { describe, expect, it } from 'vitest';
import {
  Problems,
  isValidIsoDate,
  isValidIsoDateTime,
  isValidOrgNumber,
  isValidSite,
  normaliseOrgNumber,
  selectorLooksValid,
  validateCampaign,
  validateClient,
  validateProcessor,
} from './validate';

const client = {
  id: 'vestkraft',
  name: 'Vestkraft AS',
  orgNumber: '923456783',
  contact: 'personvern@vestkraft.example',
  agreement: { reference: 'DBA-2026-01', signedDate: '2026-01-15', deletionBy: 'processor', deletionWhen: '30 dager etter avtaleslutt', notes: '' },
};

const campaign = {
  id: 'c1',
  clientId: 'vestkraft',
  name: 'Strøm Vest',
  type: 'consumer-telemarketing',
  logRetentionDays: 90,
  outcomes: [
    { id: 'o1', kind: 'sale', label: '' },
    { id: 'o2', kind: 'other', label: 'Sendt tilbud' },
  ],
  sites: ['crm.example.no', '*.force.com', '127.0.0.1', 'localhost'],
  optOutScope: 'all',
  fields: [{ id: 'f1', label: 'Mobil', selector: '#card-mobile', purpose: 'Ringe kunden', legalBasis: 'legitimate-interest', category: 'contact', retention: '12 måneder' }],
};

function problemsOf(run: (p: Problems) => unknown): string[] {
  const p = new Problems();
  run(p);
  return p.list.map((x) => `${x.path} ${x.problem}`);
}

describe('organisation numbers', () => {
  it('accepts 9 digits with a valid modulus-11 check digit', () => {
    expect(isValidOrgNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber('923456783')).toBe(true);
  });
  it('rejects wrong check digits, lengths and non-digits', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('123')).toBe(false);
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('9747606730')).toBe(false);
    expect(isValidOrgNumber('974 760 673')).toBe(false);
    expect(isValidOrgNumber('91234567x')).toBe(false);
  });
  it('rejects numbers whose check digit would be 10', () => {
    // 91234567? has remainder 1 → check digit 10: no valid number exists.
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`91234567${d}`)).toBe(false);
  });
  it('normalises what a person types', () => {
    expect(normaliseOrgNumber('974 760 673')).toBe('974760673');
    expect(normaliseOrgNumber('974.760.673')).toBe('974760673');
    expect(normaliseOrgNumber('974\u00a0760\u00a0673')).toBe('974760673');
  });
});

describe('dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('15.01.2026')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('0001-01-01')).toBe(false);
  });
  it('accepts ISO timestamps with a zone', () => {
    expect(isValidIsoDateTime('2026-11-02T09:00:00.000Z')).toBe(true);
    expect(isValidIsoDateTime('2026-11-02T10:00:00+01:00')).toBe(true);
    expect(isValidIsoDateTime('2026-11-02')).toBe(false);
    expect(isValidIsoDateTime('2026-02-30T09:00:00Z')).toBe(false);
    expect(isValidIsoDateTime('yesterday')).toBe(false);
  });
});

describe('sites', () => {
  it.each(['crm.example.no', 'localhost', '127.0.0.1', '*.lightning.force.com', 'xn--bl-lka.no'])('accepts %s', (s) => expect(isValidSite(s)).toBe(true));
  it.each(['https://crm.example.no', 'crm.example.no/x', 'crm.example.no:8080', 'CRM.example.no', '*', '*.no.', '*.com', 'a..b', '-a.no', '999.1.1.1', '1.2.3', 'exa mple.no', ''])(
    'rejects %j',
    (s) => expect(isValidSite(s)).toBe(false),
  );
});

describe('selectors (light check)', () => {
  it.each(['#card-mobile', 'dd#card-phone', '.card dl > dd:nth-child(2)', 'input[name="phone"]', "[data-field='Bankinnskudd']", 'a, b'])('accepts %s', (s) =>
    expect(selectorLooksValid(s)).toBe(true),
  );
  it.each(['', '   ', '#a {color:red}', 'a;b', '[name="x"', 'div)', ':not(a', '> a', 'a >', 'a,', 'a,,b', '"open', 'a\nb'])('rejects %j', (s) =>
    expect(selectorLooksValid(s)).toBe(false),
  );
});

describe('validateClient', () => {
  it('returns a clean client and drops unknown properties', () => {
    const p = new Problems();
    const clean = validateClient({ ...client, name: '  Vestkraft AS ', extra: '<script>' }, '', p);
    expect(p.list).toEqual([]);
    expect(clean).toEqual({ ...client, name: 'Vestkraft AS' });
    expect(clean).not.toHaveProperty('extra');
  });
  it('accepts a client without an agreement (null)', () => {
    expect(problemsOf((p) => validateClient({ ...client, agreement: null }, '', p))).toEqual([]);
  });
  it('reports every problem with its path', () => {
    expect(
      problemsOf((p) =>
        validateClient(
          { id: 'a b', name: '  ', orgNumber: '123', contact: 5, agreement: { reference: '', signedDate: '2026-02-30', deletionBy: 'nobody', notes: 'x' } },
          'clients[1]',
          p,
        ),
      ),
    ).toEqual([
      'clients[1].id invalid-id',
      'clients[1].name empty',
      'clients[1].orgNumber invalid-org-number',
      'clients[1].contact not-a-string',
      'clients[1].agreement.reference empty',
      'clients[1].agreement.signedDate invalid-date',
      'clients[1].agreement.deletionBy unknown-value',
      'clients[1].agreement.deletionWhen missing',
    ]);
  });
  it('requires the agreement property (null for none) and an object', () => {
    const { agreement: _a, ...noAgreement } = client;
    expect(problemsOf((p) => validateClient(noAgreement, '', p))).toEqual(['agreement missing']);
    expect(problemsOf((p) => validateClient({ ...client, agreement: 'yes' }, '', p))).toEqual(['agreement not-an-object']);
    expect(problemsOf((p) => validateClient('x', 'clients[0]', p))).toEqual(['clients[0] not-an-object']);
  });
  it('limits text lengths', () => {
    expect(problemsOf((p) => validateClient({ ...client, name: 'x'.repeat(201) }, '', p))).toEqual(['name too-long']);
  });
});

describe('validateCampaign', () => {
  it('accepts a valid campaign', () => {
    const p = new Problems();
    expect(validateCampaign(campaign, '', p, new Set(['vestkraft']))).toEqual(campaign);
    expect(p.list).toEqual([]);
  });
  it('checks the client when the known clients are given', () => {
    expect(problemsOf((p) => validateCampaign({ ...campaign, clientId: 'nobody' }, 'campaigns[0]', p, new Set(['vestkraft'])))).toEqual([
      'campaigns[0].clientId unknown-client',
    ]);
  });
  it('checks type, retention, opt-out scope', () => {
    expect(problemsOf((p) => validateCampaign({ ...campaign, type: 'telesales', logRetentionDays: 0, optOutScope: 'none' }, '', p))).toEqual([
      'type unknown-value',
      'logRetentionDays out-of-range',
      'optOutScope unknown-value',
    ]);
    expect(problemsOf((p) => validateCampaign({ ...campaign, logRetentionDays: 3651 }, '', p))).toEqual(['logRetentionDays out-of-range']);
    expect(problemsOf((p) => validateCampaign({ ...campaign, logRetentionDays: 3650 }, '', p))).toEqual([]);
    expect(problemsOf((p) => validateCampaign({ ...campaign, logRetentionDays: 1 }, '', p))).toEqual([]);
    expect(problemsOf((p) => validateCampaign({ ...campaign, logRetentionDays: 30.5 }, '', p))).toEqual(['logRetentionDays not-an-integer']);
    expect(problemsOf((p) => validateCampaign({ ...campaign, logRetentionDays: '90' }, '', p))).toEqual(['logRetentionDays not-a-number']);
  });
  it('checks outcomes: not empty, unique ids, labels for "other", one of each built-in kind', () => {
    expect(problemsOf((p) => validateCampaign({ ...campaign, outcomes: [] }, '', p))).toEqual(['outcomes empty']);
    expect(
      problemsOf((p) =>
        validateCampaign(
          {
            ...campaign,
            outcomes: [
              { id: 'o1', kind: 'sale', label: '' },
              { id: 'o1', kind: 'other', label: ' ' },
              { id: 'o3', kind: 'sale', label: '' },
              { id: 'o4', kind: 'maybe', label: 'x' },
              { id: 'o5', kind: 'other', label: 'Tilbud' },
              { id: 'o6', kind: 'other', label: 'tilbud' },
            ],
          },
          '',
          p,
        ),
      ),
    ).toEqual(['outcomes[1].label empty', 'outcomes[1].id duplicate-id', 'outcomes[2].kind duplicate-kind', 'outcomes[3].kind unknown-value', 'outcomes[5].label duplicate-label']);
  });
  it('checks sites', () => {
    expect(problemsOf((p) => validateCampaign({ ...campaign, sites: ['ok.no', 'https://x.no', 7, 'ok.no'] }, '', p))).toEqual([
      'sites[1] invalid-site',
      'sites[2] not-a-string',
      'sites[3] duplicate-site',
    ]);
    expect(problemsOf((p) => validateCampaign({ ...campaign, sites: 'ok.no' }, '', p))).toEqual(['sites not-an-array']);
  });
  it('checks every field of the catalogue', () => {
    const fields = [
      { id: 'f1', label: 'Mobil', selector: '#a {', purpose: '', legalBasis: 'because', category: 'health', retention: '1 år' },
      { id: 'f1', label: ' mobil ', selector: '', purpose: 'x', legalBasis: 'consent', category: 'contact' },
    ];
    expect(problemsOf((p) => validateCampaign({ ...campaign, fields }, 'campaigns[2]', p))).toEqual([
      'campaigns[2].fields[0].selector invalid-selector',
      'campaigns[2].fields[0].purpose empty',
      'campaigns[2].fields[0].legalBasis unknown-value',
      'campaigns[2].fields[0].category unknown-value',
      'campaigns[2].fields[1].retention missing',
      'campaigns[2].fields[1].id duplicate-id',
      'campaigns[2].fields[1].label duplicate-label',
    ]);
  });
  it('uses a stricter selector check when one is given', () => {
    const strict = { selectorIsValid: (s: string) => s !== '#a:unknown' };
    const fields = [{ ...campaign.fields[0], selector: '#a:unknown' }];
    expect(problemsOf((p) => validateCampaign({ ...campaign, fields }, '', p, undefined, strict))).toEqual(['fields[0].selector invalid-selector']);
  });
  it('reports missing properties', () => {
    expect(problemsOf((p) => validateCampaign({}, 'c', p))).toEqual([
      'c.id missing',
      'c.clientId missing',
      'c.name missing',
      'c.type missing',
      'c.logRetentionDays missing',
      'c.outcomes missing',
      'c.sites missing',
      'c.optOutScope missing',
      'c.fields missing',
    ]);
  });
});

describe('validateProcessor', () => {
  it('requires a name and a contact', () => {
    expect(problemsOf((p) => validateProcessor({ processorName: ' ', processorContact: '' }, p))).toEqual(['processorName empty', 'processorContact empty']);
    expect(problemsOf((p) => validateProcessor({ processorName: 'Ring AS', processorContact: 'dpo@ring.example' }, p))).toEqual([]);
  });
});
