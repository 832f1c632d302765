// Person names in running text (posts, review replies, notes). The fast path is a lexicon of
// first names and surnames plus capitalisation and context: titles (Dr., Ms.), cues ("my client
// X", "thanks X"), "X and Y", and @handles. compromise is far slower (~0.3 MB/s) and merges
// comma-separated names, so it is not used at run time.
import { US_STREET_KINDS } from './address';
import type { Hit } from './hit';
import { PERSON_SPARSE, PERSON_SPARSE_SCALE, PERSON_THRESHOLD, PERSON_WEIGHTS } from './lexicon/person-model.generated';
import { MAX_SPARSE, sparseFeatures, sparseWeight } from './person-sparse';
import { LX_AMBIGUOUS, LX_COMMON, LX_FIRST, LX_LAST, LX_ORG, LX_PLACE, lexiconFlags, mayBeFirstNameHash, isCommonWord, isFirstName, isLastName } from './names';
import { foldWord, isAsciiAlnum, isDigit, isLetter, isLower, isUpper, uncasedScript } from './text';
import { foldCode } from './fold';

type Gap = 'start' | 'space' | 'comma' | 'break' | 'other';

/** Token.gh / Token.gd without a hash: outside the int32 range, so no real hash equals it. */
const NO_HASH = 0x7fffffff + 1;

/**
 * A word token. Its text (`raw`), folded form (`f`) and lexicon bits (`lx`) are made on first
 * use: most tokens are ordinary lower-case words that nothing ever asks about.
 */
export class Token {
  /** Hashes for person-sparse.ts, computed on first use: word, last three letters, shape. */
  hw: number | undefined = undefined;
  hs: number | undefined = undefined;
  hp: number | undefined = undefined;
  private r: string | undefined = undefined;
  private fo: string | undefined;
  private lxo: number | undefined = undefined;
  constructor(
    private readonly text: string,
    readonly s: number,
    readonly e: number,
    readonly cap: boolean,
    readonly allCaps: boolean,
    /** A single capital letter followed by '.', e.g. the "F." in "John F. Kennedy". */
    readonly initial: boolean,
    /** What separates this token from the previous one. */
    readonly gap: Gap,
    readonly handle: boolean,
    /** Line breaks seen before this token in the tokenized range. */
    readonly line: number,
    /** Hash of the folded word and of its part before a hyphen (gate.ts hashWord), or
     *  NO_HASH where the tokenizer could not fold it (non-ASCII letters, possessive, handle). */
    readonly gh: number,
    readonly gd: number,
    /** Folded form when the tokenizer already has it (handles), else built from `raw`. */
    folded?: string,
  ) {
    this.fo = folded;
  }

  /** Raw token text (without a trailing possessive 's). */
  get raw(): string {
    return (this.r ??= this.text.slice(this.s, this.e));
  }

  /** Folded for lexicon lookups. */
  get f(): string {
    return (this.fo ??= foldWord(this.raw));
  }

  /** The lexicon lists the folded word is in (names.ts LX_* bits), looked up once. */
  get lx(): number {
    return (this.lxo ??= lexiconFlags(this.f));
  }
}

const TITLES = new Set(
  'dr mr mrs ms miss mx prof professor rev sr sra srta dra herr frau mme mlle dott ing avv sig sen rep gov capt sgt lt col gen officer coach nurse pastor father mother brother sister aunt uncle auntie grandma grandpa'.split(
    ' ',
  ),
);
// Titles people also write in lower case ("ms. Birdie"), where the dot says title.
const DOT_TITLES = new Set('dr mr mrs ms mx prof'.split(' '));
// Words that introduce a name whatever it is: "my name is X", "Name: X", "everyone calls me X".
const NAME_WORDS = new Set('name names surname surnames nickname firstname lastname'.split(' '));
// ...unless the name is a thing's: "the file name is Report", "my dog's name is Max".
const THING_NAMES = new Set(
  'file user domain host company business brand product project app street team group pet dog cat puppy song book movie film band model variable field column table screen display site store shop practice clinic package drug trade place city town village country ship boat horse server device network wifi folder document event course game account'.split(
    ' ',
  ),
);
// A person's role or relation right before a name: "my son Jake", "her therapist Dana",
// "producer Freida Bednar". Not model features (the model was trained without them); they
// vouch for a run of name-like words that is not an ordinary word or a place.
const ROLE_BEFORE = new Set(
  'son daughter husband wife partner boyfriend girlfriend fiance fiancee kid child mom dad mum brother-in-law sister-in-law cousin nephew niece grandson granddaughter stepson stepdaughter friend colleague coworker roommate neighbor neighbour boss manager therapist counselor counsellor psychologist psychiatrist doctor physician teacher student producer director author writer singer songwriter actor actress artist commenter player'.split(
    ' ',
  ),
);
// What people write instead of a name ("Name: Anonymous", "Ms. Redacted"): never a person.
const PLACEHOLDER_NAMES = new Set('anonymous anon unknown redacted withheld removed hidden confidential private none tbd tba pending example sample test user guest someone somebody client patient'.split(' '));
// "What's your name? X": the words before a name asked about.
const ASKED_NAME = new Set('your his her their the last first full maiden middle'.split(' '));
// Cues that speak to or about a person whatever the word after them: "Dear Florence", "Happy
// birthday Austin", "my client Aleksei".
const PERSON_CUE = new Set('client clients patient patients named called thanks thank dear hi hello hey congrats congratulations welcome birthday'.split(' '));
// Words after which a capitalised word is probably a person; after "from", "with", "love" or
// "and" a place is about as likely.
const CUE_BEFORE = new Set([...PERSON_CUE, ...'meet met with by from and love miss'.split(' ')]);
// A capitalised run followed by one of these is an organisation or a place, not a person.
const ORG_AFTER = new Set(
  (
    'inc llc ltd corp corporation company co group university college school academy hospital clinic center centre ' +
    'church street st ave avenue road rd park river lake mountain mount city county state bank foundation institute ' +
    'association club team fc records studios studio media news post times airport station hotel restaurant cafe ' +
    'bar mall market press network tv radio magazine journal daily weekly show festival museum library hall ' +
    'stadium arena tower bridge square island beach valley bay county district province republic kingdom empire ' +
    'international global services solutions systems technologies labs partners holdings enterprises foods ' +
    // Street kinds that are not also common surnames (Lane, Court and Way are, so they are not here).
    'boulevard blvd drive parkway highway hwy turnpike expressway freeway crossing crescent terrace heights gardens ' +
    'glade manor manors trail tunnel plaza piazza extension ' +
    // Company forms in other languages ("Leist Gruppe", "Hijos", "Asociados").
    'gruppe gmbh ag kg ohg ug sarl sas srl spa ltda hijos asociados associates bros'
  ).split(' '),
);
// Trades and company forms that are not surnames (Baker, Mason, Glass, Law and Flowers are, so
// they are not here): a run of capitalised words that holds one names a business listed in a
// directory ("Herman Auto Repair", "Corine Stehr Photography", "The Keller Group", "Alford's
// Bakery"), not a person. No clinical words: "Maria Lopez Therapy Notes" is a person's file.
const BUSINESS_WORDS = new Set(
  (
    'inc llc llp pllc ltd corp corporation company co group holdings enterprises partners associates services solutions ' +
    'plumbing plumbers heating cooling hvac roofing landscaping construction contracting contractors remodeling builders ' +
    'electric electrical cleaning janitorial catering bakery deli pizzeria pizza grill diner tavern pub brewery winery ' +
    'realty realtors properties insurance agency consulting consultants accounting bookkeeping photography printing ' +
    'auto automotive repair repairs towing trucking logistics moving storage hardware lumber supply supplies ' +
    'jewelers jewelry tailors boutique barbershop salon florist kennels grooming daycare tutoring dental dentistry ' +
    'orthodontics chiropractic optometry pharmacy veterinary attorneys lawyers legal motors dealership marketing ' +
    'design designs studio studios media fitness farm farms'
  ).split(' '),
);
// Institutions a label or a name cell can end in ("Mercy Hospital", "Grand Hotel"). Not the
// place words of ORG_AFTER: Lake, Post, Mount and Bridges are surnames ("Ricki Lake —
// 555-0100" is a person with a number).
const INSTITUTION_WORDS = new Set(
  'hospital clinic center centre university college school academy foundation institute association club hotel restaurant cafe airport museum library stadium arena bank'.split(' '),
);
// Trades written before the owner's name, as shops in much of Europe and Latin America are
// named ("Bäckerei Müller", "Boulangerie Martin", "Taller Mecánico Pérez", "Praxis Dr. Wolf").
// Not "Bar": it is a first name too.
const TRADE_BEFORE = new Set(
  (
    'bäckerei metzgerei fleischerei zahnarztpraxis praxis arztpraxis autohaus malerbetrieb friseursalon friseur steuerberatung steuerbüro ' +
    'rechtsanwalt rechtsanwältin rechtsanwälte kanzlei elektro sanitär gasthaus gasthof blumen apotheke buchhandlung schreinerei tischlerei ' +
    'optik pension physiotherapie boulangerie boucherie cabinet garage coiffure pharmacie plomberie fleuriste boutique librairie pâtisserie épicerie ' +
    'atelier agence menuiserie panadería carnicería clínica taller peluquería farmacia restaurante fontanería floristería abogados ' +
    'ferretería cafetería hostal despacho consultorio gestoría inmobiliaria panificio macelleria ristorante pizzeria trattoria officina ' +
    'parrucchiere fioreria ferramenta bakkerij slagerij tandartspraktijk kapsalon apotheek padaria farmácia hotel hôtel restaurant café'
  )
    .split(' ')
    .map((w) => foldWord(w)),
);
// "Law Office of Anna Berg": the office is a business's name.
const BUSINESS_OF = new Set(['office', 'offices', 'firm']);

