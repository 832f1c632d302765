import { findPersons, tokenize, personCandidates } from './src/core/classifier/person.ts';
import { isFirstName, isLastName, isCommonWord } from './src/core/classifier/names.ts';
const text = 'John F. Kennedy gave a speech';
const toks = tokenize(text, 0, text.length);
console.log(toks.map(t => [t.raw, t.gap, t.initial]));
console.log(isFirstName('john'), isLastName('kennedy'), isCommonWord('kennedy'), isCommonWord('john'));
personCandidates(text, 0, text.length, toks, (c) => { console.log(c.a, c.b, c.sure, c.f.join(',')); return false; });
const out: any[] = []; findPersons(text, 0, text.length, out); console.log(out);
