// Replaces each identifier with a typed, numbered placeholder ("[NAME 1]", "[EMAIL 2]") and
// keeps everything else — line breaks, delimiters, quotes, clinical words — so a redacted
// table is still a table. The same value gets the same number everywhere.
import type { Classification, FindingType } from './types';

const LABEL: Record<FindingType, string | null> = {
  person: 'NAME',
  email: 'EMAIL',
  phone: 'PHONE',
  hashed_id: 'ID',
  dob: 'DOB',
  address: 'ADDRESS',
  clinical: null, // context, not an identifier
};

function valueKey(type: FindingType, value: string): string {
  if (type === 'phone') {
    const d = value.replace(/\D+/g, '');
    return d.length > 10 ? d.slice(-10) : d;
  }
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function redact(text: string, classification: Classification): string {
  const spans = classification.findings
    .filter((f) => LABEL[f.type] !== null && f.start >= 0 && f.end <= text.length && f.end > f.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const numbers = new Map<string, number>();
  const perType = new Map<string, number>();
  let out = '';
  let pos = 0;
  for (const f of spans) {
    if (f.start < pos) continue; // overlaps a span already replaced
    const label = LABEL[f.type] as string;
    const key = label + '\u0000' + valueKey(f.type, text.slice(f.start, f.end));
    let n = numbers.get(key);
    if (n === undefined) {
      n = (perType.get(label) ?? 0) + 1;
      perType.set(label, n);
      numbers.set(key, n);
    }
    out += text.slice(pos, f.start) + `[${label} ${n}]`;
    pos = f.end;
  }
  return out + text.slice(pos);
}
