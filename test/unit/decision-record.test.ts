import { describe, expect, it } from 'vitest';
import {
  buildDecisionRecord,
  decisionRecordToMarkdown,
  describeCounts,
  emptyAnswers,
  markdownFileName,
  problemStatement,
  resolutionFor,
  warningFacts,
  type WalkthroughAnswers,
} from '../../src/core/decision-record';
import type { WarningRecord } from '../../src/core/warnings';
import { translator } from './popup/catalogue';

const en = translator('en');
const es = translator('es');
const formatDate = (ms: number): string => new Date(ms).toISOString();

const warning: WarningRecord = {
  id: 'w-1',
  site: 'business.facebook.com',
  tabId: 4,
  frameId: 0,
  channel: 'paste',
  createdAt: Date.UTC(2026, 0, 5, 15, 4),
  status: 'pending',
  pendingBecause: 'navigated',
  summary: {
    verdict: 'warning',
    reasons: ['client_list', 'hashed_list'],
    counts: { person: 4, email: 4, phone: 4 },
    people: 4,
    examples: [
      { type: 'person', masked: 'M**** G*******' },
      { type: 'email', masked: 'm***@e******.com' },
    ],
    rosterMatches: [{ type: 'person', masked: 'J**** O*****' }],
  },
};

function answers(overrides: Partial<WalkthroughAnswers> = {}): WalkthroughAnswers {
  return {
    ...emptyAnswers(problemStatement(warningFacts(warning), en)),
    codes: ['acaB1c', 'hipaaMarketing'],
    principles: ['autonomy', 'fidelity'],
    consultation: 'Spoke with my supervisor on Tuesday.',
    alternatives: ['proceed', 'decline'],
    consequences: { proceed: 'Clients exposed to the ad platform.', decline: 'No free ads.', noClientData: 'not considered' },
    chosen: 'decline',
    tests: { justice: 'yes', publicity: 'yes', universality: 'unsure' },
    implementation: 'Reply to the vendor today.',
    outcome: 'cancelled',
    ...overrides,
  };
}

describe('resolutionFor', () => {
  it('maps the popup outcomes to decisions and reason categories', () => {
    expect(resolutionFor('cancelled', '')).toEqual({ decision: 'cancelled' });
    expect(resolutionFor('authorized', ' signed form on file ')).toEqual({ decision: 'authorized', reasonCategory: 'written_authorization', note: 'signed form on file' });
    expect(resolutionFor('not_client_data', undefined)).toEqual({ decision: 'not_client_data' });
    expect(resolutionFor('other', 'Sent to my accountant')).toEqual({ decision: 'other', reasonCategory: 'other', note: 'Sent to my accountant' });
  });

  it('refuses "other" without a note and anything that is not a popup outcome', () => {
    expect(resolutionFor('other', '   ')).toBeNull();
    expect(resolutionFor('shared', 'x')).toBeNull();
    expect(resolutionFor('', '')).toBeNull();
  });

  it('caps the note length', () => {
    expect(resolutionFor('other', 'x'.repeat(5000))?.note).toHaveLength(2000);
  });
});

describe('buildDecisionRecord', () => {
  it('keeps counts and kinds but no masked examples or roster matches', () => {
    const record = buildDecisionRecord(warning, answers(), { id: 'r-1', now: 1 });
    const json = JSON.stringify(record);
    for (const e of [...warning.summary.examples, ...(warning.summary.rosterMatches ?? [])]) expect(json).not.toContain(e.masked);
    expect(record?.warning).toEqual({
      id: 'w-1',
      site: 'business.facebook.com',
      channel: 'paste',
      createdAt: warning.createdAt,
      pendingBecause: 'navigated',
      verdict: 'warning',
      reasons: ['client_list', 'hashed_list'],
      counts: { person: 4, email: 4, phone: 4 },
      people: 4,
    });
    expect(record).toMatchObject({ id: 'r-1', createdAt: 1, decision: 'cancelled', model: 'forester-miller-davis' });
  });

  it('keeps consequences only for courses considered, and a chosen course only if considered', () => {
    const record = buildDecisionRecord(warning, answers({ chosen: 'deidentify' }), { id: 'r', now: 1 });
    expect(Object.keys(record?.answers.consequences ?? {})).toEqual(['proceed', 'decline']);
    expect(record?.answers.chosen).toBe('');
  });

  it('drops ids that are not part of the model', () => {
    const record = buildDecisionRecord(warning, answers({ codes: ['acaB1c', 'madeUp' as never], principles: ['veracity' as never] }), { id: 'r', now: 1 });
    expect(record?.answers.codes).toEqual(['acaB1c']);
    expect(record?.answers.principles).toEqual([]);
  });

  it('needs an outcome, and a note for "other"', () => {
    expect(buildDecisionRecord(warning, answers({ outcome: '' }), { id: 'r', now: 1 })).toBeNull();
    expect(buildDecisionRecord(warning, answers({ outcome: 'other', outcomeNote: '' }), { id: 'r', now: 1 })).toBeNull();
    expect(buildDecisionRecord(warning, answers({ outcome: 'other', outcomeNote: 'Asked the board' }), { id: 'r', now: 1 })).toMatchObject({ decision: 'other', note: 'Asked the board' });
  });
});