// "Law Office of " right before a label.
const OFFICE_OF_BEFORE = new RegExp(`\\b(?:${[...BUSINESS_OF].join('|')}) of\\s+$`, 'i');

/** A folded word that, after the first word of a label or a name cell, makes it a business's. */
function namesBusiness(f: string): boolean {
  return BUSINESS_WORDS.has(f) || BUSINESS_OF.has(f) || INSTITUTION_WORDS.has(f);
}
// Street kinds (the US postal list, address.ts): after a house number, a run that holds one is
// an address ("1295 Murray Path", "29774 Ryley Creek"). Many are surnames too, so only after a number.
const STREET_KINDS: ReadonlySet<string> = new Set(US_STREET_KINDS);
// Street kinds written before the name, often a person's ("Calle Ana María Guevara", "Piazza
// Vanessa", "Rue Victor Hugo"): the run after one is the street's name.
const STREET_BEFORE = new Set(
  'lugar salida poligono carrer passage chemin cours allee arrabal bajada barranco carretera colonia conjunto entrada escalinata extramuros extrarradio ferrocarril muelle parcela parque partida pasaje puente ramal rampa riera senda sector terrenos torrente vereda privada cerrada andador retorno circuito calzada rodovia marginal calle via viale piazza piazzale corso largo vicolo strada rotonda incrocio borgo contrada rue avenue boulevard allee avenida plaza paseo camino travesia ronda glorieta explanada prolongacion poblado manzana aldea cuesta callejon urbanizacion rua praca travessa alameda rambla caserio chalet barrio jardines masia subida quai voie impasse'.split(
    ' ',
  ),
);
// "North Gene", "Port Marquis", "New Jessie": a capitalised word after one of these is a town.
const TOWN_BEFORE = new Set('north south east west new port fort lake mount saint sankt bad neu alt nether upper lower san santa sao'.split(' '));
// A US state's code and a ZIP code right after a run: the run is a town ("Reneeview, OK 44890").
const US_STATE_ZIP = /^(?:,[ \u00a0]*|[ \u00a0]+|\t)[A-Z]{2}\.?(?:[ \u00a0]+|\t|,[ \u00a0]*)\d{5}(?:-\d{4})?(?!\d)/;
/** Whether a US state and ZIP code follow at `at` (in a table, in the next cells). */
function beforeStateZip(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 44 && c !== 32 && c !== 9) return false;
  return US_STATE_ZIP.test(text.slice(at, at + 18));
}
// Place and organisation words that are also common surnames.
const SURNAME_PLACE = new Set(['park', 'hall', 'church', 'bay']);
// "son of", "daughter of", "father of", "family of" inside Arabic and Hebrew names.
const UNCASED_PARTICLES = new Set(['بن', 'بنت', 'ابن', 'ابو', 'أبو', 'آل', 'בן', 'בת', 'אבו'].map((w) => foldWord(w)));
const PARTICLES = new Set('van von de der den da di del della dos das du la le bin ibn al el ben ter ten mac st'.split(' '));
const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** Word tokens of text[from,to) with their separators. @handles are tokens too. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  // 'none' = nothing seen since the last token (glued tokens count as 'other').
  let gap: Gap | 'none' = 'start';
  let line = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    // @handle (not an email: nothing word-like right before the @).
    if (c === 64 && i + 1 < to && (isAsciiAlnum(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 95)) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (!isAsciiAlnum(prev) && prev !== 46 && prev !== 95 && !isDecorator(text, i, to)) {
        let j = i + 1;
        while (j < to && j - i <= 31 && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
        const name = text.slice(i + 1, j);
        // "@2x" retina suffixes and "@media" CSS rules are not people.
        if (!/^\d+x?$/.test(name) && !CODE_AT.has(name.toLowerCase()) && text.charCodeAt(j) !== 64) {
          out.push(new Token(text, i, j, false, false, false, gap === 'none' ? 'other' : gap, true, line, NO_HASH, NO_HASH, name.toLowerCase()));
        }
        i = j;
        gap = 'none';
        continue;
      }
    }
    if (!isLetter(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59 || c === 124 || c === 9) {
        if (c === 10) line++;
        if (gap !== 'start') gap = 'break';
      } else if (c === 44) {
        if (gap !== 'break' && gap !== 'start') gap = 'comma';
      } else if (c === 32 || c === 0xa0) {
        if (gap === 'none') gap = 'space';
      } else if (gap === 'none' || gap === 'space') {
        gap = 'other';
      }
      if (isDigit(c) || c === 64) {
        // Skip the whole alphanumeric token ("3rd", "b2b").
        while (i < to && (isAsciiAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 64)) i++;
        // A number stands between the words around it ("Jane Roe, 4300 Velva Cliff"): they
        // are not one name. A break or comma seen before it still counts.
        if (gap !== 'break' && gap !== 'start' && gap !== 'comma') gap = 'other';
        continue;
      }
      i++;
      continue;
    }
    const s = i;
    // The folded word's hash as gate.ts hashWord() computes it, while the word is plain ASCII.
    let h = 0;
    let hd: number = NO_HASH;
    let ascii = true;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (isLetter(d)) {
        if (d > 127) ascii = false;
        h = (Math.imul(h, 31) + foldCode(d)) | 0;
        i++;
      } else if ((d === 39 || d === 0x2019 || d === 45 || d === 0x200c) && i + 1 < to && isLetter(text.charCodeAt(i + 1))) {
        // O'Brien, Jean-Luc; a zero-width non-joiner inside a Persian word ("نقیب‌زاده").
        if (d === 45 && hd === NO_HASH) hd = h;
        if (d > 127) ascii = false;
        h = (Math.imul(h, 31) + d) | 0;
        i++;
      } else {
        break;
      }
    }
    if (i < to && isAsciiAlnum(text.charCodeAt(i))) {
      // Letters glued to digits ("abc123", "covid19"): not a name.
      while (i < to && isAsciiAlnum(text.charCodeAt(i))) i++;
      gap = 'none';
      continue;
    }
    let e = i;
    // Possessive: "Iverson's" -> "Iverson".
    if (e - s > 3 && (text.charCodeAt(e - 1) | 32) === 115 && (text.charCodeAt(e - 2) === 39 || text.charCodeAt(e - 2) === 0x2019)) {
      e -= 2;
      ascii = false;
    }
    const cap = isUpper(c);
    const initial = e - s === 1 && cap && text.charCodeAt(i) === 46;
    // "Dr." / "Ms." : the dot belongs to the title, it does not end a sentence.
    const titleDot = !initial && text.charCodeAt(i) === 46 && e - s <= 5 && (cap ? TITLES.has(text.slice(s, e).toLowerCase()) : DOT_TITLES.has(text.slice(s, e)));
    const allCaps = cap && e - s > 1 && !hasLower(text, s + 1, e);
    out.push(new Token(text, s, e, cap, allCaps, initial, gap === 'none' ? 'other' : gap, false, line, ascii ? h : NO_HASH, ascii ? hd : NO_HASH));
    if (initial || titleDot) i++; // the initial's (or title's) dot is not a sentence end
    gap = 'none';
  }
  return out;
}

