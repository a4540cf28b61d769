/**
 * Texts of the printable access report (report.html), in Norwegian Bokmål and
 * English.
 *
 * Why this bypasses extension i18n (`browser.i18n` / `t()`): extension i18n
 * always answers in the *browser's* UI language, and Chrome offers no way to
 * ask for another locale's catalogue. This report is for the person who asked
 * for it, in *their* language, chosen by the agent (`?lang=nb|en`): an
 * English-speaking agent must be able to print a Norwegian report and the
 * other way round. So the report carries its own small dictionary. Both
 * languages are complete by type (`Record<ReportLanguage, ReportTexts>`): a
 * missing text is a compile error. Keep the wording in step with the
 * on-screen report (`rights*` keys in public/_locales).
 */
import type { AuditAction, BlockSource, CampaignType, DataCategory, LegalBasis, OutcomeKind } from '@/lib/db';
import type { FixedReasonTexts } from '@/lib/fixed-reasons';

export type ReportLanguage = 'nb' | 'en';
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['nb', 'en'];

/** Reads `?lang=`: `nb` or `en`; anything else (or none) gives Norwegian, the language of the people Kontaktvern calls. */
export function reportLanguage(param: string | null): ReportLanguage {
  return param === 'en' ? 'en' : 'nb';
}

export interface Right {
  title: string;
  text: string;
}

export interface ReportTexts {
  /** BCP-47 tag for dates and amounts. */
  locale: string;
  /** Name of the language in itself (language switcher). */
  languageName: string;
  documentTitle: string;
  heading: string;
  numberLine: (number: string) => string;
  dateLine: (date: string) => string;
  madeBy: (processor: string) => string;
  intro: string;
  printButton: string;
  printHint: string;
  otherLanguage: string;
  loading: string;
  invalidNumber: string;
  loadFailed: (detail: string) => string;
  nothingHeld: string;
  nothingHeldDetail: string;

  responsibleTitle: string;
  controllerRole: string;
  processorRole: string;
  orgNumber: (orgNumber: string) => string;
  contact: (contact: string) => string;
  agreement: (reference: string) => string;
  campaignsLine: (campaigns: string) => string;
  controllerUnknown: (id: string) => string;
  noControllers: string;
  processorUnnamed: string;
  contactMissing: string;

  heldTitle: string;
  callLogsTitle: (count: number) => string;
  callLogsIntro: string;
  callLogsNone: string;
  colWhen: string;
  colCampaign: string;
  colOutcome: string;
  colAmount: string;
  colNote: string;
  colAgent: string;
  campaignHeading: (campaign: string, client: string) => string;
  campaignTypeLine: (type: string) => string;
  fieldsIntro: string;
  fieldsNone: string;
  colField: string;
  colPurpose: string;
  colBasis: string;
  colCategory: string;
  colRetention: string;
  dataSource: string;
  mentionsTitle: (count: number) => string;
  mentionsIntro: string;
  mentionsNone: string;
  colWrittenBy: string;
  importLinesTitle: (count: number) => string;
  importLinesIntro: string;
  importLinesNone: string;
  colLine: string;
  colText: string;

  blockTitle: string;
  blocked: string;
  notBlocked: string;
  blockEntry: (source: string, scope: string, date: string) => string;
  blockReason: (reason: string) => string;
  /** Kontaktvern's own fixed reasons (a reason removed at the person's erasure request, an imported opt-out). */
  fixedReasons: FixedReasonTexts;
  blockHistoryTitle: string;
  colWhat: string;
  colBy: string;
  colReason: string;
  blockWhyKept: string;
  registerTitle: string;
  registerListed: (date: string) => string;
  registerNotListed: (date: string) => string;
  registerNone: string;

  retentionTitle: string;
  logRetention: (campaign: string, days: number) => string;
  fieldRetention: string;
  blockRetention: string;
  registerRetention: string;

  rightsTitle: string;
  rights: {
    access: Right;
    rectification: Right;
    erasure: Right;
    restriction: Right;
    objection: Right;
    portability: Right;
    complaint: Right;
  };

  contactTitle: string;
  contactIntro: string;
  contactController: (name: string) => string;
  contactProcessor: (name: string) => string;
  footer: (date: string) => string;