describe('problemStatement', () => {
  it('states the site, channel, kinds with counts and reasons, in the UI language', () => {
    const text = problemStatement(warningFacts(warning), en);
    expect(text).toContain('business.facebook.com');
    expect(text).toContain('Paste');
    expect(text).toContain('names: 4, email addresses: 4, phone numbers: 4');
    expect(text).toContain('a list of people with contact details');
    expect(problemStatement(warningFacts(warning), es)).toContain('nombres: 4');
  });
});

describe('decisionRecordToMarkdown', () => {
  const record = buildDecisionRecord(warning, answers(), { id: 'r-1', now: Date.UTC(2026, 0, 6) })!;

  it('documents every step and the decision, and nothing masked', () => {
    const md = decisionRecordToMarkdown(record, { t: en, formatDate });
    expect(md).toMatch(/^# Ethical decision record\n/);
    for (let step = 1; step <= 7; step++) expect(md).toMatch(new RegExp(`^## ${step}\\. `, 'm'));
    expect(md).toContain('**What happened with the data**: I did not share it');
    expect(md).toContain('- [x] ACA Code of Ethics (2014), B.1.c, Respect for Confidentiality');
    expect(md).toContain('- [ ] NASW Code of Ethics (2021), 1.07, Privacy and Confidentiality');
    expect(md).toContain('**The course I choose**: Decline');
    expect(md).toContain('Universality: would I recommend this course to another clinician in the same situation?: Unsure');
    expect(md).toContain('- Found: names: 4, email addresses: 4, phone numbers: 4');
    expect(md).toContain('Forester-Miller, H., & Davis, T. E. (2016)');
    for (const e of warning.summary.examples) expect(md).not.toContain(e.masked);
  });

  it('keeps the clinician’s text from becoming Markdown structure', () => {
    const md = decisionRecordToMarkdown({ ...record, answers: { ...record.answers, problem: '# not a heading\n- not a list\n<b>x</b>' } }, { t: en, formatDate });
    expect(md).toContain('\\# not a heading  \n\\- not a list  \n&lt;b&gt;x&lt;/b&gt;');
    expect(md).not.toMatch(/^# not a heading/m);
  });

  it('marks unanswered steps instead of leaving them blank', () => {
    const bare = buildDecisionRecord(warning, { ...emptyAnswers(), outcome: 'not_client_data' }, { id: 'r', now: 1 })!;
    const md = decisionRecordToMarkdown(bare, { t: en, formatDate });
    expect(md.match(/_Not answered_/g)?.length).toBeGreaterThanOrEqual(8);
    expect(md).toContain('**What happened with the data**: It is not client data');
  });

  it('is written in the UI language', () => {
    const md = decisionRecordToMarkdown(record, { t: es, formatDate });
    expect(md).toMatch(/^# Registro de decisión ética\n/);
    expect(md).toContain('**Qué pasó con los datos**: No los compartí');
  });

  it('names the file by date and site only', () => {
    expect(markdownFileName(record)).toBe('clientguard-decision-2026-01-06-business.facebook.com.md');
  });
});

describe('describeCounts', () => {
  it('lists kinds most identifying first and skips zero counts', () => {
    expect(describeCounts({ clinical: 2, email: 1, person: 0 }, en)).toBe('email addresses: 1, clinical terms: 2');
  });
});