function hasLower(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLower(text.charCodeAt(k))) return true;
  return false;
}

/** "@app.route(" or "@Input()" at the start of a line: a decorator in code, not a handle. */
function isDecorator(text: string, at: number, to: number): boolean {
  let b = at - 1;
  while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
  if (b >= 0 && text.charCodeAt(b) !== 10 && text.charCodeAt(b) !== 13) return false;
  let j = at + 1;
  while (j < to && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
  const c = text.charCodeAt(j);
  if (c === 46 || c === 40) return true;
  // "@dataclass" / "@Override" alone on a line, followed by a definition.
  const next = text.slice(j, Math.min(to, j + 80));
  return /^\r?\n\s*(?:def|class|async|public|private|protected|export|function|static|override|@)\b/.test(next);
}

const CODE_AT = new Set('media import charset font-face keyframes supports page param return returns type property override param deprecated example see link since throws todo interface component injectable input output test'.split(' '));

function afterNumber(text: string, s: number, from: number): boolean {
  let b = s - 1;
  if (b >= from && text.charCodeAt(b) === 32) b--;
  // Skip a compass letter ("N", "SW") between the number and the street name.
  if (b >= from + 1 && /[NSEW]/.test(text[b] as string) && text.charCodeAt(b - 1) === 32) b -= 2;
  return b >= from && isDigit(text.charCodeAt(b)) && (b < 1 || text.charCodeAt(b - 1) !== 58);
}

/** How many name particles start at toks[j] ("van der" in "van der Berg": 2), when a
 *  capitalised name word follows them on the same line; else 0. */
function particlesAt(toks: Token[], j: number): number {
  let m = j;
  while (m < toks.length && m - j < 2) {
    const u = toks[m] as Token;
    if (u.cap || !PARTICLES.has(u.f) || (m > j && u.gap !== 'space')) break;
    m++;
  }
  const next = toks[m];
  return m > j && next !== undefined && next.gap === 'space' && canContinue(next) ? m - j : 0;
}

/**
 * A lone word in an uncased script between words of cased scripts on its line ("my client
 * יוסף asked"): in an English post that is a name. Inside Arabic or Hebrew prose it is not
 * enough, since many first names there are also ordinary words.
 */
function embeddedIn(text: string, toks: Token[], k: number, script: number): boolean {
  const side = (u: Token | undefined, line: number): number => {
    // 0: says nothing (absent, another line, a handle); 1: a cased word; -1: the same script.
    if (!u || u.line !== line || u.handle) return 0;
    const c = text.charCodeAt(u.s);
    return uncasedScript(c) === script ? -1 : isUpper(c) || isLower(c) ? 1 : 0;
  };
  const line = (toks[k] as Token).line;
  const before = side(toks[k - 1], line);
  const after = side(toks[k + 1], line);
  return before >= 0 && after >= 0 && before + after > 0;
}

function isCapName(t: Token): boolean {
  return t.cap && !t.handle;
}

/** A capitalised token that can be a surname or a later part of a name. */
function canContinue(t: Token): boolean {
  if (!isCapName(t)) return false;
  if (t.initial) return true;
  if (ORG_AFTER.has(t.f) || MONTHS_DAYS.has(t.f) || TITLES.has(t.f)) return false;
  if (t.allCaps && !knownNameFormToken(t)) return false;
  if (is(t, LX_LAST) || is(t, LX_FIRST)) return !is(t, LX_COMMON) || is(t, LX_LAST);
  return !is(t, LX_COMMON) && t.e - t.s > 1;
}

/** Any capitalised word that can sit inside a name, lexicon or not ("Rock", "Stone"). */
function mayContinueLoosely(t: Token): boolean {
  if (!isCapName(t) || t.e - t.s < 2) return false;
  if (ORG_AFTER.has(t.f) || MONTHS_DAYS.has(t.f) || TITLES.has(t.f)) return false;
  return true;
}

function isKnownNameForm(f: string): boolean {
  if (isFirstName(f) || isLastName(f)) return true;
  const dash = f.indexOf('-');
  return dash > 0 && (isFirstName(f.slice(0, dash)) || isLastName(f.slice(0, dash)));
}

/** False when the token is certainly not a first name (nor its part before a hyphen), by its hash alone. */
function mayBeFirstName(t: Token): boolean {
  if (t.gh === NO_HASH) return true;
  return mayBeFirstNameHash(t.gh) || (t.gd !== NO_HASH && mayBeFirstNameHash(t.gd));
}

/** Whether the token's word is in the lexicon list `bit` (LX_*). */
function is(t: Token, bit: number): boolean {
  return (t.lx & bit) !== 0;
}

function firstNameOfToken(t: Token): boolean {
  return is(t, LX_FIRST) || (t.f.indexOf('-') > 0 && firstNameOf(t.f));
}

function knownNameFormToken(t: Token): boolean {
  return is(t, LX_FIRST | LX_LAST) || (t.f.indexOf('-') > 0 && isKnownNameForm(t.f));
}

function firstNameOf(f: string): boolean {
  if (isFirstName(f)) return true;
  const dash = f.indexOf('-');
  return dash > 0 && isFirstName(f.slice(0, dash)); // Jean-Luc, Mary-Jane
}

const VERB_AFTER = new Set('said says is was has had will would told tells wins won scores scored joins joined signs signed gets got says posted shared just'.split(' '));
const PLACE_PREP = new Set('in at from to near across around into visit visiting via through'.split(' '));
const BY_WITH = new Set('by with feat ft featuring via starring'.split(' '));
const HANDLE_ORG = /(?:news|tv|fm|radio|official|app|hq|club|team|shop|store|music|records|media|daily|online|magazine|mag|inc|ltd|group|world|sport|sports|football|fc|uk|usa|global|network|channel|city|live|game|games|tech|bot|info|weather|traffic|jobs|deals|blog|press|the)/i;

export const PERSON_FEATURES = [
  'bias', 'rule', 'first_name', 'ambiguous', 'common', 'later_surname', 'all_known', 'one_token', 'two_tokens', 'three_plus',
  'sentence_start', 'titled', 'cued', 'all_caps', 'lowercase', 'initial', 'possessive_after', 'verb_after', 'place_prep_before',
  'first_place', 'any_place', 'any_org', 'line_caps_ratio', 'handle', 'handle_first_name', 'handle_digit', 'handle_org', 'handle_after_rt',
  'handle_colon', 'first_is_surname', 'short_first', 'hashtag', 'by_with_before', 'last_is_surname', 'surname_shaped_second',
  'next_capitalised', 'after_number', 'month_day', 'handle_line_start', 'loose_run', 'shortened_run',
] as const;

export interface Candidate {
  a: number;
  b: number;
  s: number;
  e: number;
  /** Dense features; one buffer reused for every candidate, so copy it to keep it. */
  f: Float64Array;
  handle: boolean;
  full: boolean;
  /** A rule that holds in clinicians' text whatever tweets say: a title, a cue, first + surname. */
  sure: boolean;
}

const FEATURES = new Float64Array(PERSON_FEATURES.length);

/** "'s" or " 's" right after a name (BTC and WNUT split the possessive off). */
function possessiveAt(text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 32) i++;
  const q = text.charCodeAt(i);
  if (q !== 39 && q !== 0x2019) return false;
  if ((text.charCodeAt(i + 1) | 32) !== 115) return false;
  const after = text.charCodeAt(i + 2);
  return !(isAsciiAlnum(after) || after === 95); // as /\b/ without the u flag
}

