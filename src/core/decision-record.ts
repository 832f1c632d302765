// The walkthrough's decision record: what the clinician reasoned through with Forester-Miller
// and Davis's seven steps, and the warning's metadata (site, channel, kinds and counts). It never
// holds masked examples or identifiers from the warning; the only free text is the clinician's
// own. Pure: the UI passes in its translator, so the same code runs under Node in unit tests.
import type { Channel, Decision, ShareReasonCategory, WarningRecord, WarningSummary } from './warnings';
import type { FindingType, RiskReason } from './types';

/** Translator with Chrome i18n semantics: message name, optional $1…$9 substitutions. */
export type Translate = (name: string, substitutions?: string | string[]) => string;

/** The four outcomes the popup and the walkthrough offer for a pending warning. */
export type PopupOutcome = 'cancelled' | 'authorized' | 'not_client_data' | 'other';
export const POPUP_OUTCOMES: readonly PopupOutcome[] = ['cancelled', 'authorized', 'not_client_data', 'other'];

export const OUTCOME_LABEL: Record<PopupOutcome, string> = {
  cancelled: 'popupOutcomeCancelled',
  authorized: 'popupOutcomeAuthorized',
  not_client_data: 'popupOutcomeNotClientData',
  other: 'popupOutcomeOther',
};

export interface Resolution {
  decision: Decision;
  reasonCategory?: ShareReasonCategory;
  note?: string;
}

export const MAX_NOTE_LENGTH = 2000;

/** Maps a popup outcome to what the warnings store records. "Other" needs a note: without one
 *  the history would say nothing about what happened. Returns null when the input is unusable. */
export function resolutionFor(outcome: string, note: string | undefined): Resolution | null {
  const trimmed = (note ?? '').trim().slice(0, MAX_NOTE_LENGTH);
  const withNote = trimmed ? { note: trimmed } : {};
  switch (outcome) {
    case 'cancelled':
      return { decision: 'cancelled', ...withNote };
    case 'authorized':
      return { decision: 'authorized', reasonCategory: 'written_authorization', ...withNote };
    case 'not_client_data':
      return { decision: 'not_client_data', ...withNote };
    case 'other':
      return trimmed ? { decision: 'other', reasonCategory: 'other', note: trimmed } : null;
    default:
      return null;
  }
}

// Labels (i18n message names) shared by the popup, the walkthrough and the Markdown export.
export const CHANNEL_LABEL: Record<Channel, string> = {
  paste: 'channelPaste',
  drop: 'channelDrop',
  upload: 'channelUpload',
  form: 'channelForm',
  post: 'channelPost',
};

/** Display order of finding kinds, most identifying first. */
export const KIND_ORDER: readonly FindingType[] = ['person', 'email', 'phone', 'hashed_id', 'dob', 'address', 'clinical'];
export const KIND_LABEL: Record<FindingType, string> = {
  person: 'kindPerson',
  email: 'kindEmail',
  phone: 'kindPhone',
  hashed_id: 'kindHashedId',
  dob: 'kindDob',
  address: 'kindAddress',
  clinical: 'kindClinical',
};

export const REASON_LABEL: Record<RiskReason, string> = {
  client_list: 'popupReasonClientList',
  clinical_context: 'popupReasonClinicalContext',
  hashed_list: 'popupReasonHashedList',
  known_client: 'popupReasonKnownClient',
};

/** Every decision, as the history shows it (page decisions included). */
export const DECISION_LABEL: Record<Decision, string> = {
  cancelled: 'popupDecisionCancelled',
  redacted: 'popupDecisionRedacted',
  shared: 'popupDecisionShared',
  not_client_data: 'popupDecisionNotClientData',
  blocked: 'popupDecisionBlocked',
  authorized: 'popupDecisionAuthorized',
  other: 'popupDecisionOther',
};

export const PENDING_LABEL: Record<NonNullable<WarningRecord['pendingBecause']>, string> = {
  navigated: 'popupPendingNavigated',
  deferred: 'popupPendingDeferred',
  blocked: 'popupPendingBlocked',
  frame_removed: 'popupPendingFrameRemoved',
};

