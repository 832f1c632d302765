// Regenerates names.generated.ts. Run: node --import tsx src/core/classifier/lexicon/build-lexicon.ts [NER_DIR]
//
// Sources (all allow redistribution; see docs/classifier.md):
// - compromise 14.17 (MIT): lexicon entries tagged FirstName/MaleName/FemaleName and LastName.
// - @faker-js/faker 10 (MIT): person.first_name / person.last_name of every locale whose script
//   has letter case (Latin, Cyrillic, Greek, Armenian), and of the locales written in the
//   Arabic and Hebrew scripts, which have none (UNCASED_LOCALES: no capital marks a name there,
//   so person.ts starts a name at a lexicon first name). Other uncased scripts are skipped:
//   Chinese, Japanese and Thai write names without spaces, and faker's Korean names put the
//   given name first, as no one writes them.
// - Common lower-case words: counted on the *train* splits of BTC and WNUT 17 (CC BY 4.0,
//   Derczynski et al.), never on the dev splits the benchmark reports on.
// Nothing here runs in the extension; it only writes a compact data file.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import nlp from 'compromise';
import { allLocales } from '@faker-js/faker';
import { uncasedScript } from '../text';

const here = path.dirname(fileURLToPath(import.meta.url));
const nerDir = process.argv[2] ?? '/work/shared/data/ner';

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
const cased = (s: string) => s.toUpperCase() !== s.toLowerCase();
const UNCASED_LOCALES = new Set(['ar', 'fa', 'ur', 'ku_ckb', 'he']);
/** Letters of one of the scripts person.ts reads without case (text.ts uncasedScript), and
 *  their combining marks, only. */
const arabicOrHebrew = (s: string) => {
  const script = uncasedScript(s.charCodeAt(0));
  return script !== 0 && [...s].every((ch) => uncasedScript(ch.charCodeAt(0)) === script || /\p{M}/u.test(ch));
};

const lex = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const first = new Set<string>();
const last = new Set<string>();
const compromiseWords = new Set<string>();
// Places and organisations: capitalised words that are not people ("Virginia", "Chelsea").
const places = new Set<string>();
const orgs = new Set<string>();
for (const [w, t] of Object.entries(lex)) {
  const tags = Array.isArray(t) ? t : [t];
  if (tags.some((x) => /^(Country|City|Region|Place|Demonym)$/.test(x))) for (const part of w.split(' ')) places.add(fold(part));
  if (tags.some((x) => /^(Organization|SportsTeam)$/.test(x))) for (const part of w.split(' ')) orgs.add(fold(part));
  if (w.includes(' ')) continue;
  if (tags.some((x) => x === 'FirstName' || x === 'MaleName' || x === 'FemaleName')) first.add(fold(w));
  else if (tags.includes('LastName')) last.add(fold(w));
  else compromiseWords.add(fold(w));
}

type NameDef = string[] | Record<string, string[]> | undefined;
const flat = (x: NameDef): string[] => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat());
// Sorbian/pseudo locales add nothing real.
const SKIP = new Set(['en_BORK', 'base']);
// Per-locale caps keep the shipped file small (it goes into every content script). Faker's
// lists are alphabetical, so the cap takes an evenly spaced sample, not the first N.
const FIRST_CAP = 700;
const LAST_CAP = 300;
// English lists are kept whole: most practices using this write in English, and a lone first
// name after "my client" or "name is" needs the lexicon more than a full name does.
const uncapped = (code: string) => code === 'en' || code.startsWith('en_');
function sample(xs: string[], cap: number): string[] {
  if (xs.length <= cap) return xs;
  const out: string[] = [];
  for (let k = 0; k < cap; k++) out.push(xs[Math.floor((k * xs.length) / cap)] as string);
  return out;
}
for (const [code, def] of Object.entries(allLocales as Record<string, { person?: { first_name?: NameDef; last_name?: NameDef } }>)) {
  if (SKIP.has(code) || !def.person) continue;
  const uncased = UNCASED_LOCALES.has(code);
  const keep = uncased ? arabicOrHebrew : cased;
  // In those scripts a name of several words ("عبد الله", "בן דוד") is not split: its parts
  // ("الله", "בן") are not names alone.
  const parts = (n: string, sep: RegExp) => (uncased ? (/[\s-]/.test(n) ? [] : [n]) : n.split(sep));
  const fn = [...new Set(flat(def.person.first_name).flatMap((n) => parts(n, /[\s-]+/)).filter((p) => p.length >= 2 && keep(p)).map(fold))].sort();
  for (const n of uncapped(code) ? fn : sample(fn, FIRST_CAP)) first.add(n);
  // Slavic feminine surnames (Nováková, Kowalska) are derivable from the masculine form.
  const ln = [...new Set(flat(def.person.last_name).flatMap((n) => parts(n, /\s+/)).filter((p) => p.length >= 2 && keep(p)).map(fold))].sort();
  const lnSet = new Set(ln);
  const masculine = ln.filter((w) => !(/(ova|eva)$/.test(w) && lnSet.has(w.slice(0, -3))) && !(/ska$/.test(w) && lnSet.has(w.slice(0, -1) + 'i')));
  for (const n of uncapped(code) ? masculine : sample(masculine, LAST_CAP)) last.add(n);
}

