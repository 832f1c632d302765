import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { extractText, decodeText } from '../../../src/core/extract/index';
import { xlsxBytes } from '../../fixtures/classifier/generators';

const u8 = (s: string) => new TextEncoder().encode(s);

describe('extractText', () => {
  it('reads CSV, TSV, TXT and JSON as text with a form', async () => {
    expect(await extractText(u8('a,b\n1,2'), 'list.csv', 'text/csv')).toEqual({ ok: true, text: 'a,b\n1,2', form: 'csv' });
    expect(await extractText(u8('a\tb'), 'list.tsv', '')).toEqual({ ok: true, text: 'a\tb', form: 'csv' });
    expect(await extractText(u8('hello'), 'note.txt', 'text/plain')).toEqual({ ok: true, text: 'hello', form: 'text' });
    expect(await extractText(u8('[{"a":1}]'), 'x.json', 'application/json')).toEqual({ ok: true, text: '[{"a":1}]', form: 'json' });
  });

  it('turns HTML into tab-separated rows', async () => {
    const x = await extractText(u8('<html><body><table><tr><th>Name</th><th>Email</th></tr><tr><td>Jane</td><td>j@x.com</td></tr></table></body></html>'), 'page.html', 'text/html');
    expect(x).toEqual({ ok: true, text: 'Name\tEmail\nJane\tj@x.com', form: 'html' });
  });

  it('reads XLSX shared strings, inline strings and numbers, keeping column gaps', async () => {
    const bytes = xlsxBytes([
      ['Name', 'Email', 'Visits'],
      ['Jane Doe', 'jane@x.com', '3'],
    ]);
    expect(await extractText(bytes, 'c.xlsx', '')).toEqual({ ok: true, text: 'Name\tEmail\tVisits\nJane Doe\tjane@x.com\t3', form: 'csv' });
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Li &amp; Wei</t></is></c><c r="C1"><v>42</v></c></row></sheetData></worksheet>';
    const z = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    expect(await extractText(z, 'c.xlsx', '')).toEqual({ ok: true, text: 'Li & Wei\t\t42', form: 'csv' });
  });

  it('refuses binary, oversized, damaged and undecodable input', async () => {
    expect(await extractText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'a.out', '')).toEqual({ ok: false, problem: 'binary' });
    expect(await extractText(u8('x'.repeat(100)), 'big.csv', '', 50)).toEqual({ ok: false, problem: 'too_large' });
    expect(await extractText(u8('PK\u0003\u0004 not really a zip'), 'c.xlsx', '')).toEqual({ ok: false, problem: 'unreadable' });
    expect(await extractText(zipSync({ 'a.txt': strToU8('hi') }), 'a.zip', '')).toEqual({ ok: false, problem: 'binary' });
    // Shift-JIS bytes: not UTF-8, mostly high bytes.
    expect(await extractText(new Uint8Array([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4, 0x82, 0xa6]), 'j.txt', '')).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('refuses an XLSX whose parts inflate far beyond the limit', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(2_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    expect(await extractText(bomb, 'bomb.xlsx', '', 100_000)).toEqual({ ok: false, problem: 'too_large' });
  });
});

describe('decodeText', () => {
  it('handles BOMs, UTF-16 and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({ ok: true, text: 'hi' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]))).toEqual({ ok: true, text: 'hi' });
    expect(decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toEqual({ ok: true, text: 'José' });
  });
});
