// The roster masks what it found in the text (the raw roster value is never known at match
// time) exactly as the classifier does, so a mention seen by both is shown once.
export { maskDate, maskEmail, maskPhone, maskWord } from '../mask';
