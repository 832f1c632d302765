// What a table column holds, from its header (many languages, ad-platform upload headers such
// as fn/ln/em/ph) and from the shape of its values.
import { findEmails } from './email';
import type { Hit } from './hit';
import { findPhones } from './phone';
import { isDateCell } from './dob';
import { businessCellName, credentialAfter, nameShape } from './person';
import { cellCount, type Row, type Table } from './structure';
import { countDigits, isHex } from './text';

export type ColumnKind =
  | 'name' // full name, or a client/patient column
  | 'first'
  | 'last'
  | 'email'
  | 'phone'
  | 'dob'
  | 'address'
  | 'hashed'
  | 'clinical'
  | 'org' // company, product, business: names of things
  | 'id' // part, order, serial, SKU numbers: identifiers of things, whatever their shape
  | 'other';

export interface ColumnInfo {
  kind: ColumnKind;
  /** The header itself says client/patient: a names-only list of these is a client list. */
  clientHeader: boolean;
  /** The header names the column (vs. values only). */
  fromHeader: boolean;
  /** Some sampled cell names a business or a practitioner ("Olson Plumbing", "Nona Trantow,
   *  DDS"): only then is every row's cell asked (a people list's 10,000 names are not). */
  businesses?: boolean;
}

const H = (s: string) => new Set(s.split('|'));
const NAME_HEADERS = H(
  'name|full name|fullname|client|client name|clientname|patient|patient name|patientname|contact|contact name|customer|customer name|member|member name|person|display name|attendee|participant|guardian|parent|parent name|emergency contact|recipient|subscriber|student|student name|employee|employee name|nombre|nombre completo|nom|nom complet|vollständiger name|nome|naam|imię i nazwisko|cliente|paciente|klient|patient full name|legal name|preferred name|client full name|referral|referred by',
);
const CLIENT_WORDS = /\b(?:client|clients|patient|patients|cliente|paciente|klient|caseload)\b/;
const FIRST_HEADERS = H('first|first name|firstname|fname|f name|given name|givenname|given|forename|fn|vorname|prénom|prenom|primer nombre|nombre de pila|voornaam|imię|imie|client first name|patient first name');
const LAST_HEADERS = H('last|last name|lastname|lname|l name|surname|family name|familyname|ln|nachname|nom de famille|apellido|apellidos|cognome|sobrenome|achternaam|nazwisko|client last name|patient last name');
const EMAIL_HEADERS = H('email|e mail|mail|email address|e mail address|emailaddress|em|correo|correo electrónico|courriel|e mail adresse|emails|primary email|work email|personal email|client email|patient email');
const PHONE_HEADERS = H('phone|phone number|phonenumber|tel|telephone|telephone number|mobile|mobile number|mobile phone|cell|cell phone|cellphone|ph|whatsapp|sms|contact number|home phone|work phone|primary phone|phone 1|phone 2|teléfono|telefono|téléphone|telefon|handy|telefoonnummer|client phone|patient phone');
const DOB_HEADERS = H('dob|d o b|date of birth|birth date|birthdate|birthday|born|doby|geburtsdatum|fecha de nacimiento|date de naissance|data di nascita');
const ADDRESS_HEADERS = H('address|street|street address|address line 1|address1|address 1|addr|home address|mailing address|street 1|dirección|direccion|adresse|indirizzo|endereço|straße|strasse');
const HASH_HEADERS = /\b(?:sha ?256|sha256|md5|hash|hashed|hashed email|hashed phone|email sha256|email hash)\b/;
const CLINICAL_HEADERS = /\b(?:diagnosis|diagnoses|dx|icd|icd ?10|dsm|condition|conditions|medication|medications|meds|rx|prescription|presenting problem|presenting issue|treatment|therapy|therapist|clinician|provider|session|sessions|session notes|notes|progress note|intake|last session|next session|next appointment|appointment|insurance|copay|diagnóstico|tratamiento)\b/;
const ORG_HEADERS = /\b(?:company|business|organization|organisation|org|vendor|supplier|store|shop|brand|product|item|sku|title|category|department|team|city|country|state|region|venue|school|employer|account name|firm|practice name|agency|website|url|domain|host|server|service)\b/;

