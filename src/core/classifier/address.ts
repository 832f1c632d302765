// Street addresses: a house number, up to four name words and a street type ("221B Baker
// Street", "1600 Pennsylvania Ave NW, Apt 4"), or European order ("Hauptstraße 5",
// "Rue de Rivoli 99", "Calle Mayor 3"). Every quantifier is bounded, so a long line cannot make
// the expressions backtrack.
import type { Hit } from './hit';
import { lazy } from '../lazy';

const STREET_TYPES =
  'street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|loop|alley|crescent|cres|close|grove|gardens|mews|row|walk|pike|run|path|plaza|point|pt' +
  // More of the US postal street kinds (sample data and real addresses use them all): only
  // after a house number and a capitalised name word, so "Mill" or "View" alone is nothing.
  '|bypass|causeway|cove|creek|crest|crossing|curve|dale|estates|expressway|extension|falls|ferry|fields|flats|ford|forge|fork|freeway|glen|glens|harbor|haven|heights|hills|hollow|inlet|isle|junction|knoll|knolls|landing|manor|meadow|meadows|mill|mills|orchard|overpass|pass|passage|pines|plains|prairie|ranch|rapids|ridge|shoal|shoals|shore|shores|skyway|spring|springs|spur|stravenue|summit|throughway|trace|track|trafficway|tunnel|turnpike|underpass|valley|viaduct|vista|view|views|village|ville|wells|well|unions|union|lodge|neck|oval|radial|ramp|gateway|green|greens|branch|bridge|brook|brooks|burg|camp|canyon|cape|center|cliff|cliffs|common|corner|corners|course|courts|divide|forest|fort|garden|grove|groves|island|islands|key|keys|lake|lakes|land|light|lights|loaf|lock|locks|mission|motorway|mount|mountain|mountains|parks|port|ports|rest|ridges|river|roads|route|spurs|squares|streets|walks|ways';
const usRe = lazy(() => {
  // Street types as written: "Street", "street", "STREET".
  const typeAlt = STREET_TYPES.split('|')
    .flatMap((t) => [t, t[0]!.toUpperCase() + t.slice(1), t.toUpperCase()])
    .join('|');
  return new RegExp(
    `\\b\\d{1,6}[A-Za-z]?(?: [NSEW]\\.?)? (?:[A-Z0-9][\\p{L}'.-]{0,20} ){0,3}[A-Z][\\p{L}'.-]{0,20} (?:${typeAlt})\\b\\.?(?: (?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?(?:,? (?:[Aa]pt|APT|[Aa]partment|[Ss]uite|SUITE|[Ss]te|[Uu]nit|UNIT|#|[Ff]l|[Ff]loor)\\.? ?#?[\\w-]{1,6})?`,
    'gu',
  );
});
const EU_RE =
  /\b(?:[A-ZÄÖÜ][\p{L}-]{1,30}(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|gatan|gade|vej|veien)|(?:Rue|Avenue|Boulevard|Calle|Avenida|Av\.|Via|Viale|Rua|Piazza|Plaza|Paseo|Chemin|Allée) (?:[\p{L}'-]{1,20} ){0,4}[\p{L}'-]{2,20}),? \d{1,5}[a-z]?\b/gu;

export function findAddresses(text: string, from: number, to: number, out: Hit[]): void {
  const slice = text.slice(from, to);
  for (const re of [usRe(), EU_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      const v = m[0];
      // "3 Main St" needs the type word in its street sense; "5 Dr" alone is a title.
      out.push({ type: 'address', start: from + m.index, end: from + m.index + v.length, confidence: 0.8, key: v.toLowerCase().replace(/\s+/g, ' ') });
    }
  }
}

/** Street-type words, for prescreen() (an address needs one of these plus a digit). */
export const STREET_WORDS = STREET_TYPES.split('|').concat(['straße', 'strasse', 'str', 'rue', 'calle', 'avenida', 'via', 'rua', 'piazza']);
