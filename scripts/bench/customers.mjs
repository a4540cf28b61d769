// Deterministic Norwegian customer-list page for benchmarks: names, phone numbers in
// every spelling from shared/domain.md, and look-alikes in the neighbouring cells
// (Kundenr., Ordrenr., amounts, org.nr., account numbers, dates, postal codes).

const FIRST = [
  'Kari', 'Ola', 'Ingrid', 'Per', 'Sofie', 'Jonas', 'Nora', 'Emil', 'Sara', 'Lars', 'Ida', 'Henrik', 'Maja',
  'Magnus', 'Thea', 'Sindre', 'Hanne', 'Bjørn', 'Marte', 'Eirik', 'Silje', 'Knut', 'Astrid', 'Håkon', 'Tone',
  'Øystein', 'Ragnhild', 'Trond', 'Åse', 'Vegard', 'Linnea', 'Aksel', 'Frida', 'Mathias', 'Tuva', 'Sander',
];
const LAST = [
  'Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen',
  'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen',
  'Strand', 'Solberg', 'Bakken', 'Ødegård', 'Aas', 'Lie',
];
const STREETS = ['Storgata', 'Kirkeveien', 'Bakkegata', 'Skolegata', 'Strandveien', 'Parkveien', 'Fjellveien', 'Sjøgata', 'Elvegata', 'Granveien', 'Bjørkelia', 'Torget'];
const PLACES = [
  ['0155', 'Oslo'], ['5003', 'Bergen'], ['7010', 'Trondheim'], ['4006', 'Stavanger'], ['9008', 'Tromsø'],
  ['3015', 'Drammen'], ['4611', 'Kristiansand'], ['1530', 'Moss'], ['2317', 'Hamar'], ['8006', 'Bodø'],
  ['6002', 'Ålesund'], ['3510', 'Hønefoss'],
];
const STATUSES = ['Ny', 'Ring igjen', 'Solgt', 'Ikke interessert', 'Avtale sendt'];

/** The spellings of domain.md; `s` is the 8-digit national number. */
export const SPELLINGS = [
  ['3-2-3', (s) => `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`],
  ['2-2-2-2', (s) => `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 6)} ${s.slice(6)}`],
  ['8 digits', (s) => s],
  ['+47 3-2-3', (s) => `+47 ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`],
  ['+47 compact', (s) => `+47${s}`],
  ['0047', (s) => `0047 ${s}`],
  ['(+47)', (s) => `(+47) ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`],
  ['nbsp', (s) => `${s.slice(0, 3)}&nbsp;${s.slice(3, 5)}&nbsp;${s.slice(5)}`],
  ['hyphens', (s) => `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`],
  ['+47 nbsp 2-2-2-2', (s) => `+47&nbsp;${s.slice(0, 2)}&nbsp;${s.slice(2, 4)}&nbsp;${s.slice(4, 6)}&nbsp;${s.slice(6)}`],
];

/** Small seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const group3 = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/**
 * @param {{rows?: number, seed?: number}} [opts]
 * @returns {{ html: string, expected: string[], rows: number, bytes: number }}
 *   expected: E.164 of every phone number on the page (unique), in page order.
 */
export function customerListPage({ rows = 5000, seed = 47 } = {}) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const used = new Set();
  const phone = (mobile) => {
    for (;;) {
      const lead = mobile ? pick(['4', '9']) : pick(['2', '3', '5', '6', '7']);
      const s = lead + digits(7);
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const expected = [];
  const body = [];
  for (let i = 0; i < rows; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const [postnr, place] = pick(PLACES);
    const street = `${pick(STREETS)} ${1 + Math.floor(rnd() * 140)}`;
    // Kundenr. and Ordrenr. are valid-shaped 8-digit strings on purpose.
    const kundenr = `4${digits(7)}`;
    const ordrenr = `9${digits(7)}`;
    const amountN = 1000 + Math.floor(rnd() * 99_000_000);
    const amount = [`kr ${group3(amountN)}`, `${group3(amountN)},-`, `NOK ${amountN},00`][i % 3];
    const date = `${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}.${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}.2024`;
    const business = i % 7 === 0;
    const orgOrAccount = business ? `Org.nr. ${digits(3).replace(/^0/, '9')} ${digits(3)} ${digits(3)}` : `${digits(4)}.${digits(2)}.${digits(5)}`;
    const tel = phone(i % 5 !== 0);
    const [, spell] = SPELLINGS[i % SPELLINGS.length];
    expected.push(`+47${tel}`);
    let mobileCell = '';
    if (i % 3 === 0) {
      const mob = phone(true);
      const [, spell2] = SPELLINGS[(i + 3) % SPELLINGS.length];
      expected.push(`+47${mob}`);
      mobileCell = spell2(mob);
    }
    body.push(
      `<tr><td>${kundenr}</td><td>${name}</td><td>${street}</td><td>${postnr} ${place}</td>` +
        `<td class="tel">${spell(tel)}</td><td class="tel">${mobileCell}</td><td>${ordrenr}</td>` +
        `<td class="amount">${amount}</td><td>${orgOrAccount}</td><td>${date}</td><td>${STATUSES[i % STATUSES.length]}</td></tr>`,
    );
  }
  const html = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Kundeliste – ${rows} kunder</title>
<style>
  body { font: 13px/1.35 system-ui, sans-serif; margin: 16px; color: #1c2733; }
  table { border-collapse: collapse; }
  th { text-align: left; font-size: 11px; text-transform: uppercase; color: #66768a; border-bottom: 2px solid #e1e7ee; padding: 4px 8px; }
  td { border-bottom: 1px solid #eef2f6; padding: 3px 8px; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.amount { text-align: right; }
</style>
</head>
<body>
<h1>Kundeliste – Strøm Vest, høst 2024 (${rows} kunder)</h1>
<table id="customers">
<thead><tr><th>Kundenr.</th><th>Navn</th><th>Adresse</th><th>Postnr./sted</th><th>Telefon</th><th>Mobil</th><th>Ordrenr.</th><th>Beløp</th><th>Org.nr./kontonr.</th><th>Dato</th><th>Status</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</body>
</html>
`;
  return { html, expected, rows, bytes: Buffer.byteLength(html) };
}
