// Reads a roster export (CSV/TSV or XLSX) into entries. Problems are reported by row number
// and column kind only: a problem message never repeats a value from the file.
import type { CountryCode } from 'libphonenumber-js/min';
import {
  excelSerialToIso,
  firstNameVariants,
  foldCase,
  lastNameVariants,
  normalizeDob,
  normalizeEmail,
  normalizePhone,
  splitFullName,
  type DateOrder,
} from './normalize';
import { readFirstSheet, type SheetCell } from './xlsx';
import type { RosterEntry, RosterOptions } from './types';

export interface ParsedRoster {
  entries: RosterEntry[];
  problems: string[];
}

type Role = 'first' | 'last' | 'last2' | 'full' | 'preferred' | 'middle' | 'email' | 'phone' | 'dob';

const MAX_PROBLEMS = 50;
const HEADER_SCAN_ROWS = 10;

const EXACT_ROLES: Record<string, Role> = {};
for (const [role, names] of [
  ['first', 'first firstname fname givenname given forename legalfirstname clientfirstname patientfirstname primernombre'],
  ['last', 'last lastname lname surname familyname legallastname clientlastname patientlastname apellido apellidos primerapellido'],
  ['last2', 'segundoapellido'],
  ['middle', 'middle middlename mi middleinitial segundonombre'],
  ['preferred', 'preferred preferredname preferredfirstname nickname goesby nombrepreferido'],
  [
    'full',
    'name fullname client clientname patient patientname displayname legalname lastfirst namelastfirst lastnamefirstname ' +
      'clientfullname patientfullname contact contactname nombre nombrecompleto cliente paciente',
  ],
  ['dob', 'dob dateofbirth birthdate birthday birth fechadenacimiento fechanacimiento nacimiento'],
] as const) {
  for (const n of names.split(' ')) EXACT_ROLES[n] = role;
}

// Columns about someone other than the client, or about preferences rather than values.
const OTHER_PERSON_RE = /provider|clinician|therapist|counsel|emergency|insur|referr|payer|staff|practice|company|employer|office|physician|doctor/;
const NOT_A_VALUE_RE = /(consent|optin|optout|ok|type|reminder|reminders|verified|preference|allowed|status|format)$/;

function headerRole(cell: SheetCell): Role | null {
  if (typeof cell !== 'string') return null;
  const h = foldCase(cell).replace(/[^a-z0-9]/g, '');
  if (!h || h.length > 40) return null;
  const exact = EXACT_ROLES[h];
  if (exact) return exact;
  if (OTHER_PERSON_RE.test(h) || NOT_A_VALUE_RE.test(h)) return null;
  if (h.includes('email') || h === 'mail' || h.startsWith('correo')) return 'email';
  if (/phone|mobile|cell|telephone|telefono|movil|celular|^tel$/.test(h)) return 'phone';
  if (h.startsWith('dob') || h.includes('birth') || h.includes('nacimiento')) return 'dob';
  if (h.includes('name') || h.includes('nombre')) {
    if (/guardian|parent/.test(h)) return null;
    if (/first|given/.test(h)) return 'first';
    if (/last|surname|family|apellido/.test(h)) return 'last';
    if (h.includes('middle')) return 'middle';
    if (/preferred|nick/.test(h)) return 'preferred';
    if (/client|patient|full|cliente|paciente/.test(h)) return 'full';
  }
  return null;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Windows exports: Excel's "CSV" is often Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter used on most of the first lines (quoted text ignored): a title line above
 *  the header, or commas inside quoted names, must not decide it. */
function guessDelimiter(text: string): string {
  const candidates = [',', ';', '\t', '|'];
  const lines = new Array<number>(candidates.length).fill(0);
  const totals = new Array<number>(candidates.length).fill(0);
  const seen = new Array<boolean>(candidates.length).fill(false);
  let quoted = false;
  let lineCount = 0;
  for (let i = 0; i < text.length && lineCount < 10; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      seen.forEach((s, k) => (lines[k]! += s ? 1 : 0));
      seen.fill(false);
      lineCount++;
    } else if (!quoted) {
      const k = candidates.indexOf(c);
      if (k >= 0) {
        seen[k] = true;
        totals[k]!++;
      }
    }
  }
  seen.forEach((s, k) => (lines[k]! += s ? 1 : 0));
  let best = 0;
  for (let k = 1; k < candidates.length; k++) {
    if (lines[k]! > lines[best]! || (lines[k] === lines[best] && totals[k]! > totals[best]!)) best = k;
  }
  return candidates[best]!;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF/LF/CR); the delimiter is guessed. */