// Word counts from the train splits: how often a word is written lower-case vs. capitalised.
// (Which words are names there is learnt by the person model, train-person.ts.)
const lowerCount = new Map<string, number>();
const capCount = new Map<string, number>();
for (const f of ['btc.train.conll', 'wnut17.train.conll']) {
  const p = path.join(nerDir, f);
  if (!existsSync(p)) throw new Error(`missing ${p} (pass the NER directory as the first argument)`);
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    const [tok = ''] = line.split('\t');
    if (!/^\p{L}+$/u.test(tok)) continue;
    const k = fold(tok);
    if (tok === tok.toLowerCase()) lowerCount.set(k, (lowerCount.get(k) ?? 0) + 1);
    else capCount.set(k, (capCount.get(k) ?? 0) + 1);
  }
}
// Common words: seen lower-case at least 3 times in tweets, or closed-class in compromise.
const common = new Set<string>();
for (const [w, n] of lowerCount) if (n >= 3 && w.length > 1) common.add(w);
for (const [w, t] of Object.entries(lex)) {
  const tags = Array.isArray(t) ? t : [t];
  if (tags.some((x) => /^(Determiner|Preposition|Conjunction|Pronoun|Modal|Copula|QuestionWord|Adverb|Possessive|Month|WeekDay|Auxiliary)$/.test(x))) {
    if (!w.includes(' ')) common.add(fold(w));
  }
}

// Ambiguous names: also ordinary words ("will", "may", "grace", "hope"). They need a second
// cue (a surname, a title, "my client ...") before they count as a person.
const ambiguous = [...first, ...last].filter((w) => common.has(w) || (compromiseWords.has(w) && (lowerCount.get(w) ?? 0) >= 1));

// Drop names that are mostly ordinary words in tweets, e.g. "love", "happy", "new".
const tooCommon = (w: string) => (lowerCount.get(w) ?? 0) >= 20 && (lowerCount.get(w) ?? 0) > 4 * (capCount.get(w) ?? 0);
// Arabic-script names keep their marks: folding decomposes hamza forms (أ is ا + U+0654), as
// foldWord() does at run time.
const firstList = [...first].filter((w) => (/^[\p{L}']+$/u.test(w) || arabicOrHebrew(w)) && !tooCommon(w)).sort();
const lastList = [...last].filter((w) => (/^[\p{L}'-]+$/u.test(w) || arabicOrHebrew(w)) && !tooCommon(w)).sort();
const commonList = [...common].filter((w) => /^[\p{L}']+$/u.test(w)).sort();
const ambiguousList = [...new Set(ambiguous)].filter((w) => !tooCommon(w)).sort();
const placeList = [...places].filter((w) => /^[\p{L}'-]{2,}$/u.test(w)).sort();
const orgList = [...orgs].filter((w) => /^[\p{L}'-]{2,}$/u.test(w) && !first.has(w) && !last.has(w)).sort();

/** Front coding: each entry is one char (shared prefix length, base 36) + the new suffix. */
function frontCode(words: string[]): string {
  let prev = '';
  const out: string[] = [];
  for (const w of words) {
    let k = 0;
    const max = Math.min(35, prev.length, w.length);
    while (k < max && prev[k] === w[k]) k++;
    out.push(k.toString(36) + w.slice(k));
    prev = w;
  }
  return out.join(',');
}

const body = `// GENERATED by build-lexicon.ts — do not edit. Sources and licenses: see that file and
// docs/classifier.md (compromise MIT, @faker-js/faker MIT, word counts from BTC/WNUT17 train
// splits, CC BY 4.0). Front-coded: base-36 shared-prefix length + suffix, comma separated.
export const FIRST_NAMES = ${JSON.stringify(frontCode(firstList))};
export const LAST_NAMES = ${JSON.stringify(frontCode(lastList))};
export const COMMON_WORDS = ${JSON.stringify(frontCode(commonList))};
export const AMBIGUOUS_NAMES = ${JSON.stringify(frontCode(ambiguousList))};
export const PLACE_WORDS = ${JSON.stringify(frontCode(placeList))};
export const ORG_WORDS = ${JSON.stringify(frontCode(orgList))};
`;
const out = path.join(here, 'names.generated.ts');
writeFileSync(out, body);
console.log(
  `first ${firstList.length}, last ${lastList.length}, common ${commonList.length}, ambiguous ${ambiguousList.length}, places ${placeList.length}, orgs ${orgList.length}; ${Buffer.byteLength(body)} bytes -> ${out}`,
);
