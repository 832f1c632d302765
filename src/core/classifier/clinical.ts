// Clinical context: diagnoses (words, abbreviations, ICD-10 F-codes), psychiatric medication,
// and therapy words. 'strong' terms make an identifier next to them a warning; 'weak' therapy
// words (session, therapist, client) only a caution.
//
// Matching is per word, with one rule that prescreen() can check cheaply: a term either equals
// the word, or is a stem of >= 6 letters the word starts with. prescreen() keeps the first six
// letters of every term, so it can never miss a word this module would match.
import { foldCode } from './fold';
import { STOP_PARTS, WordGate } from './gate';
import type { Hit } from './hit';
import { lazy } from '../lazy';
import { isAsciiAlnum, isDigit, isLetter } from './text';
export { foldCode };

type Strength = 'strong' | 'weak';

// '*' marks a stem (prefix match, >= 6 letters). Phrases are space-separated words.
const STRONG_TERMS = `
diagnos* dx icd icd10 icd-10 dsm dsm5 dsm-5 dsm-iv comorbid* prognos* differential
ptsd cptsd c-ptsd ocd adhd add-adhd bipolar schizophren* schizoaffective psychosis psychotic
mdd gad bpd autism autistic asperger* anorexi* bulimi* arfid dysthymi* cyclothymi* agoraphobi*
insomnia self-harm selfharm self-injury suicid* ideation overdose* relapse* detox sobriety
addiction* alcoholism dissociat* depersonali* derealiz* hallucinat* paranoi* mania manic
hypomani* depression depressive anxiety trauma traumatic
psychiatr* hospitaliz* hospitalis* inpatient outpatient 5150 involuntary
intake caseload medication* meds prescrib* prescription* dosage titrat*
panic-attack* panic-disorder
trastorno depresión depresion ansiedad diagnóstico diagnostico
major-depressive generalized-anxiety personality-disorder eating-disorder substance-use
substance-abuse use-disorder adjustment-disorder panic-attacks postpartum
progress-note progress-notes treatment-plan treatment-plans soap-note soap-notes
psychotherapy-notes session-notes case-notes clinical-notes therapy-notes
my-client my-clients my-patient my-patients client-of-mine clients-of-mine patient-of-mine
our-client our-clients our-patient our-patients
sertraline zoloft fluoxetine prozac escitalopram lexapro citalopram celexa paroxetine paxil
venlafaxine effexor duloxetine cymbalta bupropion wellbutrin mirtazapine remeron trazodone
lithium lamotrigine lamictal quetiapine seroquel aripiprazole abilify olanzapine zyprexa
risperidone risperdal clozapine clozaril haloperidol haldol lurasidone latuda ziprasidone geodon
methylphenidate ritalin concerta adderall lisdexamfetamine vyvanse atomoxetine strattera
guanfacine intuniv clonidine alprazolam xanax lorazepam ativan clonazepam klonopin diazepam
valium buspirone buspar hydroxyzine prazosin naltrexone vivitrol buprenorphine suboxone
methadone disulfiram antabuse acamprosate topiramate topamax valproate depakote divalproex
carbamazepine tegretol oxcarbazepine trileptal gabapentin neurontin zolpidem ambien esketamine
spravato ketamine vortioxetine trintellix vilazodone viibryd desvenlafaxine pristiq
nortriptyline pamelor amitriptyline elavil imipramine clomipramine anafranil fluvoxamine luvox
phenelzine nardil brexpiprazole rexulti cariprazine vraylar modafinil provigil lumateperone
caplyta antidepressant* antipsychotic* benzodiazepine* benzos ssri ssris snri snris maoi
`;

const WEAK_TERMS = `
therapy therapies therapist* therapeutic counseling counselling counselor* counsellor*
psychotherap* psychologist* psychologic* session sessions appointment* client clients patient
patients treatment* anxious depressed traumatized grief grieving stress stressed emdr cbt dbt
lcsw lmft lpc lpcc lmhc psyd mental-health behavioral-health terapia terapeuta sesión sesion
paciente pacientes cliente clientes
`;

// DOB keywords and street words share the prescreen table (see prescreen.ts).
interface Term {
  words: string[];
  stem: boolean;
  strength: Strength;
}

const SINGLE = new Map<string, Strength>();
const STEMS: { stem: string; strength: Strength }[] = [];
const PHRASES = new Map<string, Term[]>();

