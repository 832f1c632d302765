// The clinician's and practice's own identities are never flagged: their own email, domain,
// phone and name appear in every post they write.
import type { OwnIdentities } from '../types';
import type { Hit } from './hit';
import { phoneKey } from './phone';
import { foldWord } from './text';

export interface OwnMatcher {
  isOwn(hit: Hit, value: string): boolean;
}

const TITLE_RE = /^(?:dr|mr|mrs|ms|mx|miss|prof|rev)\.?\s+/i;
const CREDENTIALS_RE = /,?\s+(?:phd|psyd|md|lcsw|lmft|lpc|lpcc|lmhc|ma|ms|msw|ncc|np|pmhnp|rn|lcpc|lpa|edd)\.?$/i;

function foldName(n: string): string {
  let v = n.trim().replace(TITLE_RE, '');
  for (let k = 0; k < 3; k++) v = v.replace(CREDENTIALS_RE, '');
  return foldWord(v.replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim());
}

export function ownMatcher(own: Partial<OwnIdentities> | undefined): OwnMatcher | null {
  if (!own) return null;
  const emails = new Set((own.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean));
  const domains = (own.emailDomains ?? []).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  const phones = new Set((own.phones ?? []).map(phoneKey).filter((p) => p.length >= 7));
  const names = (own.names ?? []).map(foldName).filter((n) => n.length >= 2);
  if (emails.size === 0 && domains.length === 0 && phones.size === 0 && names.length === 0) return null;
  return {
    isOwn(hit, value) {
      switch (hit.type) {
        case 'email': {
          const v = hit.key;
          if (emails.has(v)) return true;
          const domain = v.slice(v.lastIndexOf('@') + 1);
          return domains.some((d) => domain === d || domain.endsWith('.' + d));
        }
        case 'phone':
          return phones.has(phoneKey(value));
        case 'person': {
          if (hit.handle) return false;
          const v = foldName(value);
          if (!v) return false;
          // "Jane Smith" owns "Jane Smith" and "Smith" (as in "Dr. Smith"), but not a bare
          // "Jane": that may well be a client who shares the first name.
          return names.some((n) => n === v || n.endsWith(' ' + v) || (v.includes(' ') && n.includes(v)));
        }
        default:
          return false;
      }
    },
  };
}
