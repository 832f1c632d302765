// Street addresses: a house number, up to four name words and a street type ("221B Baker
// Street", "1600 Pennsylvania Ave NW, Apt 4"), or European order ("Hauptstraße 5",
// "Rue de Rivoli 99", "Calle Mayor 3"). Every quantifier is bounded, so a long line cannot make
// the expressions backtrack.
import type { Hit } from './hit';
import { lazy } from '../lazy';

/**
 * The US postal service's street kinds, spelled out (Publication 28): "Creek", "Well", "Path".
 * person.ts reads a capitalised run after a house number that holds one as an address.
 */
export const US_STREET_KINDS: readonly string[] = (
  'alley avenue boulevard branch bridge brook brooks burg bypass camp canyon cape causeway center circle cliff cliffs common corner ' +
  'corners course court courts cove coves creek crescent crest crossing crossroad curve dale dam divide drive drives estate ' +
  'estates expressway extension extensions fall falls ferry field fields flat flats ford fords forest forge forges fork forks ' +
  'fort freeway garden gardens gateway glen glens green greens grove groves harbor harbors haven heights highway hill hills ' +
  'hollow inlet island islands isle junction junctions key keys knoll knolls lake lakes land landing lane light lights loaf ' +
  'lock locks lodge loop mall manor manors meadow meadows mews mill mills mission motorway mount mountain mountains neck ' +
  'orchard oval overpass park parks parkway parkways pass passage path pike pine pines place plain plains plaza point points ' +
  'port ports prairie radial ramp ranch rapid rapids rest ridge ridges river road roads route row rue run shoal shoals shore ' +
  'shores skyway spring springs spur spurs square squares station stravenue stream street streets summit terrace throughway ' +
  'trace track trafficway trail tunnel turnpike underpass union unions valley valleys via viaduct view views village ' +
  'villages ville vista walk walks wall way ways well wells'
).split(' ');

// Street types after a house number and a capitalised name word (so "Mill" or "View" alone is
// nothing): the postal kinds, their usual abbreviations, and British kinds.
const STREET_TYPES = [
  ...US_STREET_KINDS,
  ...'st ave av rd blvd ln dr ct pl ter cir pkwy hwy sq trl cres pt close'.split(' '),
].join('|');
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