/** Share of capitalised words on each line: in Title Case Headlines capitals say less. */
function lineCapsRatio(toks: Token[]): Float32Array {
  const ratio = new Float32Array(toks.length);
  let start = 0;
  while (start < toks.length) {
    const line = (toks[start] as Token).line;
    let end = start + 1;
    while (end < toks.length && (toks[end] as Token).line === line) end++;
    let words = 0;
    let caps = 0;
    for (let k = start; k < end; k++) {
      const t = toks[k] as Token;
      if (t.handle) continue;
      words++;
      if (t.cap) caps++;
    }
    const r = words > 0 ? caps / words : 0;
    for (let k = start; k < end; k++) ratio[k] = r;
    start = end;
  }
  return ratio;
}

function handleNameHit(name: string): boolean {
  // "@janedoe", "@JaneDoe99", "@jane_doe": starts with a first name of three letters or more.
  const lower = name.toLowerCase().replace(/[^a-z]/g, '');
  for (let len = Math.min(10, lower.length); len >= 3; len--) if (isFirstName(lower.slice(0, len)) && !isCommonWord(lower.slice(0, len))) return true;
  const camel = name.match(/[A-Z][a-z]+/g);
  return camel !== null && camel.some((w) => isFirstName(w.toLowerCase()) || isLastName(w.toLowerCase()));
}

/**
 * Candidate spans with their features, in text order: each capitalised run (and each run that
 * starts one word later), lower-case first names, and @handles. findPersons() scores them with
 * the model trained on the BTC and WNUT 17 train splits (person-model.generated.ts).
 */