function addTerms(list: string, strength: Strength): void {
  for (const raw of list.split(/\s+/)) {
    if (!raw) continue;
    const stem = raw.endsWith('*');
    const t = stem ? raw.slice(0, -1) : raw;
    const words = t.includes('-') && !/^(?:c-ptsd|self-harm|self-injury|icd-10|dsm-5|dsm-iv|add-adhd)$/.test(t) ? t.split('-') : [t];
    if (words.length === 1) {
      if (stem) {
        if (t.length < 6) throw new Error(`clinical stem too short: ${t}`);
        STEMS.push({ stem: t, strength });
      } else if (!SINGLE.has(t) || strength === 'strong') {
        SINGLE.set(t, strength);
      }
    } else {
      const first = words[0] as string;
      const arr = PHRASES.get(first) ?? [];
      arr.push({ words, stem, strength });
      PHRASES.set(first, arr);
    }
  }
}
// Built on first use, not at load: see lazy.ts. Every path into the tables below starts
// from clinicalTriggerWords() or the gates, which call this.
const buildTerms = lazy(() => {
  addTerms(STRONG_TERMS, 'strong');
  addTerms(WEAK_TERMS, 'weak');
  // Longest stems first so "psychotherap" wins over shorter overlapping stems.
  STEMS.sort((a, b) => b.stem.length - a.stem.length);
});

/**
 * Every word that can start or be part of a match; prescreen() builds its table from this.
 * With `strongOnly`, enough words to see every strong match (a diagnosis, a medication,
 * "treatment plan") and no more: strong single words and stems, and of each strong phrase one
 * word it cannot match without — its last word that is not filler ("plan", "notes",
 * "disorder"), so "therapy" or "session" alone does not count. Weak therapy words alone never
 * make a warning (see verdict.ts).
 */
export function clinicalTriggerWords(strongOnly = false): string[] {
  buildTerms();
  const out: string[] = [];
  for (const [w, strength] of SINGLE) if (!strongOnly || strength === 'strong') out.push(w);
  for (const s of STEMS) if (!strongOnly || s.strength === 'strong') out.push(s.stem);
  for (const [first, terms] of PHRASES) {
    for (const t of terms) {
      if (!strongOnly) {
        out.push(first, ...t.words);
      } else if (t.strength === 'strong') {
        const needed = [...t.words].reverse().find((w) => !STOP_PARTS.has(w));
        if (needed) out.push(needed);
      }
    }
  }
  return out;
}

let gate: WordGate | null = null;
function clinicalGate(): WordGate {
  if (!gate) {
    gate = new WordGate();
    for (const w of clinicalTriggerWords()) gate.add(w);
  }
  return gate;
}

let firstGate: WordGate | null = null;
/** First words of phrases ("treatment" of "treatment plan"): only after these is there more to read. */
function phraseFirstGate(): WordGate {
  if (!firstGate) {
    buildTerms();
    firstGate = new WordGate();
    for (const first of PHRASES.keys()) firstGate.add(first);
  }
  return firstGate;
}

function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || (c > 127 && isLetter(c));
}

/**
 * Folded word tokens (letters/digits with inner hyphens) of text[from,to), pushed flat as
 * start, end, word. Most words have no capital: those are sliced, not built char by char.
 */
function words(text: string, from: number, to: number, out: (number | string)[]): void {
  let i = from;
  while (i < to) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let folds = false;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        if (foldCode(c) !== c) folds = true;
        i++;
      } else if (c === 45 && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) {
        // Keep "self-harm", "c-ptsd", "icd-10" whole.
        i++;
      } else {
        break;
      }
    }
    let w: string;
    if (!folds) {
      w = text.slice(s, i);
    } else {
      w = '';
      for (let k = s; k < i; k++) w += String.fromCharCode(foldCode(text.charCodeAt(k)));
    }
    out.push(s, i, w);
  }
}

// Stems by their first six letters (every stem has six or more), longest first in each list.
let stemsBySix: Map<string, typeof STEMS> | null = null;

function matchWord(w: string): Strength | null {
  const single = SINGLE.get(w);
  if (single) return single;
  if (w.length >= 6) {
    if (!stemsBySix) {
      stemsBySix = new Map();
      for (const st of STEMS) {
        const key = st.stem.slice(0, 6);
        const list = stemsBySix.get(key) ?? [];
        list.push(st);
        stemsBySix.set(key, list);
      }
    }
    const list = stemsBySix.get(w.slice(0, 6));
    if (list) for (const st of list) if (w.startsWith(st.stem)) return st.strength;
  }
  return null;
}

/**
 * Clinical and therapy terms in text[from,to). A first pass hashes each word part and only
 * around parts that pass the gate (and F-code shapes) does the full matcher build strings.
 */