  legalBasis: Record<LegalBasis, string>;
  category: Record<DataCategory, string>;
  outcome: Record<OutcomeKind, string>;
  campaignType: Record<CampaignType, string>;
  source: Record<BlockSource, string>;
  action: Record<AuditAction, string>;
  scopeAll: string;
  scopeClient: (client: string) => string;
}

const nb: ReportTexts = {
  locale: 'nb-NO',
  languageName: 'Norsk',
  documentTitle: 'Innsyn i personopplysninger',
  heading: 'Dette har vi lagret om deg',
  numberLine: (n) => `Telefonnummer ${n}`,
  dateLine: (d) => `Dato: ${d}`,
  madeBy: (p) => `Laget av: ${p}`,
  intro:
    'Du har spurt hva vi lagrer om telefonnummeret ditt, og hvorfor (personvernforordningen art. 15). Denne rapporten viser alt som er lagret om nummeret i Kontaktvern, ringeverktøyet kundesenteret bruker når det ringer på vegne av sine oppdragsgivere.',
  printButton: 'Skriv ut / lagre som PDF',
  printHint: 'Velg «Lagre som PDF» som skriver for å få en PDF-fil.',
  otherLanguage: 'Språk:',
  loading: 'Laster …',
  invalidNumber: 'Lenken til rapporten har ikke et gyldig telefonnummer. Åpne rapporten fra siden «Innsyn og sletting».',
  loadFailed: (d) => `Rapporten kunne ikke lages: ${d}`,
  nothingHeld: 'Kontaktvern har ingen opplysninger om dette nummeret.',
  nothingHeldDetail:
    'Ingen samtaler er logget, ingen notater eller importlinjer nevner nummeret, nummeret står ikke på sperrelisten, og det finnes ikke i vår kopi av Reservasjonsregisteret.',

  responsibleTitle: 'Hvem som er ansvarlig',
  controllerRole: 'Behandlingsansvarlig — bestemmer hvorfor og hvordan opplysningene brukes',
  processorRole: 'Databehandler — ringer på vegne av oppdragsgiveren og følger dens instrukser',
  orgNumber: (o) => `Org.nr. ${o}`,
  contact: (c) => `Kontakt: ${c}`,
  agreement: (r) => `Databehandleravtale: ${r}`,
  campaignsLine: (c) => `Kampanjer: ${c}`,
  controllerUnknown: (id) => `En oppdragsgiver som ikke lenger er registrert (id ${id})`,
  noControllers: 'Ingen oppdragsgiver har opplysninger om nummeret ditt gjennom Kontaktvern.',
  processorUnnamed: 'Kundesenteret (navnet er ikke fylt ut)',
  contactMissing: 'Ingen kontakt er fylt ut.',

  heldTitle: 'Hva vi har om deg, og hvorfor',
  callLogsTitle: (n) => `Samtaler vi har logget (${n})`,
  callLogsIntro:
    'For hver samtale til nummeret ditt logger vi tidspunkt, kampanje, resultat, eventuelt beløp, et kort notat og hvem som ringte. Formål: oppfølging av oppdragsgiverens kampanje og rapportering av resultater. Behandlingsgrunnlag: oppdragsgiverens berettigede interesse i å følge opp kampanjen (personvernforordningen art. 6 nr. 1 bokstav f).',
  callLogsNone: 'Ingen samtaler til nummeret ditt er logget.',
  colWhen: 'Tidspunkt',
  colCampaign: 'Kampanje',
  colOutcome: 'Resultat',
  colAmount: 'Beløp',
  colNote: 'Notat',
  colAgent: 'Ringt av',
  campaignHeading: (c, client) => `Kampanjen «${c}» for ${client}`,
  campaignTypeLine: (type) => `Type: ${type}`,
  fieldsIntro:
    'I denne kampanjen har oppdragsgiverens kundesystem (CRM) disse opplysningene om kundene. Kontaktvern lagrer ikke selv disse feltene; be oppdragsgiveren om innholdet (kontakt over).',
  fieldsNone: 'Ingen felt er dokumentert for denne kampanjen.',
  colField: 'Opplysning',
  colPurpose: 'Formål',
  colBasis: 'Behandlingsgrunnlag',
  colCategory: 'Kategori',
  colRetention: 'Lagringstid',
  dataSource: 'Hvor opplysningene kommer fra: kundelisten oppdragsgiveren ga kundesenteret for kampanjen, og det som ble sagt i samtalene.',
  mentionsTitle: (n) => `Nevnt i notater fra andre samtaler (${n})`,
  mentionsIntro:
    'Notater fra samtaler med andre enn deg der nummeret ditt er skrevet (for eksempel «ring kona på …»). Vi viser bare notatet, ikke opplysninger om den andre personen. Ber du om sletting, tømmer vi disse notatene; ellers fjernes de når lagringstiden for den andre samtalen er ute.',
  mentionsNone: 'Ingen notater fra andre samtaler nevner nummeret ditt.',
  colWrittenBy: 'Skrevet av',
  importLinesTitle: (n) => `Linjer i importrapporter (${n})`,
  importLinesIntro:
    'Linjer i filer kundesenteret har importert (Reservasjonsregisteret eller kunders reservasjoner) som ikke kunne leses, og som derfor ligger i importrapporten slik at de kan kontrolleres. Ber du om sletting, fjerner vi dem.',
  importLinesNone: 'Ingen linjer i importrapportene nevner nummeret ditt.',
  colLine: 'Linje',
  colText: 'Tekst',

  blockTitle: 'Sperre mot oppringing',
  blocked: 'Nummeret ditt står på sperrelisten vår: vi ringer det ikke.',
  notBlocked: 'Nummeret ditt står ikke på sperrelisten vår. Si fra hvis du ikke vil bli ringt, så sperrer vi det med en gang.',
  blockEntry: (source, scope, date) => `${source} · gjelder ${scope} · siden ${date}`,
  blockReason: (r) => `Registrert årsak: ${r}`,
  fixedReasons: { erased: 'fjernet etter ditt krav om sletting', optOutImport: 'reservasjon mot oppringing, lagt inn fra fil' },
  blockHistoryTitle: 'Endringer i sperren (historikk)',
  colWhat: 'Hva',
  colBy: 'Av',
  colReason: 'Årsak',
  blockWhyKept:
    'Vi beholder nummeret ditt på sperrelisten så lenge sperren gjelder — også om du ber oss slette opplysningene dine — fordi det er den eneste måten vi kan sikre at du ikke blir ringt (markedsføringsloven § 12). Behandlingsgrunnlag: rettslig forpliktelse (personvernforordningen art. 6 nr. 1 bokstav c). Vi beholder bare det som trengs til det: nummeret, hvor sperren kom fra og når.',
  registerTitle: 'Reservasjonsregisteret',
  registerListed: (d) => `Nummeret ditt står i Reservasjonsregisteret (vår kopi fra ${d}): vi ringer det ikke med telefonsalg.`,
  registerNotListed: (d) => `Nummeret ditt står ikke i vår kopi av Reservasjonsregisteret (fra ${d}).`,
  registerNone: 'Vi har ingen kopi av Reservasjonsregisteret.',

  retentionTitle: 'Hvor lenge vi lagrer det',
  logRetention: (c, days) =>
    `Samtalelogger i «${c}»: ${days} dager etter samtalen. Deretter fjernes nummeret og notatet for godt; resultatet beholdes i statistikken uten kobling til deg.`,
  fieldRetention: 'Feltene i oppdragsgiverens kundesystem: som oppgitt under «Lagringstid» over.',
  blockRetention: 'Sperrelisten: så lenge sperren gjelder.',
  registerRetention: 'Vår kopi av Reservasjonsregisteret erstattes ved hver nye leveranse fra Brønnøysundregistrene.',

  rightsTitle: 'Dine rettigheter',
  rights: {
    access: { title: 'Innsyn (art. 15)', text: 'Du kan spørre hva vi har om deg, og få en kopi. Denne rapporten er svaret.' },
    rectification: { title: 'Retting (art. 16)', text: 'Du kan be oss rette opplysninger som er feil eller ufullstendige.' },
    erasure: {
      title: 'Sletting (art. 17)',
      text: 'Du kan be oss slette opplysningene dine. Vi fjerner da nummeret og notatene dine fra samtaleloggene for godt; det som blir igjen (for eksempel at et salg ble gjort, og av hvem), kan ikke lenger knyttes til deg. Har du bedt om ikke å bli ringt, beholder vi nummeret på sperrelisten, slik at vi kan respektere det.',
    },
    restriction: { title: 'Begrensning (art. 18)', text: 'Du kan be oss stanse bruken av opplysningene dine for en tid, for eksempel mens vi sjekker en retting.' },
    objection: {
      title: 'Protest (art. 21)',
      text: 'Du kan protestere mot bruk som bygger på berettiget interesse, og du kan alltid si nei til direkte markedsføring: si fra, så setter vi deg på sperrelisten med en gang. Du kan også reservere deg mot telefonsalg fra alle virksomheter i Reservasjonsregisteret (brreg.no).',
    },
    portability: { title: 'Dataportabilitet (art. 20)', text: 'Du kan få opplysningene i en maskinlesbar fil (JSON eller CSV) og ta dem med deg.' },
    complaint: {
      title: 'Klage til Datatilsynet (art. 77)',
      text: 'Mener du at opplysningene dine behandles i strid med reglene, kan du klage til Datatilsynet: www.datatilsynet.no.',
    },
  },

  contactTitle: 'Hvem du kan kontakte',
  contactIntro:
    'Har du spørsmål, eller vil du bruke rettighetene dine, kontakt den behandlingsansvarlige. Du kan også kontakte kundesenteret, som sender henvendelsen videre.',
  contactController: (n) => `${n} (behandlingsansvarlig)`,
  contactProcessor: (n) => `${n} (databehandler)`,
  footer: (d) => `Laget med Kontaktvern ${d}.`,

  legalBasis: {
    consent: 'Samtykke (art. 6 nr. 1 a)',
    contract: 'Avtale (art. 6 nr. 1 b)',
    'legal-obligation': 'Rettslig forpliktelse (art. 6 nr. 1 c)',
    'vital-interest': 'Vitale interesser (art. 6 nr. 1 d)',
    'public-task': 'Oppgave i allmennhetens interesse (art. 6 nr. 1 e)',
    'legitimate-interest': 'Berettiget interesse (art. 6 nr. 1 f)',
  },
  category: {
    identity: 'Identitet',
    contact: 'Kontaktopplysninger',
    financial: 'Økonomi',
    'customer-relationship': 'Kundeforhold',
    preferences: 'Preferanser',
    other: 'Annet',
  },
  outcome: {
    sale: 'Salg',
    'not-interested': 'Ikke interessert',
    'no-answer': 'Ikke svar',
    'call-back': 'Ring tilbake',
    'do-not-call': 'Ønsker ikke å bli ringt',
    'wrong-number': 'Feil nummer',
    other: 'Annet',
  },
  campaignType: {
    'consumer-telemarketing': 'Telefonsalg til forbrukere',
    b2b: 'Bedrift til bedrift',
    charity: 'Innsamling (ideell organisasjon)',
    'market-research': 'Markedsundersøkelse',
  },
  source: {
    register: 'Reservasjonsregisteret',
    'opt-out': 'Du ba om ikke å bli ringt',
    internal: 'Intern sperre',
  },
  action: {
    block: 'Sperret',
    unblock: 'Sperre fjernet',
    import: 'Importert',
    anonymise: 'Anonymisert',
    settings: 'Innstillinger endret',
  },
  scopeAll: 'alle oppdragsgivere',
  scopeClient: (c) => `bare ${c}`,
};