export function personCandidates(text: string, from: number, to: number, toks: Token[], visit: (c: Candidate) => boolean): void {
  const n = toks.length;
  const caps = lineCapsRatio(toks);
  let k = 0;
  while (k < n) {
    const t = toks[k] as Token;
    const prev = k > 0 ? (toks[k - 1] as Token) : null;
    if (t.handle) {
      const name = t.raw.slice(1);
      const lineStartHandle = t.gap === 'start' || t.gap === 'break';
      const f = FEATURES.fill(0);
      f[0] = 1;
      f[1] = 0.5;
      f[22] = caps[k] as number;
      f[23] = 1;
      f[24] = handleNameHit(name) ? 1 : 0;
      f[25] = /\d/.test(name) ? 1 : 0;
      f[26] = HANDLE_ORG.test(name) ? 1 : 0;
      f[27] = prev !== null && prev.f === 'rt' ? 1 : 0;
      f[28] = text.charCodeAt(t.e) === 58 || text.slice(t.e, t.e + 2) === ' :' ? 1 : 0;
      f[38] = lineStartHandle ? 1 : 0;
      visit({ a: k, b: k + 1, s: t.s, e: t.e, f, handle: true, full: false, sure: false });
      k++;
      continue;
    }
    // "Dr. van de Pol", "Ms. de Boer": after a title a surname may start with its particles.
    const particleStart = !t.cap && prev !== null && prev.cap && t.gap !== 'break' && PARTICLES.has(t.f) && TITLES.has(prev.f) && particlesAt(toks, k) > 0;
    // In the Arabic and Hebrew scripts no capital marks a name: a lexicon first name (of two
    // letters or more there) starts one, and the next word in the same script is its surname.
    const script = t.cap ? 0 : uncasedScript(text.charCodeAt(t.s));
    const lowerName = !particleStart && !t.cap && t.e - t.s >= (script !== 0 ? 2 : 3) && mayBeFirstName(t) && firstNameOfToken(t) && !is(t, LX_AMBIGUOUS) && !is(t, LX_COMMON);
    const uncased = lowerName ? script : 0;
    // "Dr. כהן": after a title, any word in those scripts is a surname.
    const titledUncased = script !== 0 && prev !== null && prev.cap && t.gap !== 'break' && TITLES.has(prev.f);
    if ((!isCapName(t) && !lowerName && !particleStart && !titledUncased) || TITLES.has(t.f)) {
      k++;
      continue;
    }
    const titled = prev !== null && TITLES.has(prev.f) && (prev.cap || lowerTitle(text, prev, t, from)) && t.gap !== 'break';
    // After a role, a word the lexicon does not know needs a surname-like word after it
    // ("producer Freida Bednar"): "our partner Aetna", "my friend Google" are not people.
    const roleCued =
      prev !== null && !prev.cap && t.gap === 'space' && ROLE_BEFORE.has(prev.f) && (firstNameOfToken(t) || is(t, LX_LAST) || roleSurnameAfter(toks, k));
    const introduced = t.cap && !t.allCaps && (roleCued || introducedAt(text, toks, k)) && !MONTHS_DAYS.has(t.f) && (!is(t, LX_COMMON) || firstNameOfToken(t)) && !(roleCued && is(t, LX_PLACE) && !firstNameOfToken(t));
    // "my client X", "Thanks X", "Dear X" (the cue may start the sentence, so may be capitalised).
    // A vocative: ", Dana!" ends a reply or a thanks addressed to one person ("Thank you so
    // much, Dana! It was a privilege..."); a known first name alone between a comma and a
    // sentence end is someone being spoken to.
    const vocative =
      t.gap === 'comma' && t.cap && !t.allCaps && firstNameOfToken(t) && !is(t, LX_AMBIGUOUS) && !is(t, LX_PLACE) && /^[!?]/.test(text.slice(t.e, t.e + 1));
    const cued = vocative || (prev !== null && t.gap !== 'break' && t.gap !== 'comma' && CUE_BEFORE.has(prev.f) && (!prev.cap || prev.gap === 'start' || prev.gap === 'break'));
    const personCue = vocative || (cued && PERSON_CUE.has((prev as Token).f));
    // "Aetna, Cigna and Medicaid": "and" vouches for a name only next to one (acrossJoiner).
    const andCue = cued && !vocative && (prev as Token).f === 'and';
    const sentenceStart = t.gap === 'start' || t.gap === 'break';
    // Extend over following tokens of the same case on the same line, through particles (van, de,
    // bin): `j` ends the run of words that look like name parts, `loose` the run of any
    // capitalised words ("Chris Rock", "Andrew Stone": surnames that are also words). Spans from
    // k to every end up to `loose` are candidates, longest first; the model picks.
    let j = k + 1;
    while (j < n && j - k < 4) {
      const u = toks[j] as Token;
      if (u.gap !== 'space' || possessiveEnd(text, toks[j - 1] as Token)) break;
      if (uncased !== 0 && j === k + 1 && uncasedScript(text.charCodeAt(u.s)) === uncased) {
        // The surname, through "بن" / "בן" (son of) and the like: "ريم بن عاشور".
        const after = toks[j + 1];
        j += UNCASED_PARTICLES.has(u.f) && after !== undefined && after.gap === 'space' && uncasedScript(text.charCodeAt(after.s)) === uncased ? 2 : 1;
        continue;
      }
      if (lowerName ? !u.cap && !u.handle && is(u, LX_LAST) && !is(u, LX_COMMON) : canContinue(u)) {
        j++;
        continue;
      }
      const p = lowerName || u.cap ? 0 : particlesAt(toks, j);
      if (p > 0) {
        j += p + 1;
        continue;
      }
      break;
    }
    // Lower-case runs stay strict: "vito laboriosam" is two words, not a name. After a first
    // name, a place word that is also a common surname is a surname ("Rosa Park", "Ji-woo
    // Park", "Stuart Hall"), where "Central Park" stays a place.
    const fn = firstNameOfToken(t) && !(t.allCaps && t.e - t.s <= 3);
    let loose = j;
    while (!lowerName && loose < n && loose - k < 4) {
      const u = toks[loose] as Token;
      if (u.gap !== 'space' || u.handle || u.initial || possessiveEnd(text, toks[loose - 1] as Token)) break;
      if (!mayContinueLoosely(u) && !(fn && loose === k + 1 && isCapName(u) && SURNAME_PLACE.has(u.f))) break;
      loose++;
    }
    // A trailing organisation or place word makes the whole run a name of a thing.
    const after = loose < n ? (toks[loose] as Token) : null;
    if ((after && after.gap === 'space' && after.cap && ORG_AFTER.has(after.f)) || companyFormIn(text, toks, k, loose)) {
      k = loose + 1;
      continue;
    }
    // "my client Dana Wright's Studio" is still the client's name.
    const business = titled || introduced || personCue ? -1 : businessWordAt(text, toks, k, loose);
    if (business >= 0) {
      // "Law Office of X Y": all of it. A trade word in the run: the next start is asked again
      // ("Thanks Maria Lopez Photography" has a cue there).
      k = business === k ? Math.max(k + 1, loose) : k + 1;
      continue;
    }
    // A town ("North Gene"): the word is the town's. An address ("1295 Murray Path"): nothing of
    // the run is a person.
    if (prev !== null && prev.cap && t.gap === 'space' && TOWN_BEFORE.has(prev.f)) {
      k++;
      continue;
    }
    // "…, West Arjun, SC 75799": a run before a US state and ZIP code is the town.
    if (beforeStateZip(text, (toks[loose - 1] as Token).e)) {
      k = loose;
      continue;
    }
    // "Ms. A, 34, presented with PTSD": a title and one letter is how a case is de-identified;
    // "Name: Anonymous" is no name at all.
    if (((titled || introduced) && PLACEHOLDER_NAMES.has(t.f)) || (titled && t.e - t.s === 1 && !t.initial && !(toks[k + 1]?.gap === 'space' && isCapName(toks[k + 1] as Token)))) {
      k++;
      continue;
    }
    if (!titled && !introduced && isCapName(t) && inFirmName(text, toks, k)) {
      k++;
      continue;
    }
    // "Malerbetrieb Kolb", "Zahnarztpraxis Dr. Marta Leyva": the run after a trade is the shop's name.
    if (t.cap && TRADE_BEFORE.has(t.f)) {
      k++;
      continue;
    }
    if (tradeBefore(toks, k)) {
      k = Math.max(k + 1, loose);
      continue;
    }
    if (STREET_BEFORE.has(t.f) || germanStreet(text, toks, k)) {
      k++; // the street kind itself ("Piazza", "Calle") starts no name, nor "Bonner Str." / "X-Str."
      continue;
    }
    if ((prev !== null && prev.cap && t.gap === 'space' && STREET_BEFORE.has(prev.f)) || (afterNumber(text, t.s, from) && streetRun(toks, k, loose))) {
      k = after && after.gap === 'space' && after.cap ? loose + 1 : loose;
      continue;
    }
    const amb = is(t, LX_AMBIGUOUS) || MONTHS_DAYS.has(t.f);
    const common = is(t, LX_COMMON);
    let accepted = false;
    let lastB = -1;
    for (let end = loose; end > k && !accepted; end--) {
      // Drop a trailing initial without a surname after it ("John F." at a sentence end).
      let b = end;
      while (b - 1 > k && (toks[b - 1] as Token).initial) b--;
      if (b === lastB) continue;
      lastB = b;
      const count = b - k;
      // One ordinary word starting a sentence ("Join", "Bring") is almost never a name: in the
      // train splits 15 of 9,158 were, so it is not even scored.
      if (count === 1 && sentenceStart && common && !fn && !titled && !cued && !is(t, LX_LAST)) continue;
      let laterSurname = false;
      let allKnown = true;
      let anyPlace = false;
      // A place word after the first ("Austin Texas"); a first name that is also a place
      // ("Sydney", "Florence") does not count by itself.
      let laterPlace = false;
      let anyOrg = false;
      let initial = false;
      for (let m = k; m < b; m++) {
        const u = toks[m] as Token;
        if (m > k && is(u, LX_LAST) && !u.initial) laterSurname = true;
        if (!u.initial && !knownNameFormToken(u)) allKnown = false;
        if (is(u, LX_PLACE)) {
          anyPlace = true;
          if (m > k || !fn) laterPlace = true;
        }
        if (is(u, LX_ORG)) anyOrg = true;
        if (u.initial) initial = true;
      }
      const last = toks[b - 1] as Token;
      const next = b < n ? (toks[b] as Token) : null;
      const strict = b <= j;
      let rule = 0;
      if (t.allCaps && !knownNameFormToken(t)) rule = 0;
      else if (titled || introduced) rule = 0.9;
      else if (fn && count >= 2) rule = amb && !laterSurname ? 0.6 : 0.85;
      else if (fn && count === 1) rule = amb || (common && sentenceStart) ? (cued ? 0.55 : 0) : cued ? 0.7 : 0.6;
      else if (count >= 2 && laterSurname && !common) rule = 0.7;
      else if (cued && !common && !MONTHS_DAYS.has(t.f)) rule = 0.55;
      else if (!fn && is(t, LX_LAST) && count >= 2 && !common) rule = 0.6;
      const f = FEATURES.fill(0);
      f[0] = 1;
      f[1] = rule;
      f[2] = fn ? 1 : 0;
      f[3] = amb ? 1 : 0;
      f[4] = common ? 1 : 0;
      f[5] = laterSurname ? 1 : 0;
      f[6] = allKnown ? 1 : 0;
      f[7] = count === 1 ? 1 : 0;
      f[8] = count === 2 ? 1 : 0;
      f[9] = count >= 3 ? 1 : 0;
      f[10] = sentenceStart ? 1 : 0;
      f[11] = titled ? 1 : 0;
      f[12] = cued ? 1 : 0;
      f[13] = t.allCaps ? 1 : 0;
      f[14] = lowerName ? 1 : 0;
      f[15] = initial ? 1 : 0;
      f[16] = possessiveAt(text, last.e) ? 1 : 0;
      f[17] = next && next.gap === 'space' && VERB_AFTER.has(next.f) ? 1 : 0;
      f[18] = prev && PLACE_PREP.has(prev.f) && t.gap !== 'break' ? 1 : 0;
      f[19] = is(t, LX_PLACE) ? 1 : 0;
      f[20] = anyPlace ? 1 : 0;
      f[21] = anyOrg ? 1 : 0;
      f[22] = caps[k] as number;
      f[29] = !fn && is(t, LX_LAST) ? 1 : 0;
      f[30] = t.e - t.s <= 2 ? 1 : 0;
      f[31] = t.s > 0 && text.charCodeAt(t.s - 1) === 35 ? 1 : 0;
      f[32] = prev && BY_WITH.has(prev.f) ? 1 : 0;
      f[33] = is(last, LX_LAST) ? 1 : 0;
      f[34] = count >= 2 && !is(toks[k + 1] as Token, LX_COMMON) ? 1 : 0;
      f[35] = next && next.cap && next.gap !== 'break' ? 1 : 0;
      f[36] = afterNumber(text, t.s, from) ? 1 : 0;
      f[37] = MONTHS_DAYS.has(t.f) ? 1 : 0;
      f[39] = strict ? 0 : 1;
      f[40] = b < loose ? 1 : 0;
      // The rules that hold in clinicians' text only vouch for a run of name-like words.
      const sure =
        (strict &&
          !t.allCaps &&
          !lowerName &&
          (titled ||
            introduced ||
            (cued && !andCue && !common && (!is(t, LX_PLACE) || (fn && personCue))) ||
            (fn && count >= 2 && (!amb || (laterSurname && allKnown)) && !laterPlace))) ||
        (uncased !== 0 && strict && (count >= 2 || personCue || embeddedIn(text, toks, k, uncased)));
      accepted = visit({ a: k, b, s: t.s, e: last.e, f, handle: false, full: count >= 2 || titled, sure });
      if (accepted) k = end;
    }
    if (!accepted) k++;
  }
  void to;
}

/**
 * Where the run toks[k, loose) shows it is a business's name, or -1: a trade or company word in
 * it after its first word, or right after it or after its possessive ("Alford's Bakery"), or
 * "Office of" before it (then k).
 */
