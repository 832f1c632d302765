// Clinical context: diagnoses (words, abbreviations, ICD-10 F-codes), psychiatric medication,
// and therapy words. 'strong' terms make an identifier next to them a warning; 'weak' therapy
// words (session, therapist, client) only a caution.
//
// Matching is per word, with one rule that prescreen() can check cheaply: a term either equals
// the word, or is a stem of >= 6 letters the word starts with. prescreen() keeps the first six
// letters of every term, so it can never miss a word this module would match.
import type { Hit } from './hit';
import { isAsciiAlnum, isDigit, isLetter } from './text';

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
addTerms(STRONG_TERMS, 'strong');
addTerms(WEAK_TERMS, 'weak');
// Longest stems first so "psychotherap" wins over shorter overlapping stems.
STEMS.sort((a, b) => b.stem.length - a.stem.length);

/** Every word that can start or be part of a match; prescreen() builds its table from this. */
export function clinicalTriggerWords(): string[] {
  const out: string[] = [];
  for (const w of SINGLE.keys()) out.push(w);
  for (const s of STEMS) out.push(s.stem);
  for (const [first, terms] of PHRASES) {
    out.push(first);
    for (const t of terms) for (const w of t.words) out.push(w);
  }
  return out;
}

/** Lower-cases A-Z and Latin-1 capitals, nothing else: must match prescreen's folding. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || (c > 127 && isLetter(c));
}

/** Folded word tokens (letters/digits with inner hyphens) of text[from,to). */
function* words(text: string, from: number, to: number): Generator<[number, number, string]> {
  let i = from;
  while (i < to) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let w = '';
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        w += String.fromCharCode(foldCode(c));
        i++;
      } else if (c === 45 && i + 1 < to && isWordChar(text.charCodeAt(i + 1)) && w.length > 0) {
        // Keep "self-harm", "c-ptsd", "icd-10" whole.
        w += '-';
        i++;
      } else {
        break;
      }
    }
    yield [s, i, w];
  }
}

function matchWord(w: string): Strength | null {
  const single = SINGLE.get(w);
  if (single) return single;
  if (w.length >= 6) {
    for (const s of STEMS) if (w.startsWith(s.stem)) return s.strength;
  }
  return null;
}

/** Clinical and therapy terms in text[from,to). */
export function findClinical(text: string, from: number, to: number, out: Hit[]): void {
  const toks: [number, number, string][] = [];
  for (const t of words(text, from, to)) toks.push(t);
  for (let k = 0; k < toks.length; k++) {
    const [s, e, w] = toks[k] as [number, number, string];
    // Phrases first: "treatment plan" is strong where "treatment" alone is weak.
    const phrases = PHRASES.get(w);
    let matched = false;
    if (phrases) {
      for (const p of phrases) {
        if (k + p.words.length > toks.length) continue;
        let ok = true;
        for (let j = 1; j < p.words.length; j++) {
          const tw = (toks[k + j] as [number, number, string])[2];
          const pw = p.words[j] as string;
          if (!(tw === pw || (p.stem && j === p.words.length - 1 && tw.startsWith(pw)))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const last = toks[k + p.words.length - 1] as [number, number, string];
          out.push({ type: 'clinical', start: s, end: last[1], confidence: 0.9, key: p.words.join(' '), strength: p.strength });
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
  if (!withDecimal && !/(?:dx|diag|icd|code|f-code|f\d\d)/i.test(text.slice(Math.max(0, s - 30), Math.min(text.length, e + 30)).replace(w.toUpperCase(), '').replace(w, ''))) {
    return null;
  }
  return { type: 'clinical', start: s, end, confidence: withDecimal ? 0.9 : 0.75, key: 'icd:' + text.slice(s, end).toUpperCase(), strength: 'strong' };
}