/** "4 names, 4 email addresses, 4 phone numbers" in the UI language. */
export function describeCounts(counts: WarningSummary['counts'], t: Translate): string {
  const parts: string[] = [];
  for (const kind of KIND_ORDER) {
    const n = counts[kind];
    if (n) parts.push(t('popupKindCount', [String(n), t(KIND_LABEL[kind])]));
  }
  return parts.join(t('popupListSeparator'));
}

// ---- The seven steps --------------------------------------------------------------------

/** Step 2: the codes and laws a clinician checks against. */
export const CODE_IDS = [
  'acaB1c',
  'acaH6d',
  'apa401',
  'apa405',
  'apa407',
  'nasw107',
  'hipaaMarketing',
  'hipaaSale',
  'hashing',
  'ftcBetterHelp',
] as const;
export type CodeId = (typeof CODE_IDS)[number];

/** Step 3: Kitchener's principles, as the ACA guide lists them. */
export const PRINCIPLE_IDS = ['autonomy', 'nonmaleficence', 'beneficence', 'justice', 'fidelity'] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

/** Step 4: courses of action. "proceed" is the one the site asked for: weighing it openly is
 *  part of the model. "own" is the clinician's own alternative, described in their words. */
export const ALTERNATIVE_IDS = ['proceed', 'decline', 'noClientData', 'authorizedBaa', 'deidentify', 'noTestimonials', 'own'] as const;
export type AlternativeId = (typeof ALTERNATIVE_IDS)[number];

/** Step 6: Stadler's three tests. */
export const TEST_IDS = ['justice', 'publicity', 'universality'] as const;
export type TestId = (typeof TEST_IDS)[number];
export type TestAnswer = 'yes' | 'no' | 'unsure' | '';