function businessWordAt(text: string, toks: Token[], k: number, loose: number): number {
  // Through the firm's joiners too: "Frami & Bosco LLP", "Kerluke and Becker Plumbing".
  for (let m = k + 1; m < toks.length && m <= loose + 4; m++) {
    const u = toks[m] as Token;
    const prev = toks[m - 1] as Token;
    if (u.gap === 'break' || u.gap === 'start' || u.handle) break;
    const joiner = m < loose ? '' : text.slice(prev.e, u.s);
    if (m < loose ? u.gap !== 'space' : !FIRM_JOINER.test(joiner)) break;
    // "Maria, Group sessions start at 6": a comma, then the word, is a new sentence's start.
    if (joiner === ', ' && BUSINESS_WORDS.has(u.f)) break;
    if (u.cap && !u.allCaps && BUSINESS_WORDS.has(u.f)) return m;
    if (u.cap && u.allCaps && (u.f === 'llc' || u.f === 'llp' || u.f === 'pllc' || u.f === 'hvac')) return m;
    if (!u.cap && u.f !== 'and' && u.f !== 's') break;
  }
  const of = toks[k - 1];
  const office = toks[k - 2];
  return of !== undefined && office !== undefined && of.f === 'of' && !of.cap && of.gap === 'space' && office.cap && BUSINESS_OF.has(office.f) ? k : -1;
}

// What may stand between the words of a firm's name: a space, " & ", " - ", ", ", "'s ".
const FIRM_JOINER = /^(?: | & | - |, |['’]s? )$/;

/**
 * Whether capitalised words text[start, end) (a label before a phone or email) name a business
 * or a place rather than a person: a trade, company or place word after the first word
 * ("Olson Plumbing", "Bosco LLP", "Grand Hotel"), or "Office of" before them.
 */
export function labelNamesBusiness(text: string, start: number, end: number, lineFrom = -1): boolean {
  const words = text.slice(start, end).split(/[\s,]+/);
  if (words.length > 1 && TRADE_BEFORE.has(foldWord(words[0] as string))) return true;
  // The trade may be further back than the label's four words ("Fontanería Juan Ramón
  // Hernández Ornelas —", "Clínica Dental Dr. Marta Leyva —").
  const back = /((?:[\p{L}.]+ ){1,3})$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (back && (back[1] as string).split(' ').some((w) => w !== '' && TRADE_BEFORE.has(foldWord(w.replace(/\.$/, ''))))) return true;
  for (let m = 1; m < words.length; m++) {
    const f = foldWord((words[m] as string).replace(/^'s$/i, ''));
    if (namesBusiness(f)) return true;
  }
  if (OFFICE_OF_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  // A firm's name of surnames ("Jacobson - O'Keefe", "Hintz, Walsh and Emmerich", "Kerluke &
  // Becker"): the words before the label on its line, joined as firms join them.
  let ls = start;
  if (lineFrom >= 0) ls = lineFrom;
  else while (ls > 0 && start - ls < 80 && text.charCodeAt(ls - 1) !== 10) ls--;
  return FIRM_LABEL.test(text.slice(ls, end));
}

/**
 * Whether a cell of a name column holds a business's or a practitioner's name ("Hintz, Walsh
 * and Emmerich", "Olson Plumbing", "Denny's Diner", "Dr. Nona Trantow, DDS"): directories and
 * place exports call that column "name" too.
 */
export function businessCellName(text: string, s: number, e: number, strict = false): boolean {
  // Outside a name column only a cell of capitalised words counts: a notes cell ("went to the
  // Bakery") says nothing about whose row it is.
  if (strict && (e - s > 60 || !CAPITALISED_CELL.test(text.slice(s, e)))) return false;
  // Fast path, for the 10,000 names of a list: without a joiner, an apostrophe or a comma only
  // the last word can make it a business ("Olson Plumbing", "The Keller Group").
  let joined = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 44 || c === 39 || c === 0x2019 || (c === 32 && (text.charCodeAt(i + 1) === 45 || text.startsWith('and ', i + 1) || text.startsWith('of ', i + 1)))) {
      joined = true;
      break;
    }
  }
  if (!joined) {
    const sp = text.lastIndexOf(' ', e - 1);
    if (sp < s) return false;
    const w = text.slice(sp + 1, e).toLowerCase();
    return namesBusiness(w);
  }
  if (labelNamesBusiness(text, s, e, s)) return true;
  // A possessive and a capitalised word: a shop's name ("Mama's Kitchen").
  if (/^\p{Lu}[\p{L}-]*['’]s \p{Lu}/u.test(text.slice(s, Math.min(e, s + 40)))) return true;
  const comma = text.lastIndexOf(',', e - 1);
  return comma > s && credentialAfter(text, comma);
}

// Words that each start with a capital, through the joiners of a firm's name.
const CAPITALISED_CELL = /^\p{Lu}[\p{L}'’.-]*(?:(?: | & | - |, | and | of |['’]s )\p{Lu}[\p{L}'’.-]*)*$/u;
// Surnames joined by a spaced dash, "&", or a comma series ending in "and": how a firm is named.
const FIRM_LABEL = /^[ \t]*\p{Lu}[\p{L}'’-]+(?: - \p{Lu}[\p{L}'’-]+| & \p{Lu}[\p{L}'’-]+|(?:, \p{Lu}[\p{L}'’-]+)+,? and \p{Lu}[\p{L}'’-]+| and Sons)$/u;

// Degrees and licences written after a professional's name in a directory ("Marcel Muller,
// CPA", "Dr. Jane Roe, PsyD, LMFT"): the listing is a practice's, not a client's.
const CREDENTIAL_AFTER = /^,?[ \u00a0]{1,2}(?:M\.?D|D\.?O|D\.?D\.?S|D\.?M\.?D|Ph\.?D|Psy\.?D|Ed\.?D|LCSW|LICSW|LMSW|LPCC?|LMHC|LMFT|LCPC|MFT|APRN|PA-C|CPA|CFP|Esq|J\.?D|DVM|DPT|CRNA)\b/;

/** Whether a professional's degree or licence follows a name ending at `at` (in a table, in
 *  the next cell: "Nona Trantow, DDS"). */
export function credentialAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 44 && c !== 32) return false;
  // Every degree starts with a capital; most cells after a name are an email or a number.
  let i = at + 1;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0) i++;
  const d = text.charCodeAt(i);
  return d >= 65 && d <= 90 && CREDENTIAL_AFTER.test(text.slice(at, at + 12));
}

/**
 * Whether a trade stands before toks[k] on its line, through up to two capitalised words or
 * titles between ("Malerbetrieb Kolb", "Metzgerei Dr. Schönherr", "Clínica Dental Dr. Marta").
 */
function tradeBefore(toks: Token[], k: number): boolean {
  // Words of one name: single spaces between them ("Marigold Hotel - Judi Dench" is two things).
  for (let m = k - 1; m >= 0 && m >= k - 3; m--) {
    const u = toks[m] as Token;
    const gap = (toks[m + 1] as Token).gap;
    // After a title its dot stands between ("Dr. Marta").
    if (!u.cap || (gap !== 'space' && !(TITLES.has(u.f) && gap === 'other'))) return false;
    if (TRADE_BEFORE.has(u.f)) return true;
  }
  return false;
}

/** Whether the token is "and" (or "und", "y", "e", "et", "en"), read from the text. */
function isAndWord(text: string, u: Token): boolean {
  const n = u.e - u.s;
  const c = text.charCodeAt(u.s);
  if (n === 1) return c === 121 || c === 101; // y, e (Spanish, Italian, Portuguese)
  if (n === 2) return (c === 101 && text.charCodeAt(u.s + 1) === 116) || (c === 101 && text.charCodeAt(u.s + 1) === 110); // et, en
  if (n !== 3) return false;
  const c1 = text.charCodeAt(u.s + 1);
  const c2 = text.charCodeAt(u.s + 2);
  return (c === 97 && c1 === 110 && c2 === 100) || (c === 117 && c1 === 110 && c2 === 100); // and, und
}

/** A lone capitalised word that is not a first name: a surname as firms use them. */
function firmWord(u: Token | undefined): u is Token {
  return u !== undefined && isCapName(u) && !u.allCaps && !u.initial && (!firstNameOfToken(u) || is(u, LX_LAST));
}

/** A surname and nothing else: no first name, no ordinary word. */
function pureSurname(u: Token | undefined): u is Token {
  return firmWord(u) && !firstNameOfToken(u) && !is(u, LX_COMMON);
}

/**
 * Whether toks[k] is part of a firm's name built from surnames: "Hintz, Walsh and Emmerich",
 * "Jaskolski - Trantow", "Hodkiewicz and Sons". People are listed with first names; two
 * people's surnames are not joined by a spaced dash.
 */
function inFirmName(text: string, toks: Token[], k: number): boolean {
  const t = toks[k] as Token;
  // Only a comma, a dash or "&" (gap 'other') or "and" next to the word can join it to others.
  if (!joinsNext(text, toks, k) && !(t.gap === 'comma' || t.gap === 'other' || isAndAt(text, toks, k - 1))) return false;
  if (!firmWord(t)) return false;
  // "Hodkiewicz and Sons", "Hodkiewicz & Sons".
  if ((isAndAt(text, toks, k + 1) && toks[k + 2]?.f === 'sons') || (/^ & $/.test(sepAfter(text, toks, k)) && toks[k + 1]?.f === 'sons')) return true;
  // "Jaskolski - Trantow", but not "Mavado - The Messiah" or "Marigold Hotel - Judi Dench"
  // (an artist and a title): two surnames alone on either side of a spaced dash.
  if (dashAfter(text, toks, k)) return aloneSurname(text, toks, k) && aloneSurname(text, toks, k + 1);
  if (k > 0 && dashAfter(text, toks, k - 1)) return aloneSurname(text, toks, k - 1) && aloneSurname(text, toks, k);
  // A series "A, B and C" of three or more such words, at least one of them a surname only:
  // "Maria, Jose and Carlos" are people.
  let members = 1;
  let surname = pureSurname(t);
  for (let m = memberBefore(text, toks, k); m >= 0 && members < 6; m = memberBefore(text, toks, m)) {
    members++;
    surname ||= pureSurname(toks[m]);
  }
  for (let m = memberAfter(text, toks, k); m >= 0 && members < 6; m = memberAfter(text, toks, m)) {
    members++;
    surname ||= pureSurname(toks[m]);
  }
  return members >= 3 && surname;
}

/** What separates toks[a] from toks[a + 1] ('' at either end). */
function sepAfter(text: string, toks: Token[], a: number): string {
  return a >= 0 && a + 1 < toks.length ? text.slice((toks[a] as Token).e, (toks[a + 1] as Token).s) : '';
}

function isAndAt(text: string, toks: Token[], m: number): boolean {
  const u = toks[m];
  return u !== undefined && isAndWord(text, u);
}

/** Whether anything that can join firm words (comma, dash, "&", "and") follows toks[m]. */
function joinsNext(text: string, toks: Token[], m: number): boolean {
  const next = toks[m + 1];
  return next !== undefined && (next.gap === 'comma' || next.gap === 'other' || isAndWord(text, next));
}

function dashAfter(text: string, toks: Token[], m: number): boolean {
  const s = sepAfter(text, toks, m);
  return s === ' - ' || s === ' \u2013 ';
}

/** A surname with no capitalised word glued on by a plain space on either side. */
function aloneSurname(text: string, toks: Token[], m: number): boolean {
  if (!pureSurname(toks[m])) return false;
  const before = toks[m - 1];
  if (before?.cap && sepAfter(text, toks, m - 1) === ' ') return false;
  return !(toks[m + 1]?.cap && sepAfter(text, toks, m) === ' ');
}

/** The series member after toks[m] ("A, B", "A and B", "A, and B", "A & B"), or -1. */
function memberAfter(text: string, toks: Token[], m: number): number {
  const s1 = sepAfter(text, toks, m);
  if ((s1 === ', ' || /^,? & $/.test(s1)) && firmWord(toks[m + 1])) return m + 1;
  if ((s1 === ' ' || s1 === ', ') && isAndAt(text, toks, m + 1) && sepAfter(text, toks, m + 1) === ' ' && firmWord(toks[m + 2])) return m + 2;
  return -1;
}

function memberBefore(text: string, toks: Token[], m: number): number {
  const s1 = sepAfter(text, toks, m - 1);
  if (m >= 1 && (s1 === ', ' || /^,? & $/.test(s1)) && firmWord(toks[m - 1])) return m - 1;
  if (m >= 2 && isAndAt(text, toks, m - 1) && s1 === ' ' && (sepAfter(text, toks, m - 2) === ' ' || sepAfter(text, toks, m - 2) === ', ') && firmWord(toks[m - 2])) return m - 2;
  return -1;
}

/** "Stella's Cautionary Tales": the name ends at its possessive. */
function possessiveEnd(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.e);
  return c === 39 || c === 0x2019;
}

/** "Ernst-Ludwig-Kirchner-Str.", "Bonner Str. 35", "Hauptstraße": a German street name. */
function germanStreet(text: string, toks: Token[], k: number): boolean {
  const t = toks[k] as Token;
  const f = t.f;
  if (f.endsWith('-str') || f.endsWith('strasse') || f.endsWith('strase') || f.endsWith('straße')) return true;
  const next = toks[k + 1];
  return next !== undefined && next.gap === 'space' && next.f === 'str' && text.charCodeAt(next.e) === 46;
}

/** A street kind among toks[k, end], or right after them. */
function streetRun(toks: Token[], k: number, end: number): boolean {
  for (let m = k + 1; m <= end && m < toks.length; m++) {
    const u = toks[m] as Token;
    if (u.gap !== 'space') break;
    if (u.cap && STREET_KINDS.has(u.f)) return true;
  }
  return false;
}

// "Coronado Toro S.L.", "Viscò, Scalzo e Pepe s.r.l.", "Paszkowski Sp. z o.o.": the legal form
// written with dots, which the tokenizer reads as initials.
const COMPANY_FORM = /^,? (?:S\.[LAC]\.|S\.L\.U\.|S\.p\.A\.|s\.r\.l\.|S\.r\.l\.|S\.A\.S\.|Sp\. ?[jkz]|B\.V\.|N\.V\.|e\.K\.|Ltda\.|S\.A\. de C\.V\.)/;

/** Whether a company's legal form follows at `at`. */
function companyFormAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at + (text.charCodeAt(at) === 44 ? 2 : 1));
  if (c !== 83 && c !== 115 && c !== 66 && c !== 78 && c !== 101 && c !== 76) return false; // S s B N e L
  return COMPANY_FORM.test(text.slice(at, at + 16));
}