export function parseCsv(text: string): string[][] {
  const delimiter = guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.some((c) => c.trim() !== '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function cellText(cell: SheetCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return cell.trim();
}

interface Layout {
  headerRow: number; // -1 when there is none
  roles: (Role | null)[];
}

function findHeader(rows: SheetCell[][]): Layout | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const roles = rows[r]!.map(headerRole);
    const known = roles.filter((x) => x !== null).length;
    const filled = rows[r]!.filter((c) => cellText(c) !== '').length;
    if (known >= 2 || (known === 1 && filled === 1)) {
      // "Name" next to a surname column is the given name (e.g. "Nombre" + "Apellidos").
      if (roles.includes('last') && !roles.includes('first')) {
        const i = roles.indexOf('full');
        if (i >= 0) roles[i] = 'first';
      }
      return { headerRow: r, roles };
    }
  }
  return null;
}

/** No header row: guess each column's kind from the values in it. */
function guessLayout(rows: SheetCell[][], dateOrder: DateOrder, country: CountryCode, now: Date): Layout {
  const sample = rows.slice(0, 50);
  const width = Math.max(0, ...sample.map((r) => r.length));
  const roles: (Role | null)[] = [];
  const textColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const values = sample.map((r) => cellText(r[c])).filter(Boolean);
    const fraction = (test: (v: string) => boolean) => (values.length ? values.filter(test).length / values.length : 0);
    if (fraction((v) => normalizeEmail(v) !== null) >= 0.6) roles.push('email');
    else if (fraction((v) => /^[\d\s()+.\-]+$/.test(v) && normalizePhone(v, country) !== null) >= 0.6) roles.push('phone');
    else if (fraction((v) => normalizeDob(v, dateOrder, now) !== null) >= 0.6) roles.push('dob');
    else if (fraction((v) => /\p{L}/u.test(v) && !/[\d@]/.test(v)) >= 0.6) {
      roles.push(null);
      textColumns.push(c);
    } else roles.push(null);
  }
  const [a, b] = textColumns;
  if (a !== undefined) {
    const commas = share(sample, a, (v) => v.includes(','));
    if (b === undefined || b !== a + 1 || commas >= 0.5) roles[a] = 'full';
    else {
      roles[a] = 'first';
      roles[b] = 'last';
    }
  }
  return { headerRow: -1, roles };
}

function share(rows: SheetCell[][], col: number, test: (v: string) => boolean): number {
  const values = rows.map((r) => cellText(r[col])).filter(Boolean);
  return values.length ? values.filter(test).length / values.length : 0;
}

function describeColumns(roles: (Role | null)[]): string {
  return roles
    .map((r, i) => (r ? `column ${i + 1}: ${r === 'full' ? 'name' : r === 'first' ? 'given name' : r === 'last' ? 'surname' : r}` : ''))
    .filter(Boolean)
    .join(', ');
}

function readRows(bytes: Uint8Array, fileName: string): { rows: SheetCell[][]; date1904: boolean } {
  const lower = fileName.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || lower.endsWith('.xls')) throw new Error('Old Excel .xls files cannot be read: save the roster as .xlsx or .csv.');
  if (zip && /\.(ods|numbers)$/.test(lower)) throw new Error('This spreadsheet format cannot be read: save the roster as .xlsx or .csv.');
  if (zip || /\.xls[xm]$/.test(lower)) return readFirstSheet(bytes);
  return { rows: parseCsv(decodeText(bytes)), date1904: false };
}

/**
 * Parses a roster file. `fileName` picks the format when the content does not (the bytes are
 * checked first: an .xlsx is a zip). Never throws: unreadable files come back as problems.
 */