const en: ReportTexts = {
  locale: 'en-GB',
  languageName: 'English',
  documentTitle: 'Access to personal data',
  heading: 'What we hold about you',
  numberLine: (n) => `Phone number ${n}`,
  dateLine: (d) => `Date: ${d}`,
  madeBy: (p) => `Made by: ${p}`,
  intro:
    'You asked what we store about your phone number and why (GDPR Art. 15). This report lists everything held about the number in Kontaktvern, the calling tool the call centre uses when it calls on behalf of its clients.',
  printButton: 'Print / save as PDF',
  printHint: 'Choose “Save as PDF” as the printer to get a PDF file.',
  otherLanguage: 'Language:',
  loading: 'Loading…',
  invalidNumber: 'This report link has no valid phone number. Open the report from the “Access and erasure” page.',
  loadFailed: (d) => `The report could not be made: ${d}`,
  nothingHeld: 'Kontaktvern holds nothing about this number.',
  nothingHeldDetail:
    'No calls are logged, no note or import line mentions the number, the number is not on the block list, and it is not in our copy of Reservasjonsregisteret.',

  responsibleTitle: 'Who is responsible',
  controllerRole: 'Controller — decides why and how your data is used',
  processorRole: "Processor — calls on the client's behalf and follows its instructions",
  orgNumber: (o) => `Org. no. ${o}`,
  contact: (c) => `Contact: ${c}`,
  agreement: (r) => `Data processing agreement: ${r}`,
  campaignsLine: (c) => `Campaigns: ${c}`,
  controllerUnknown: (id) => `A client that is no longer set up (id ${id})`,
  noControllers: 'No client holds data about your number through Kontaktvern.',
  processorUnnamed: 'The call centre (name not filled in)',
  contactMissing: 'No contact is filled in.',

  heldTitle: 'What we hold about you, and why',
  callLogsTitle: (n) => `Calls we have logged (${n})`,
  callLogsIntro:
    "For each call to your number we log when it was, the campaign, the result, any amount, a short note and who called. Purpose: following up the client's campaign and reporting its results. Legal basis: the client's legitimate interest in following up its campaign (GDPR Art. 6(1)(f)).",
  callLogsNone: 'No calls to your number are logged.',
  colWhen: 'When',
  colCampaign: 'Campaign',
  colOutcome: 'Result',
  colAmount: 'Amount',
  colNote: 'Note',
  colAgent: 'Called by',
  campaignHeading: (c, client) => `Campaign “${c}” for ${client}`,
  campaignTypeLine: (type) => `Type: ${type}`,
  fieldsIntro:
    "In this campaign the client's customer system (CRM) holds the following about its customers. Kontaktvern itself does not store these fields; ask the client for their content (contact above).",
  fieldsNone: 'No fields are documented for this campaign.',
  colField: 'Data',
  colPurpose: 'Purpose',
  colBasis: 'Legal basis',
  colCategory: 'Category',
  colRetention: 'Kept for',
  dataSource: 'Where the data comes from: the customer list the client gave the call centre for the campaign, and what was said in the calls.',
  mentionsTitle: (n) => `Mentioned in notes of other calls (${n})`,
  mentionsIntro:
    'Notes of calls with people other than you in which your number is written (for example “call his wife on …”). We show only the note, nothing about the other person. If you ask for erasure, we clear these notes; otherwise they are removed when the other call’s retention period ends.',
  mentionsNone: 'No note of another call mentions your number.',
  colWrittenBy: 'Written by',
  importLinesTitle: (n) => `Lines in import reports (${n})`,
  importLinesIntro:
    'Lines of files the call centre imported (Reservasjonsregisteret or customer opt-outs) that could not be read, and so are kept in the import report to be checked. If you ask for erasure, we remove them.',
  importLinesNone: 'No line of an import report mentions your number.',
  colLine: 'Line',
  colText: 'Text',

  blockTitle: 'Do-not-call status',
  blocked: 'Your number is on our block list: we do not call it.',
  notBlocked: 'Your number is not on our block list. Tell us if you do not want to be called, and we block it at once.',
  blockEntry: (source, scope, date) => `${source} · applies to ${scope} · since ${date}`,
  blockReason: (r) => `Reason recorded: ${r}`,
  fixedReasons: { erased: 'removed at your erasure request', optOutImport: 'asked not to be called, added from a file' },
  blockHistoryTitle: 'Changes to the block (history)',
  colWhat: 'What',
  colBy: 'By',
  colReason: 'Reason',
  blockWhyKept:
    'We keep your number on the block list for as long as the block applies — also if you ask us to erase your data — because it is the only way to make sure you are not called (Norwegian Marketing Control Act § 12). Legal basis: a legal obligation (GDPR Art. 6(1)(c)). We keep only what that needs: the number, where the block came from and when.',
  registerTitle: 'Reservasjonsregisteret (the Norwegian do-not-call register)',
  registerListed: (d) => `Your number is in Reservasjonsregisteret (our copy of ${d}): we do not call it for telemarketing.`,
  registerNotListed: (d) => `Your number is not in our copy of Reservasjonsregisteret (of ${d}).`,
  registerNone: 'We hold no copy of Reservasjonsregisteret.',

  retentionTitle: 'How long we keep it',
  logRetention: (c, days) =>
    `Call logs in “${c}”: ${days} days after the call. Then the number and the note are removed for good; the result stays in the statistics with no link to you.`,
  fieldRetention: "The fields of the client's customer system: as listed under “Kept for” above.",
  blockRetention: 'The block list: for as long as the block applies.',
  registerRetention: 'Our copy of Reservasjonsregisteret is replaced by every new delivery from Brønnøysundregistrene.',

  rightsTitle: 'Your rights',
  rights: {
    access: { title: 'Access (Art. 15)', text: 'You may ask what we hold about you and get a copy. This report is that answer.' },
    rectification: { title: 'Rectification (Art. 16)', text: 'You may ask us to correct data that is wrong or incomplete.' },
    erasure: {
      title: 'Erasure (Art. 17)',
      text: 'You may ask us to erase your data. We then remove your number and your notes from our call logs for good; what remains (for example that a sale was made, and by whom) can no longer be linked to you. If you asked not to be called, we keep the number on the block list so that we can honour that.',
    },
    restriction: { title: 'Restriction (Art. 18)', text: 'You may ask us to stop using your data for a while, for example while we check a correction.' },
    objection: {
      title: 'Objection (Art. 21)',
      text: 'You may object to use based on legitimate interests, and you can always refuse direct marketing: tell us and we put you on the block list at once. You can also register in Reservasjonsregisteret (brreg.no) against telemarketing from all businesses.',
    },
    portability: { title: 'Data portability (Art. 20)', text: 'You may get your data in a machine-readable file (JSON or CSV) and take it elsewhere.' },
    complaint: {
      title: 'Complaint to Datatilsynet (Art. 77)',
      text: 'If you think your data is handled unlawfully, you can complain to Datatilsynet, the Norwegian Data Protection Authority: www.datatilsynet.no.',
    },
  },

  contactTitle: 'Whom to contact',
  contactIntro:
    'For questions, or to use your rights, contact the controller. You can also contact the call centre, which passes your request on.',
  contactController: (n) => `${n} (controller)`,
  contactProcessor: (n) => `${n} (processor)`,
  footer: (d) => `Made with Kontaktvern on ${d}.`,

  legalBasis: {
    consent: 'Consent (Art. 6(1)(a))',
    contract: 'Contract (Art. 6(1)(b))',
    'legal-obligation': 'Legal obligation (Art. 6(1)(c))',
    'vital-interest': 'Vital interests (Art. 6(1)(d))',
    'public-task': 'Public task (Art. 6(1)(e))',
    'legitimate-interest': 'Legitimate interests (Art. 6(1)(f))',
  },
  category: {
    identity: 'Identity',
    contact: 'Contact details',
    financial: 'Financial',
    'customer-relationship': 'Customer relationship',
    preferences: 'Preferences',
    other: 'Other',
  },
  outcome: {
    sale: 'Sale',
    'not-interested': 'Not interested',
    'no-answer': 'No answer',
    'call-back': 'Call back',
    'do-not-call': 'Asked not to be called',
    'wrong-number': 'Wrong number',
    other: 'Other',
  },
  campaignType: {
    'consumer-telemarketing': 'Telemarketing to consumers',
    b2b: 'Business to business',
    charity: 'Charity fundraising',
    'market-research': 'Market research',
  },
  source: {
    register: 'Reservasjonsregisteret',
    'opt-out': 'You asked not to be called',
    internal: 'Internal block',
  },
  action: {
    block: 'Blocked',
    unblock: 'Block removed',
    import: 'Imported',
    anonymise: 'Anonymised',
    settings: 'Settings changed',
  },
  scopeAll: 'all clients',
  scopeClient: (c) => `only ${c}`,
};

export const REPORT_TEXTS: Readonly<Record<ReportLanguage, ReportTexts>> = { nb, en };