/** A legal form right after one of toks[k, end): the run is a company's name. */
function companyFormIn(text: string, toks: Token[], k: number, end: number): boolean {
  for (let m = k; m < end; m++) if (companyFormAt(text, (toks[m] as Token).e)) return true;
  return false;
}

/** The word after toks[k] continues a name and is no ordinary word: "Freida Bednar". */
function roleSurnameAfter(toks: Token[], k: number): boolean {
  const u = toks[k + 1];
  return u !== undefined && u.gap === 'space' && canContinue(u) && !is(u, LX_COMMON) && !is(u, LX_PLACE) && !is(u, LX_ORG);
}

/** "ms. Birdie" but not "in 20 ms. Population grew": a lower-case title needs its dot and no
 *  number before it, and the next word must not be an ordinary one. */
function lowerTitle(text: string, title: Token, t: Token, from: number): boolean {
  if (!DOT_TITLES.has(title.raw) || text.charCodeAt(title.e) !== 46 || afterNumber(text, title.s, from)) return false;
  return firstNameOfToken(t) || (!is(t, LX_COMMON) && !is(t, LX_PLACE) && !is(t, LX_ORG));
}

/**
 * Whether toks[k] follows words that introduce a person's name: "(my) name is", "names are",
 * "Name:", "name's", "What's your last name? X", "(everyone) calls me", "goes by". Whatever
 * the word is, it is then a name, in a tweet as in a note ("known as" and "aka" name places
 * and things as often, so they are not here).
 */
