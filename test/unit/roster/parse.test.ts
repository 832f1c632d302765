// Reading roster exports: CSV dialects, header detection, XLSX, and problems that never quote
// a value from the file.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseRoster } from '../../../src/core/roster';

const NOW = new Date('2026-06-01T00:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);
const parse = (text: string | Uint8Array, name = 'roster.csv') => parseRoster(typeof text === 'string' ? enc(text) : text, name, { now: NOW });

interface XlsxOptions {
  prefix?: string;
  date1904?: boolean;
}

/** A minimal .xlsx as Excel writes one: workbook, relationships, shared strings, one sheet. */
function xlsx(sheetXml: string, shared: string[], options: XlsxOptions = {}): Uint8Array {
  const p = options.prefix ?? '';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><${p}workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<${p}workbookPr${options.date1904 ? ' date1904="1"' : ''}/><${p}sheets><${p}sheet name="Clients" sheetId="7" r:id="rId3"/>` +
        `<${p}sheet name="Other" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(`<sst>${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Wrong sheet</t></is></c></row></sheetData></worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(`<${p}worksheet><${p}sheetData>${sheetXml}</${p}sheetData></${p}worksheet>`),
  });
}

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded separators and line breaks, CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n1,2,3\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('guesses the delimiter from the first line', () => {
    expect(parseCsv('a;b;c\n1;2,5;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('parseRoster: CSV', () => {
  it('reads a typical export with separate columns', () => {
    const { entries, problems } = parse(
      'First Name,Last Name,Email,Mobile Phone,Date of Birth\nJane,Doe,Jane.Doe+x@gmail.com,(212) 555-0147,03/14/1985\n',
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ firstNames: ['Jane'], lastName: 'Doe', emails: ['janedoe@gmail.com'], phones: ['+12125550147'], dob: '1985-03-14' }]);
  });

  it('reads a single "Last, First" name column, a BOM, semicolons and a title line', () => {
    const { entries, problems } = parse('\ufeffClient list exported 2026-05-01\nClient;E-mail;Phone\n"Doe, Jane Q.";jane@example.org;\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ firstNames: ['Jane Q.'], lastName: 'Doe', emails: ['jane@example.org'], phones: [], dob: null }]);
  });

  it('takes preferred names and several phone columns, and ignores columns about other people', () => {
    const { entries } = parse(
      'Legal First Name,Preferred Name,Last Name,Home Phone,Cell Phone,Provider Name,Emergency Contact Phone,Last Visit,Email Reminders\n' +
        'Robert,Bob,Smith,212-555-0101,646-555-0102,Dr Who,917-555-0103,2026-01-01,Yes\n',
    );
    expect(entries).toEqual([{ firstNames: ['Robert', 'Bob'], lastName: 'Smith', emails: [], phones: ['+12125550101', '+16465550102'], dob: null }]);
  });

  it('reads Spanish headers, where "Nombre" next to "Apellidos" is the given name', () => {
    const { entries } = parse('Nombre,Apellidos,Correo electrónico,Teléfono,Fecha de nacimiento\nJosé,García López,jose@example.org,612 34 56 78,14/03/1985\n', 'clientes.csv');
    expect(entries[0]).toMatchObject({ firstNames: ['José'], lastName: 'García López', emails: ['jose@example.org'], dob: '1985-03-14' });
  });

  it('decodes Windows-1252 and UTF-16 files', () => {
    const cp1252 = new Uint8Array([...enc('Name\nJos'), 0xe9, ...enc(' Garc'), 0xed, ...enc('a\n')]);
    expect(parse(cp1252).entries[0]).toMatchObject({ firstNames: ['José'], lastName: 'García' });
    const text = 'Name,Email\nZoë Adams,zoe@example.org\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff, (utf16[3 + i * 2] = text.charCodeAt(i) >> 8);
    expect(parse(utf16).entries[0]).toMatchObject({ firstNames: ['Zoë'], lastName: 'Adams' });
  });

  it('guesses columns when there is no header row, and says so', () => {
    const { entries, problems } = parse('Jane,Doe,jane@example.org,212-555-0147\nJohn,Roe,john@example.org,212-555-0148\n');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ firstNames: ['John'], lastName: 'Roe', emails: ['john@example.org'], phones: ['+12125550148'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/No header row/);
  });

  it('reports bad rows by number and kind, never by value', () => {
    const secret = ['Zebediah', 'Quxworth', 'not-an-email', '99-99', '45/45/1985'];
    const { entries, problems } = parse(
      `First Name,Last Name,Email,Phone,DOB\n${secret[0]},,${secret[2]},${secret[3]},${secret[4]}\n,${secret[1]},,,\nJane,Doe,,,\n`,
    );
    expect(entries).toEqual([{ firstNames: ['Jane'], lastName: 'Doe', emails: [], phones: [], dob: null }]);
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(problems.some((p) => p.startsWith('Row 2:') && /email/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('Row 2:') && /phone/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('Row 2:') && /date of birth/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('Row 3:') && /skipped/.test(p))).toBe(true);
    for (const p of problems) for (const s of secret) expect(p).not.toContain(s);
  });

  it('explains files it cannot use', () => {
    expect(parse('').problems).toEqual(['The file is empty.']);
    expect(parse('Notes,Amount\nhello,3\n').entries).toEqual([]);
    expect(parse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls').problems[0]).toMatch(/\.xls files cannot be read/);
    expect(parse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx').problems[0]).toMatch(/not a readable \.xlsx/);
    expect(parse(zipSync({ 'a.txt': strToU8('x') }), 'x.ods').problems[0]).toMatch(/cannot be read/);
  });
});

describe('parseRoster: XLSX', () => {
  it('reads the first sheet in workbook order with shared, inline and rich-text strings', () => {
    const shared = ['First Name', 'Last Name', 'Email', 'Phone', 'DOB', 'Jane', 'Doe & Co'];
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      // Sparse: no C2; phone stored as a number; DOB as a serial date (1985-03-14 = 31120).
      '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="D2"><v>2125550147</v></c><c r="E2" s="3"><v>31120</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>Jo</t></r><r><rPr/><t>sé</t></r></is></c><c r="B3" t="str"><v>Garc&#237;a</v></c><c r="C3" t="inlineStr"><is><t>jose@example.org</t></is></c></row>' +
      '<row r="4"/>';
    const { entries, problems } = parse(xlsx(sheet, shared), 'roster.xlsx');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { firstNames: ['Jane'], lastName: 'Doe & Co', emails: [], phones: ['+12125550147'], dob: '1985-03-14' },
      { firstNames: ['José'], lastName: 'García', emails: ['jose@example.org'], phones: [], dob: null },
    ]);
  });

  it('handles namespace prefixes and the 1904 date system', () => {
    const p = 'x:';
    const sheet =
      `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Name</${p}t></${p}is></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>Birth date</${p}t></${p}is></${p}c></${p}row>` +
      `<${p}row r="2"><${p}c r="A2" t="inlineStr"><${p}is><${p}t>Doe, Jane</${p}t></${p}is></${p}c><${p}c r="B2"><${p}v>29658</${p}v></${p}c></${p}row>`;
    const { entries } = parse(xlsx(sheet, [], { prefix: p, date1904: true }), 'roster.xlsx');
    expect(entries).toEqual([{ firstNames: ['Jane'], lastName: 'Doe', emails: [], phones: [], dob: '1985-03-14' }]);
  });
});
