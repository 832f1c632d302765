import { describe, expect, it } from 'vitest';
import { DelimitedCursor, JsonCursor, collectRows, detectDelimiter, looksLikeJson, type Row, type Table } from '../../../src/core/classifier/structure';
import { typeColumns as typeColumnSteps, isHeaderRow } from '../../../src/core/classifier/columns';
import { runToEnd } from '../../../src/core/classifier/steps';

const typeColumns = (...args: Parameters<typeof typeColumnSteps>) => runToEnd(typeColumnSteps(...args));

const parse = (text: string, d: string) => collectRows(new DelimitedCursor(text, d));
function json(text: string): { rows: Row[]; columns: string[] } {
  const cursor = new JsonCursor(text);
  const rows = collectRows(cursor).filter((r) => r.cells.length > 0);
  return { rows, columns: cursor.columns };
}
const cells = (text: string, rows: Row[]) =>
  rows.map((r) => {
    const out: string[] = [];
    for (let k = 0; k < r.cells.length; k += 3) out.push(text.slice(r.cells[k + 1] as number, r.cells[k + 2] as number));
    return out;
  });

describe('detectDelimiter', () => {
  it('picks tab, comma, semicolon or pipe by consistency', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n4\t5\t6')).toBe('\t');
    expect(detectDelimiter('a,b\n1,2\n3,4')).toBe(',');
    expect(detectDelimiter('a;b;c\n"x;y";2;3\n4;5;6')).toBe(';');
    expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|');
  });
  it('does not call prose a table', () => {
    expect(detectDelimiter('Hello, my name is Jo and I like long walks, sunsets and tea, really.\nThe weather, however, was bad today and we, as a family, stayed in all day long.\nNo commas here')).toBeNull();
    expect(detectDelimiter('one line only, with, commas')).toBeNull();
  });
});

describe('parseDelimited', () => {
  it('handles quotes, escaped quotes, embedded delimiters and line breaks, CRLF', () => {
    const text = 'name,note\r\n"Doe, Jane","said ""hi""\nthen left"\r\nBob,plain';
    expect(cells(text, parse(text, ','))).toEqual([
      ['name', 'note'],
      ['Doe, Jane', 'said ""hi""\nthen left'],
      ['Bob', 'plain'],
    ]);
  });
  it('tolerates unterminated and stray quotes', () => {
    const text = 'a,"b\nc,d';
    expect(parse(text, ',').length).toBe(1);
    const stray = 'x"y,z\n1,2';
    expect(cells(stray, parse(stray, ','))).toEqual([
      ['x"y', 'z'],
      ['1', '2'],
    ]);
  });
});

describe('scanJson', () => {
  it('makes each array element a record, nested fields included', () => {
    const text = JSON.stringify({ clients: [{ id: 1, profile: { fullName: 'Jane Doe' }, contact: { email: 'j@x.com' } }, { id: 2, profile: { fullName: 'Li Wei' } }] });
    const t = json(text);
    expect(t.rows).toHaveLength(2);
    expect(t.columns).toEqual(['id', 'full name', 'email']);
    expect(cells(text, t.rows)).toEqual([['1', 'Jane Doe', 'j@x.com'], ['2', 'Li Wei']]);
  });
  it('reads a single object and truncated JSON', () => {
    expect(json('{"name":"Jane Doe","email":"j@x.com"}').rows).toHaveLength(1);
    expect(json('[{"name":"Jane Doe"},{"name":"Li').rows).toHaveLength(2);
  });
  it('recognises JSON text', () => {
    expect(looksLikeJson('  [{"a":1}]')).toBe(true);
    expect(looksLikeJson('[x] marks the spot')).toBe(false);
  });
});

describe('columns', () => {
  function table(text: string): Table {
    const rows = parse(text, ',');
    const t: Table = { kind: 'delimited', delimiter: ',', columns: [], hasHeader: false, headerEnd: 0, sample: rows, open: () => new DelimitedCursor(text, ',') };
    if (isHeaderRow(text, rows, 0)) {
      t.columns = cells(text, [rows[0] as Row])[0]!.map((v) => v.toLowerCase());
      t.hasHeader = true;
      t.sample = rows.slice(1);
    }
    return t;
  }
  it('types columns by header, in several languages and ad-upload names', () => {
    const text = 'nombre,correo,teléfono,fn,ln,dob\nAna,a@x.es,600 123 456,Ana,Ruiz,1990-01-02\nLuis,l@x.es,600 123 457,Luis,Gil,1985-03-04';
    const kinds = typeColumns(text, table(text)).map((c) => c.kind);
    expect(kinds).toEqual(['name', 'email', 'phone', 'first', 'last', 'dob']);
  });
  it('types columns by values when there is no header', () => {
    const text = 'Jane Smith,jane@gmail.com,(415) 555-2671\nMaria Garcia,maria@yahoo.com,(212) 555-0123\nDavid Brown,dbrown@aol.com,(646) 555-0100';
    const t = table(text);
    expect(t.hasHeader).toBe(false);
    expect(typeColumns(text, t).map((c) => c.kind)).toEqual(['name', 'email', 'phone']);
  });
  it('does not take product names under a "name" header for people', () => {
    const text = 'name,price\nWireless Mouse,19.99\nSteel Desk Lamp,45.00\nErgonomic Chair,210.00';
    expect(typeColumns(text, table(text))[0]?.kind).toBe('other');
  });
  it('does not take a column of bare numbers for phones without a header', () => {
    const text = 'id,total\n1,4155552671\n2,2125550123\n3,6465550100';
    expect(typeColumns(text, table(text))[1]?.kind).toBe('other');
  });
});
