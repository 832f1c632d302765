// Frequent words that are skipped as name candidates when scanning text, so matching hashes
// far fewer word pairs (each pair costs one HMAC). Safe for every roster: when a client's
// given name or surname is one of these words ("Will", "May", "Love", "Young"...), the hashed
// roster carries a keyed marker for that word and the matcher re-enables it (see hash.ts).
// Forms are canonical (nameToken): lower case, no accents or apostrophes.
//
// These lists are part of hashed-roster format version 1: a roster hashed with one list and
// matched with another would miss names that are on the second list only. A unit test pins
// them; changing them needs a new format version.
import { COMMON_WORDS_V1 } from './common-words.generated';
import { lazy } from '../lazy';

/** Function words: when re-enabled, they count as a name only when capitalised in the text
 *  ("Will Do" is a name, "will do" is not). */
const FUNCTION_WORDS_V1 = `
a about above after again against ago all almost already also although always am among an and
another any anybody anyone anything anyway are around as ask asked at away back be because been
before being below best better between big both but by call came can cannot cant could couldnt
day days did didnt do does doesnt doing done dont down during each else end enough even ever
every everyone everything few find first for found from full get gets getting give go goes going
gone good got great had has hasnt have havent having he hed hell her here hers herself hes him
himself his how however i id if ill im in into is isnt it its itself ive just keep know last
least less let lets like little long look lot lots made make makes many may maybe me might mine
more most much must my myself need never new next no nobody none nor not nothing now of off
often oh ok okay old on once one only or other others our ours ourselves out over own part
people please put quite rather really right said same saw say says see seem seen she shell shes
should shouldnt show since so some someone something soon still such sure take than thank thanks
that thats the their theirs them themselves then there theres these they theyre thing things
think this those though thought through time to today together told too took tomorrow try two
under until up upon us use used very via want wanted was wasnt way we well went were werent what
whats when where whether which while who whole whom whos why will with within without wont would
wouldnt yeah yes yet you youd youll your youre yours yourself youve
rt amp http https www com lol omg via pm
al con del el en es esta este hay la las lo los mas me mi muy no para pero por que se si sin
su sus te tu un una uno y ya
`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

// Made on first use (see core/lazy.ts): some 3,000 words, which the engine otherwise built
// every time it was injected into a frame, roster or not.
export const capitalisedOnly: () => ReadonlySet<string> = lazy(() => new Set(words(FUNCTION_WORDS_V1)));
export const stopWords: () => ReadonlySet<string> = lazy(() => new Set([...words(FUNCTION_WORDS_V1), ...words(COMMON_WORDS_V1)]));

/** String hashed to say "this stop word is part of a client's name: do not skip it". */
export function stopWordKey(word: string): string {
  return `s:${word}`;
}
