import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/index';
import { maskValue } from '../../../src/core/mask';
import { redact } from '../../../src/core/redact';

describe('maskValue', () => {
  it('masks each kind without revealing it', () => {
    expect(maskValue('person', 'Jane Doe')).toBe('J*** D**');
    expect(maskValue('person', '@jane_doe')).toBe('@j*******');
    expect(maskValue('email', 'jane@gmail.com')).toBe('j***@g****.com');
    expect(maskValue('phone', '(415) 555-2667')).toBe('(***) ***-**67');
    expect(maskValue('phone', '+44 20 7946 0958')).toBe('+** ** **** **58');
    expect(maskValue('dob', '03/14/1985')).toBe('**/**/****');
    expect(maskValue('hashed_id', 'A'.repeat(64))).toBe('aaaa… (SHA-256)');
    expect(maskValue('address', '12 Oak Street')).toBe('** O** S*****');
  });
});

describe('redact', () => {
  it('replaces identifiers with numbered placeholders and keeps the table', () => {
    const text = 'name,email,phone\nJane Doe,jane@gmail.com,(415) 555-2671\n"Doe, Jane",jane@gmail.com,415.555.2671\nLi Wei,li@outlook.com,(212) 555-0123';
    const out = redact(text, classify(text));
    expect(out).toBe(
      'name,email,phone\n[NAME 1],[EMAIL 1],[PHONE 1]\n"[NAME 2]",[EMAIL 1],[PHONE 1]\n[NAME 3],[EMAIL 2],[PHONE 2]',
    );
  });

  it('keeps clinical words and line breaks in free text', () => {
    const text = 'My client Sarah Jones (sarah@x.org)\nwas diagnosed with PTSD.';
    expect(redact(text, classify(text))).toBe('My client [NAME 1] ([EMAIL 1])\nwas diagnosed with PTSD.');
  });

  it('ignores findings that do not fit the text', () => {
    const c = classify('Jane Doe, jane@x.com');
    expect(redact('short', c)).toBe('short');
  });
});