const ID_HEADERS = /\b(?:part|parts|sku|item|order|invoice|serial|model|catalog|catalogue|stock|ref|reference|tracking|transaction|ticket|isbn|upc|ean|barcode|lot|batch|po|id|uuid|guid|code|version|build|iban|account number|routing)\b/;

export function kindFromHeader(h: string): ColumnInfo {
  const clientHeader = CLIENT_WORDS.test(h);
  const base = { clientHeader, fromHeader: true };
  if (!h) return { kind: 'other', clientHeader: false, fromHeader: false };
  if (HASH_HEADERS.test(h)) return { kind: 'hashed', ...base };
  if (FIRST_HEADERS.has(h)) return { kind: 'first', ...base };
  if (LAST_HEADERS.has(h)) return { kind: 'last', ...base };
  if (EMAIL_HEADERS.has(h) || /\be ?mail\b/.test(h)) return { kind: 'email', ...base };
  if (PHONE_HEADERS.has(h) || /\b(?:phone|mobile|cell|tel|telephone)\b/.test(h)) return { kind: 'phone', ...base };
  if (DOB_HEADERS.has(h) || /\bbirth/.test(h)) return { kind: 'dob', ...base };
  // "Part No", "Order #", "SKU", "Client ID": identifiers of things, whatever their shape
  // ("410-843-2245" as a part number): no phone is read in them.
  if (ID_HEADERS.test(h)) return { kind: 'id', clientHeader: false, fromHeader: true };
  if (ADDRESS_HEADERS.has(h) || /\b(?:street|address)\b/.test(h)) return { kind: 'address', ...base };
  if (ORG_HEADERS.test(h) && !/\b(?:contact|client|patient|customer)\b/.test(h)) return { kind: 'org', ...base };
  if (NAME_HEADERS.has(h) || /\bname\b/.test(h) || clientHeader) return { kind: 'name', ...base };
  if (CLINICAL_HEADERS.test(h)) return { kind: 'clinical', ...base };
  return { kind: 'other', clientHeader: false, fromHeader: false };
}

/** Whether a header row looks like one: labels, no identifiers. */
export function isHeaderRow(text: string, rows: readonly Row[], rowIndex: number): boolean {
  const row = rows[rowIndex];
  if (!row || row.cells.length === 0) return false;
  let known = 0;
  let nonEmpty = 0;
  for (let k = 0; k < row.cells.length; k += 3) {
    const v = text.slice(row.cells[k + 1] as number, row.cells[k + 2] as number);
    if (v.trim() === '') continue;
    nonEmpty++;
    if (v.includes('@') || countDigits(v) >= 5 || v.length > 60) return false;
    if (kindFromHeader(normalizeCell(v)).fromHeader) known++;
  }
  if (nonEmpty === 0) return false;
  if (known > 0) return true;
  // Unknown labels: call it a header if the next row has digits or '@' where this one has none.
  const next = rows[rowIndex + 1];
  if (!next) return false;
  const nextText = text.slice(next.s, next.e);
  const thisText = text.slice(row.s, row.e);
  return countDigits(thisText) === 0 && !thisText.includes('@') && (countDigits(nextText) > 0 || nextText.includes('@'));
}