/** Message-name stem for an id: "acaB1c" -> "AcaB1c", used as walkthroughCode<Stem> etc. */
export function stem(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export interface WalkthroughAnswers {
  /** 1. The problem, pre-filled from the warning and edited by the clinician. */
  problem: string;
  /** 2. Codes and laws the clinician found apply. */
  codes: CodeId[];
  codesNote: string;
  /** 3. Principles at stake and how they pull against each other. */
  principles: PrincipleId[];
  dimensionsNote: string;
  consultation: string;
  /** 4. Courses of action considered. */
  alternatives: AlternativeId[];
  ownAlternative: string;
  /** 5. Consequences of each considered course, and the one chosen. */
  consequences: Partial<Record<AlternativeId, string>>;
  chosen: AlternativeId | '';
  /** 6. Stadler's tests of the chosen course. */
  tests: Record<TestId, TestAnswer>;
  evaluationNote: string;
  /** 7. Implementation, and the outcome recorded for the warning. */
  implementation: string;
  outcome: PopupOutcome | '';
  outcomeNote: string;
}

export function emptyAnswers(problem = ''): WalkthroughAnswers {
  return {
    problem,
    codes: [],
    codesNote: '',
    principles: [],
    dimensionsNote: '',
    consultation: '',
    alternatives: [],
    ownAlternative: '',
    consequences: {},
    chosen: '',
    tests: { justice: '', publicity: '', universality: '' },
    evaluationNote: '',
    implementation: '',
    outcome: '',
    outcomeNote: '',
  };
}

/** What the record keeps about the warning: no examples, no roster matches. */
export interface WarningFacts {
  id: string;
  site: string;
  channel: Channel;
  createdAt: number;
  pendingBecause?: WarningRecord['pendingBecause'];
  verdict: WarningSummary['verdict'];
  reasons: RiskReason[];
  counts: WarningSummary['counts'];
  people: number;
}

export interface DecisionRecord {
  id: string;
  createdAt: number;
  /** Forester-Miller & Davis (ACA, 1996; revised 2016). */
  model: 'forester-miller-davis';
  warning: WarningFacts;
  answers: WalkthroughAnswers;
  decision: Decision;
  reasonCategory?: ShareReasonCategory;
  note?: string;
}

export function warningFacts(w: WarningRecord): WarningFacts {
  const facts: WarningFacts = {
    id: w.id,
    site: w.site,
    channel: w.channel,
    createdAt: w.createdAt,
    verdict: w.summary.verdict,
    reasons: [...w.summary.reasons],
    counts: { ...w.summary.counts },
    people: w.summary.people,
  };
  if (w.pendingBecause) facts.pendingBecause = w.pendingBecause;
  return facts;
}

/** Step 1's starting text: the facts of the warning in a sentence or two. */
export function problemStatement(facts: WarningFacts, t: Translate): string {
  const found = describeCounts(facts.counts, t) || t('popupNothingCounted');
  const lines = [t('walkthroughProblemPrefill', [facts.site, t(CHANNEL_LABEL[facts.channel]), found, String(facts.people)])];
  if (facts.reasons.length) lines.push(t('walkthroughProblemReasons', facts.reasons.map((r) => t(REASON_LABEL[r])).join(t('popupListSeparator'))));
  return lines.join(' ');
}

const clean = (s: string): string => s.replace(/\r\n?/g, '\n').trim().slice(0, MAX_NOTE_LENGTH);
const only = <T extends string>(allowed: readonly T[], values: readonly string[]): T[] =>
  allowed.filter((id) => values.includes(id));

/**
 * The record saved when the clinician finishes: answers trimmed and restricted to the model's
 * ids, consequences kept only for courses they considered, and the warning reduced to facts.
 * Returns null when no outcome was chosen (or "other" has no note).
 */
export function buildDecisionRecord(
  warning: WarningRecord,
  answers: WalkthroughAnswers,
  meta: { id: string; now: number },
): DecisionRecord | null {
  const resolution = resolutionFor(answers.outcome, answers.outcomeNote);
  if (!resolution) return null;
  const alternatives = only(ALTERNATIVE_IDS, answers.alternatives).filter((a) => a !== 'own' || clean(answers.ownAlternative));
  const consequences: Partial<Record<AlternativeId, string>> = {};
  for (const a of alternatives) {
    const text = clean(answers.consequences[a] ?? '');
    if (text) consequences[a] = text;
  }
  const tests = {} as Record<TestId, TestAnswer>;
  for (const id of TEST_IDS) {
    const v = answers.tests[id];
    tests[id] = v === 'yes' || v === 'no' || v === 'unsure' ? v : '';
  }
  const record: DecisionRecord = {
    id: meta.id,
    createdAt: meta.now,
    model: 'forester-miller-davis',
    warning: warningFacts(warning),
    answers: {
      problem: clean(answers.problem),
      codes: only(CODE_IDS, answers.codes),
      codesNote: clean(answers.codesNote),
      principles: only(PRINCIPLE_IDS, answers.principles),
      dimensionsNote: clean(answers.dimensionsNote),
      consultation: clean(answers.consultation),
      alternatives,
      ownAlternative: clean(answers.ownAlternative),
      consequences,
      chosen: answers.chosen && alternatives.includes(answers.chosen) ? answers.chosen : '',
      tests,
      evaluationNote: clean(answers.evaluationNote),
      implementation: clean(answers.implementation),
      outcome: answers.outcome,
      outcomeNote: resolution.note ?? '',
    },
    decision: resolution.decision,
  };
  if (resolution.reasonCategory) record.reasonCategory = resolution.reasonCategory;
  if (resolution.note) record.note = resolution.note;
  return record;
}

/** Label of a course of action; the clinician's own one is shown in their words. */
export function alternativeLabel(id: AlternativeId, record: Pick<WalkthroughAnswers, 'ownAlternative'>, t: Translate): string {
  return id === 'own' ? record.ownAlternative || t('walkthroughAltOwn') : t(`walkthroughAlt${stem(id)}`);
}

// ---- Markdown export ------------------------------------------------------------------------

/** Keeps the clinician's text from turning into headings, lists or HTML in the export. */
function mdText(s: string): string {
  return s
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>*+-]|\d+\.)(\s)/, '$1\\$2$3'))
    .join('  \n');
}

function answerOrDash(s: string, t: Translate): string {
  return s ? mdText(s) : `_${t('walkthroughNotAnswered')}_`;
}

export interface MarkdownOptions {
  t: Translate;
  /** Absolute date and time in the UI language. */
  formatDate: (ms: number) => string;
}