export function parseRoster(bytes: Uint8Array, fileName: string, options: RosterOptions & { now?: Date } = {}): ParsedRoster {
  const country: CountryCode = options.defaultCountry ?? 'US';
  const dateOrder: DateOrder = options.dateOrder ?? 'MDY';
  const now = options.now ?? new Date();
  const problems: string[] = [];
  let dropped = 0;
  const problem = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
    else dropped++;
  };

  let rows: SheetCell[][];
  let date1904: boolean;
  try {
    ({ rows, date1904 } = readRows(bytes, fileName));
  } catch (error) {
    return { entries: [], problems: [error instanceof Error ? error.message : 'The file could not be read.'] };
  }
  if (rows.length === 0 || rows.every((r) => r.every((c) => cellText(c) === ''))) {
    return { entries: [], problems: ['The file is empty.'] };
  }

  let layout = findHeader(rows);
  if (!layout) {
    layout = guessLayout(rows, dateOrder, country, now);
    const described = describeColumns(layout.roles);
    problem(described ? `No header row found; columns were guessed from their contents (${described}).` : 'No header row found and no column looks like names, emails or phone numbers.');
  }
  const { roles, headerRow } = layout;
  const columns = (role: Role) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const [firstCol] = columns('first');
  const lastCols = [...columns('last'), ...columns('last2')];
  const [fullCol] = columns('full');
  const preferredCols = columns('preferred');
  const emailCols = columns('email');
  const phoneCols = columns('phone');
  const [dobCol] = columns('dob');
  if (firstCol === undefined && lastCols.length === 0 && fullCol === undefined && emailCols.length === 0 && phoneCols.length === 0) {
    return { entries: [], problems: [...problems, 'No column with names, email addresses or phone numbers was found.'] };
  }

  const entries: RosterEntry[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = `Row ${r + 1}`;
    if (row.every((c) => cellText(c) === '')) continue;
    const get = (c: number | undefined) => (c === undefined ? '' : cellText(row[c]));

    let first = get(firstCol);
    let last = lastCols.map(get).filter(Boolean).join(' ');
    const full = get(fullCol);
    if (full && (!first || !last)) {
      const split = splitFullName(full);
      first ||= split.first;
      last ||= split.last;
    }
    const firstNames = [first, ...preferredCols.map(get)].filter(Boolean);
    const hasName = firstNames.length > 0 || last !== '';
    const nameUsable = firstNames.some((f) => firstNameVariants(f).length > 0) && lastNameVariants(last).length > 0;
    if (hasName && !nameUsable) problem(`${line}: needs both a given name and a surname to be matched by name.`);

    const emails: string[] = [];
    for (const c of emailCols) {
      for (const value of get(c).split(/[;,\s]+/).filter(Boolean)) {
        const email = normalizeEmail(value);
        if (email) emails.push(email);
        else problem(`${line}: an email address was not recognised.`);
      }
    }
    const phones: string[] = [];
    for (const c of phoneCols) {
      for (const value of get(c).split(/[;,]|\s\/\s/).map((v) => v.trim()).filter(Boolean)) {
        const phone = normalizePhone(value, country);
        if (phone) phones.push(phone);
        else if (/\d/.test(value)) problem(`${line}: a phone number was not recognised.`);
      }
    }
    let dob: string | null = null;
    if (dobCol !== undefined && cellText(row[dobCol]) !== '') {
      const cell = row[dobCol]!;
      dob = typeof cell === 'number' ? excelSerialToIso(cell, date1904, now) : normalizeDob(cell, dateOrder, now);
      if (!dob) problem(`${line}: the date of birth was not recognised.`);
    }

    if (!nameUsable && emails.length === 0 && phones.length === 0) {
      problem(`${line}: no usable name, email address or phone number; skipped.`);
      continue;
    }
    entries.push({ firstNames: nameUsable ? firstNames : [], lastName: nameUsable ? last : '', emails, phones, dob });
  }
  if (dropped > 0) problems.push(`…and ${dropped} more problems.`);
  if (entries.length === 0 && !problems.some((p) => p.startsWith('No '))) problems.push('No clients were found in the file.');
  return { entries, problems };
}