function normalizeCell(v: string): string {
  return v
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SAMPLE = 400;

/** A US state's code, with or without a ZIP code: "SC 75799", "OK", "NY 10001-1234". */
const US_STATE_ZIP_CELL = /^[A-Z]{2}\.?(?:[ \u00a0]+\d{5}(?:-\d{4})?)?$/;

/** Types each column from its header and a sample of its values (the table's first rows). */
/** In steps of a few sampled rows: validating the sample's cells (phones, dates, names) costs
 *  tens of milliseconds in a page the first time. */
export function* typeColumns(text: string, table: Table): Generator<void, ColumnInfo[]> {
  const ncols = table.kind === 'json' ? table.columns.length : Math.max(table.columns.length, maxCols(table.sample));
  const infos: ColumnInfo[] = [];
  for (let c = 0; c < ncols; c++) {
    const h = table.columns[c] ?? '';
    infos.push(kindFromHeader(h));
  }
  // Value shapes on a sample of rows (evenly spaced, so a 10,000-row list costs the same as 400).
  const info = (c: number) => infos[c]?.kind;
  const stats = infos.map(() => ({ n: 0, email: 0, phone: 0, name: 0, lex: 0, first: 0, hash: 0, date: 0, stateZip: 0, biz: 0 }));
  const rows = table.sample;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const scratch: Hit[] = [];
  for (let r = 0, since = 0; r < rows.length; r += step) {
    if (++since === 25) {
      since = 0;
      yield;
    }
    const cells = (rows[r] as (typeof rows)[number]).cells;
    for (let k = 0; k < cells.length; k += 3) {
      const cell = { col: cells[k] as number, s: cells[k + 1] as number, e: cells[k + 2] as number };
      const st = stats[cell.col];
      if (!st) continue;
      const v = text.slice(cell.s, cell.e).trim();
      if (!v) continue;
      st.n++;
      if (v.includes('@')) {
        scratch.length = 0;
        findEmails(text, cell.s, cell.e, scratch);
        if (scratch.length > 0) st.email++;
      }
      const digits = countDigits(v);
      // Without a phone header only formatted numbers count: a column of bare 10-digit
      // numbers is IDs or amounts as often as phones.
      if (digits >= 7 && digits <= 15 && /^[+()\d\s.\-/]+$/.test(v)) {
        scratch.length = 0;
        const formatted = /[+()\s.\-]/.test(v);
        findPhones(text, cell.s, cell.e, scratch, { phoneColumn: info(cell.col) === 'phone' });
        if (scratch.some((h) => h.confidence >= 0.9) && (formatted || info(cell.col) === 'phone')) st.phone++;
      }
      if ((v.length === 32 || v.length === 64) && isAllHex(v)) st.hash++;
      if (isDateCell(v)) st.date++;
      if (US_STATE_ZIP_CELL.test(v)) st.stateZip++;
      if (!st.biz && (businessCellName(text, cell.s, cell.e) || credentialAfter(text, cell.e))) st.biz = 1;
      const shape = nameShape(v);
      if (shape.ok) {
        st.name++;
        if (shape.lexiconHits > 0) st.lex++;
        if (shape.firstHit) st.first++;
      }
    }
  }
  for (let c = 0; c < infos.length; c++) {
    const info = infos[c] as ColumnInfo;
    const st = stats[c] as (typeof stats)[number];
    if (st.n === 0) continue;
    if (st.biz) info.businesses = true;
    const frac = (x: number) => x / st.n;
    if (info.fromHeader) {
      // A "name" header over product names is not a person column.
      if ((info.kind === 'name' || info.kind === 'first' || info.kind === 'last') && frac(st.name) < 0.5) info.kind = 'other';
      if (info.kind === 'name' && !info.clientHeader && frac(st.lex) < 0.3) info.kind = 'other';
      if ((info.kind === 'other' || info.kind === 'id') && frac(st.email) >= 0.5) info.kind = 'email';
      continue;
    }
    if (frac(st.email) >= 0.5) info.kind = 'email';
    else if (frac(st.hash) >= 0.6) info.kind = 'hashed';
    else if (frac(st.phone) >= 0.6) info.kind = 'phone';
    // Not names: towns (the column before the state) and the states' codes ("KY", "Va", "Ca"
    // are first names in some languages).
    else if (frac(st.name) >= 0.7 && frac(st.lex) >= 0.5 && frac(st.first) >= 0.3 && !beforeStateColumn(c) && frac(st.stateZip) < 0.6) info.kind = 'name';
  }
  return infos;

  // "…, West Arjun, SC 75799": the column before the state and ZIP holds towns, named after
  // people as often as not ("Port Charlotte", "Marion").
  function beforeStateColumn(c: number): boolean {
    const next = stats[c + 1];
    return next !== undefined && next.n > 0 && next.stateZip / next.n >= 0.6;
  }
}

function maxCols(rows: readonly Row[]): number {
  let m = 0;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  for (let r = 0; r < rows.length; r += step) m = Math.max(m, cellCount(rows[r] as Row));
  return m;
}

function isAllHex(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (!isHex(v.charCodeAt(i))) return false;
  return true;
}