export function decisionRecordToMarkdown(record: DecisionRecord, { t, formatDate }: MarkdownOptions): string {
  const a = record.answers;
  const w = record.warning;
  const out: string[] = [];
  const checklist = <T extends string>(ids: readonly T[], chosen: readonly T[], label: (id: T) => string): void => {
    for (const id of ids) out.push(`- [${chosen.includes(id) ? 'x' : ' '}] ${label(id)}`);
  };

  out.push(`# ${t('walkthroughRecordTitle')}`, '');
  out.push(t('walkthroughModelCitation'), '');
  out.push(`- ${t('walkthroughRecordWritten')}: ${formatDate(record.createdAt)}`);
  out.push(`- ${t('walkthroughRecordId')}: ${record.id}`, '');

  out.push(`## ${t('walkthroughWarningHeading')}`, '');
  out.push(`- ${t('popupSiteLabel')}: ${w.site}`);
  out.push(`- ${t('popupChannelLabel')}: ${t(CHANNEL_LABEL[w.channel])}`);
  out.push(`- ${t('popupShownLabel')}: ${formatDate(w.createdAt)}`);
  out.push(`- ${t('popupFoundLabel')}: ${describeCounts(w.counts, t) || t('popupNothingCounted')}`);
  out.push(`- ${t('popupPeopleLabel')}: ${w.people}`);
  if (w.reasons.length) out.push(`- ${t('popupWhyLabel')}: ${w.reasons.map((r) => t(REASON_LABEL[r])).join(t('popupListSeparator'))}`);
  if (w.pendingBecause) out.push(`- ${t('popupWhatHappenedLabel')}: ${t(PENDING_LABEL[w.pendingBecause])}`);
  out.push('');

  out.push(`## 1. ${t('walkthroughStep1Title')}`, '', answerOrDash(a.problem, t), '');

  out.push(`## 2. ${t('walkthroughStep2Title')}`, '');
  checklist(CODE_IDS, a.codes, (id) => t(`walkthroughCode${stem(id)}`));
  out.push('', `**${t('walkthroughCodesNoteLabel')}**`, '', answerOrDash(a.codesNote, t), '');

  out.push(`## 3. ${t('walkthroughStep3Title')}`, '');
  checklist(PRINCIPLE_IDS, a.principles, (id) => t(`walkthroughPrinciple${stem(id)}`));
  out.push('', `**${t('walkthroughDimensionsLabel')}**`, '', answerOrDash(a.dimensionsNote, t), '');
  out.push(`**${t('walkthroughConsultationLabel')}**`, '', answerOrDash(a.consultation, t), '');

  out.push(`## 4. ${t('walkthroughStep4Title')}`, '');
  checklist(ALTERNATIVE_IDS, a.alternatives, (id) => mdText(alternativeLabel(id, a, t)));
  out.push('');

  out.push(`## 5. ${t('walkthroughStep5Title')}`, '');
  if (a.alternatives.length === 0) out.push(`_${t('walkthroughNotAnswered')}_`, '');
  for (const id of a.alternatives) {
    out.push(`**${mdText(alternativeLabel(id, a, t))}**`, '', answerOrDash(a.consequences[id] ?? '', t), '');
  }
  out.push(`**${t('walkthroughChosenLabel')}**: ${a.chosen ? mdText(alternativeLabel(a.chosen, a, t)) : `_${t('walkthroughNotAnswered')}_`}`, '');

  out.push(`## 6. ${t('walkthroughStep6Title')}`, '');
  for (const id of TEST_IDS) {
    const answer = a.tests[id];
    out.push(`- ${t(`walkthroughTest${stem(id)}`)}: ${answer ? t(`walkthroughAnswer${stem(answer)}`) : `_${t('walkthroughNotAnswered')}_`}`);
  }
  out.push('', `**${t('walkthroughEvaluationLabel')}**`, '', answerOrDash(a.evaluationNote, t), '');

  out.push(`## 7. ${t('walkthroughStep7Title')}`, '', `**${t('walkthroughImplementationLabel')}**`, '', answerOrDash(a.implementation, t), '');
  out.push(`**${t('walkthroughOutcomeLabel')}**: ${a.outcome ? t(OUTCOME_LABEL[a.outcome]) : `_${t('walkthroughNotAnswered')}_`}`);
  if (record.note) out.push('', mdText(record.note));
  out.push('');
  return out.join('\n');
}

/** File name for the export: date and site, nothing about the people involved. */
export function markdownFileName(record: DecisionRecord): string {
  const day = new Date(record.createdAt).toISOString().slice(0, 10);
  const site = record.warning.site.replace(/[^a-z0-9.-]/gi, '_');
  return `clientguard-decision-${day}-${site}.md`;
}
