// The classifier's internal finding: a public Finding plus what grouping and the verdict need.
import type { FindingType } from '../types';

export interface Hit {
  type: FindingType;
  start: number;
  end: number;
  confidence: number;
  /** Normalised value for de-duplication and own-identity checks (lower-case email, digits...). */
  key: string;
  /** Clinical: 'strong' (diagnosis, medication, note) or 'weak' (therapy words). */
  strength?: 'strong' | 'weak';
  /** Person: first and last name (or title + name), not a lone first name or handle. */
  full?: boolean;
  /** Person: an @handle rather than a written name. */
  handle?: boolean;
  /** Email: a role account (info@, support@...) that does not identify a person. */
  role?: boolean;
  /** The value fills its whole cell or line: the shape of an exported list. */
  standalone?: boolean;
  /** A directory's listing: an email or phone labelled with a business's name ("Olson Plumbing —
   *  555…"), or a name with a professional's degree after it ("Marcel Muller, CPA"). */
  business?: boolean;
  /** Person found by the free-text rules inside a table cell, not from a name column. */
  inferred?: boolean;
  /** Row (tables, JSON records) the hit belongs to; -1 in free text. */
  row?: number;
}

export function byStart(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
}