export function findClinical(text: string, from: number, to: number, out: Hit[]): void {
  const g = clinicalGate();
  const phraseFirst = phraseFirstGate();
  let winStart = -1;
  let winEnd = -1;
  let h = 0;
  let len = 0;
  let partStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      if (len === 0) partStart = i;
      if (len < 6) h = (Math.imul(h, 31) + foldCode(c)) | 0;
      len++;
      continue;
    }
    if (len > 0) {
      const fcode = len === 3 && (text.charCodeAt(partStart) | 32) === 102 && isDigit(text.charCodeAt(partStart + 1)) && isDigit(text.charCodeAt(partStart + 2));
      if (g.has(h, len) || fcode) {
        // A phrase is matched from its first word, which the gate knows unless it is filler
        // ("my client", "use disorder"): a window starts one word back (matchWindow widens it
        // to whole hyphenated words) and, from a word that can start a phrase, looks 60 ahead
        // for the rest of it.
        const ws = previousWordStart(text, partStart, from);
        const we = phraseFirst.has(h, len) ? Math.min(to, i + 60) : i;
        if (winStart === -1) {
          winStart = ws;
          winEnd = we;
        } else if (ws <= winEnd) {
          winEnd = Math.max(winEnd, we);
        } else {
          matchWindow(text, winStart, winEnd, from, to, out);
          winStart = ws;
          winEnd = we;
        }
      }
      h = 0;
      len = 0;
    }
  }
  if (winStart !== -1) matchWindow(text, winStart, winEnd, from, to, out);
}

function previousWordStart(text: string, at: number, from: number): number {
  let p = at;
  while (p > from && !isWordChar(text.charCodeAt(p - 1))) p--;
  while (p > from && (isWordChar(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === 45)) p--;
  return p;
}

/** Runs the full matcher on a window widened to whole words. */
function matchWindow(text: string, ws: number, we: number, from: number, to: number, out: Hit[]): void {
  let s = ws;
  while (s > from && (isWordChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 45)) s--;
  let e = we;
  while (e < to && (isWordChar(text.charCodeAt(e)) || text.charCodeAt(e) === 45)) e++;
  matchRange(text, s, e, out);
}

function matchRange(text: string, from: number, to: number, out: Hit[]): void {
  const toks: (number | string)[] = [];
  words(text, from, to, toks);
  const n = toks.length / 3;
  const word = (k: number) => toks[3 * k + 2] as string;
  for (let k = 0; k < n; k++) {
    const s = toks[3 * k] as number;
    const e = toks[3 * k + 1] as number;
    const w = word(k);
    // Phrases first: "treatment plan" is strong where "treatment" alone is weak.
    const phrases = PHRASES.get(w);
    let matched = false;
    if (phrases) {
      for (const p of phrases) {
        if (k + p.words.length > n) continue;
        let ok = true;
        for (let j = 1; j < p.words.length; j++) {
          const tw = word(k + j);
          const pw = p.words[j] as string;
          if (!(tw === pw || (p.stem && j === p.words.length - 1 && tw.startsWith(pw)))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const lastEnd = toks[3 * (k + p.words.length - 1) + 1] as number;
          out.push({ type: 'clinical', start: s, end: lastEnd, confidence: 0.9, key: p.words.join(' '), strength: p.strength });
          k += p.words.length - 1;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    // Hyphenated tokens are also tried part by part ("ptsd-related").
    const strength = matchWord(w) ?? (w.includes('-') ? matchParts(w) : null);
    if (strength) {
      out.push({ type: 'clinical', start: s, end: e, confidence: strength === 'strong' ? 0.85 : 0.6, key: w, strength });
      continue;
    }
    const f = fCode(text, s, e, w);
    if (f) out.push(f);
  }
}

function matchParts(w: string): Strength | null {
  let best: Strength | null = null;
  for (const part of w.split('-')) {
    const m = matchWord(part);
    if (m === 'strong') return m;
    if (m) best = m;
  }
  return best;
}

// ICD-10 chapter V codes: F01-F99, optionally with a decimal part (F32.1, F43.10).
function fCode(text: string, s: number, e: number, w: string): Hit | null {
  if (w.length !== 3 || w.charCodeAt(0) !== 102 || !isDigit(w.charCodeAt(1)) || !isDigit(w.charCodeAt(2))) return null;
  let end = e;
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    if (isDigit(text.charCodeAt(end))) end++;
    if (isDigit(text.charCodeAt(end)) || isLetter(text.charCodeAt(end))) return null;
  }
  const withDecimal = end > e;
  // A bare "F16" is a jet or a key; without decimals, ask for a diagnosis word close by.
  if (!withDecimal && !/(?:\bdx|diag|\bicd|\bdsm)/i.test(text.slice(Math.max(0, s - 30), Math.min(text.length, e + 30)))) {
    return null;
  }
  return { type: 'clinical', start: s, end, confidence: withDecimal ? 0.9 : 0.75, key: 'icd:' + text.slice(s, end).toUpperCase(), strength: 'strong' };
}