function introducedAt(text: string, toks: Token[], k: number): boolean {
  const t = toks[k] as Token;
  const p1 = toks[k - 1];
  if (!p1 || p1.handle || p1.line !== t.line) return false;
  // Most capitalised words start a sentence: only "Name:" and "name? X" cross a break.
  if (t.gap !== 'space') {
    if (t.gap !== 'break') return false;
    let b = t.s - 1;
    while (b > p1.e && text.charCodeAt(b) === 32) b--;
    const c = text.charCodeAt(b);
    if (c !== 58 && c !== 63) return false;
  }
  const p2 = toks[k - 2];
  if (NAME_WORDS.has(p1.f)) {
    // "Name: X", "name's X", "the name X"; an answer: "What's your last name? X".
    const between = text.slice(p1.e, t.s);
    const asked = /^\?\s+$/.test(between) && p2 !== undefined && ASKED_NAME.has(p2.f);
    if (!asked && !/^(?:['\u2019]s\s+|\s*[:=]\s*)$/.test(between)) return false;
    return !thingOwns(toks, k - 2, t.line);
  }
  if (t.gap !== 'space' || !p2) return false;
  // p2 and p1 are one phrase: a plain space between them, on one line.
  if (p1.gap !== 'space' || p2.line !== p1.line) return false;
  const f1 = p1.f;
  if ((f1 === 'is' || f1 === 'was' || f1 === 'are' || f1 === 'were') && NAME_WORDS.has(p2.f) && !p2.handle) return !thingOwns(toks, k - 3, t.line);
  if (f1 === 'me') return p2.f === 'call' || p2.f === 'calls' || p2.f === 'called';
  return f1 === 'by' && (p2.f === 'goes' || p2.f === 'go' || p2.f === 'went');
}

/** "file name", "dog's name": the word before "name" says the name is a thing's. */
function thingOwns(toks: Token[], at: number, line: number): boolean {
  const u = toks[at];
  return u !== undefined && u.line === line && THING_NAMES.has(u.f);
}

const cells = new Int32Array(MAX_SPARSE);

function score(text: string, toks: Token[], c: Candidate): number {
  const f = c.f;
  let z = 0;
  for (let i = 0; i < f.length; i++) z += (PERSON_WEIGHTS[i] ?? 0) * (f[i] as number);
  const n = sparseFeatures(text, toks, c, cells);
  for (let i = 0; i < n; i++) z += sparseWeight(PERSON_SPARSE, cells[i] as number, PERSON_SPARSE_SCALE);
  return 1 / (1 + Math.exp(-z));
}

/** The token on the far side of "and" or "&" next to token `i` (dir 1: after it), or -1. */
function acrossJoiner(text: string, toks: Token[], i: number, dir: 1 | -1): number {
  const j = i + dir;
  const joiner = toks[j];
  if (!joiner) return -1;
  const [left, right] = dir === 1 ? [toks[i] as Token, joiner] : [joiner, toks[i] as Token];
  // "and" between single spaces (in either direction the word after "and" is toks[j + 1]).
  if (joiner.f === 'and' && !joiner.cap) return joiner.gap === 'space' && toks[j + 1]?.gap === 'space' && toks[j + dir] ? j + dir : -1;
  return /^\s*&\s*$/.test(text.slice(left.e, right.s)) ? j : -1;
}

/** Person names (and @handles) in text[from,to). */
export function findPersons(text: string, from: number, to: number, out: Hit[]): void {
  const toks = tokenize(text, from, to);
  const accepted: { a: number; b: number; conf: number; full: boolean; handle: boolean }[] = [];
  personCandidates(text, from, to, toks, (c) => {
    const p = score(text, toks, c);
    if (p < PERSON_THRESHOLD && !c.sure) return false;
    accepted.push({ a: c.a, b: c.b, conf: Math.min(0.99, Math.max(p, c.sure ? (c.f[1] as number) : 0)), full: c.full, handle: c.handle });
    return true;
  });
  // "X and Y" / "X & Y", either way round ("Ji-woo Park and Tomasz Nowak"): when one side is a
  // name, a run of up to three name-like capitalised words on the other side is one too.
  const taken = new Set<number>();
  for (const acc of accepted) for (let m = acc.a; m < acc.b; m++) taken.add(m);
  const extra: typeof accepted = [];
  const namePart = (m: number) => {
    const u = toks[m];
    return !!u && !taken.has(m) && isCapName(u) && !is(u, LX_PLACE) && (SURNAME_PLACE.has(u.f) || (canContinue(u) && !is(u, LX_COMMON)));
  };
  for (const acc of accepted) {
    // A lone word the model only half believes ("Aetna, Cigna and Medicaid") vouches for nothing.
    if (acc.handle || (!acc.full && acc.conf < 0.6)) continue;
    for (const dir of [1, -1] as const) {
      const edge = dir === 1 ? acc.b - 1 : acc.a;
      const near = acrossJoiner(text, toks, edge, dir);
      if (near < 0 || !namePart(near)) continue;
      let far = near;
      // Words of one name are separated by single spaces: the gap of the later of two tokens.
      while (Math.abs(far + dir - near) < 3 && (toks[Math.max(far, far + dir)] as Token | undefined)?.gap === 'space' && namePart(far + dir)) far += dir;
      const a = Math.min(near, far);
      const b = Math.max(near, far) + 1;
      extra.push({ a, b, conf: 0.55, full: b - a >= 2, handle: false });
      for (let m = a; m < b; m++) taken.add(m);
    }
  }
  for (const acc of [...accepted, ...extra]) {
    const a = toks[acc.a] as Token;
    const b = toks[acc.b - 1] as Token;
    if (acc.handle) {
      out.push({ type: 'person', start: a.s, end: a.e, confidence: acc.conf, key: a.raw.toLowerCase(), handle: true, full: false });
      continue;
    }
    let key = a.f;
    for (let m = acc.a + 1; m < acc.b; m++) key += ' ' + (toks[m] as Token).f;
    const hit: Hit = { type: 'person', start: a.s, end: b.e, confidence: acc.conf, key, full: acc.full };
    if (credentialAfter(text, b.e)) hit.business = true; // (only then: see tableHits)
    out.push(hit);
  }
}

/**
 * Whether a table cell's value is shaped like a person's name: 1-5 words of letters (initials,
 * particles and "Last, First" allowed), no digits or '@'. `lexiconHits` counts known name words.
 */
export function nameShape(value: string): { ok: boolean; words: number; lexiconHits: number; firstHit: boolean } {
  const v = value.trim();
  if (v.length < 2 || v.length > 60) return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
  let words = 0;
  let hits = 0;
  let firstHit = false;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c) || c === 64 || c === 47 || c === 92 || c === 58 || c === 61 || c === 95) {
      return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
    }
    if (isLetter(c)) letters++;
  }
  if (letters < 2) return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
  for (const w of v.split(/[\s,]+/)) {
    if (!w) continue;
    const bare = w.replace(/[.'"()]/g, '');
    if (!bare) continue;
    words++;
    const f = foldWord(bare);
    if (isFirstName(f) || isLastName(f) || (f.includes('-') && isKnownNameForm(f))) {
      hits++;
      if (isFirstName(f)) firstHit = true;
    }
  }
  return { ok: words >= 1 && words <= 5, words, lexiconHits: hits, firstHit };
}

/** nameShape without the lexicon: for cells of a column already known to hold names. */
export function nameShapeQuick(value: string): { ok: boolean; words: number } {
  const n = value.length;
  if (n < 2 || n > 60) return { ok: false, words: 0 };
  let words = 0;
  let inWord = false;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c) || c === 64 || c === 47 || c === 92 || c === 58 || c === 61 || c === 95) return { ok: false, words: 0 };
    if (c === 32 || c === 44 || c === 9) {
      inWord = false;
    } else {
      if (!inWord) words++;
      inWord = true;
      if (isLetter(c)) letters++;
    }
  }
  return { ok: letters >= 2 && words >= 1 && words <= 5, words };
}
