import { describe, expect, it } from 'vitest';
import { findEmails, findObfuscatedEmails, isRoleLocal, roleLocal } from '../../../src/core/classifier/email';
import { values } from './helpers';

describe('findEmails', () => {
  it('finds ordinary, tagged, sub-domain and international addresses', () => {
    expect(values('Write to jane.doe+intake@mail.example.co.uk today.', findEmails)).toEqual(['jane.doe+intake@mail.example.co.uk']);
    expect(values('a: o_connor@clinic.health, b: "x-y@z.io"', findEmails)).toEqual(['o_connor@clinic.health', 'x-y@z.io']);
    expect(values('josé.garcía@correo.es', findEmails)).toEqual(['josé.garcía@correo.es']);
    expect(values('名前＠example.jp', findEmails)).toEqual(['名前＠example.jp']);
  });

  it('drops trailing punctuation and sentence dots', () => {
    expect(values('mail me (bob@x.org).', findEmails)).toEqual(['bob@x.org']);
    expect(values('end: amy@y.com.', findEmails)).toEqual(['amy@y.com']);
  });

  it('ignores handles, npm scopes, package versions and hosts without a TLD', () => {
    expect(values('thanks @jane_doe and @faker-js/faker', findEmails)).toEqual([]);
    expect(values('npm i lodash@4.17.21 react@latest', findEmails)).toEqual([]);
    expect(values('ssh root@localhost', findEmails)).toEqual([]);
    expect(values('a@b', findEmails)).toEqual([]);
  });

  it('marks role mailboxes', () => {
    expect(isRoleLocal('info')).toBe(true);
    expect(isRoleLocal('Support')).toBe(true);
    expect(isRoleLocal('noreply')).toBe(true);
    expect(isRoleLocal('jane.doe')).toBe(false);
    expect(isRoleLocal('sales2')).toBe(true);
  });

  it('knows every role name in any case, before a tag or a number, and nothing around it', () => {
    for (const role of roleLocal()) {
      // isRoleLocal() turns away anything longer or with other characters without a lookup.
      expect(role).toMatch(/^[a-z-]{1,15}$/);
      const upper = role.toUpperCase();
      for (const local of [role, upper, `${role}+tag`, `${upper}7`, `${role}_1`, `${role}.2`, `${role}-99`]) expect(isRoleLocal(local), local).toBe(true);
      for (const local of [`x${role}`, `${role}x1`, `${role}.x`, `${role}é`, `1${role}`]) expect(isRoleLocal(local), local).toBe(false);
    }
    for (const local of ['maria.garcia42', 'sales.team', 'info_desk', 'a+info', '']) expect(isRoleLocal(local), local).toBe(false);
    // In the text: the found address's own local part is what is asked about.
    const text = 'Write to Support+Web@clinic.org, jane.doe@clinic.org or OFFICE2＠clinic.org.';
    const out: Parameters<typeof findEmails>[3] = [];
    findEmails(text, 0, text.length, out);
    expect(out.map((h) => [h.key, h.role])).toEqual([
      ['support+web@clinic.org', true],
      ['jane.doe@clinic.org', false],
      ['office2@clinic.org', true],
    ]);
  });
});

describe('findObfuscatedEmails', () => {
  it('reads spelled-out forms', () => {
    expect(values('reach me: jane at gmail dot com', findObfuscatedEmails)).toEqual(['jane at gmail dot com']);
    expect(values('bob(at)example(dot)org', findObfuscatedEmails)).toEqual(['bob(at)example(dot)org']);
    expect(values('amy [at] clinic [dot] health', findObfuscatedEmails)).toEqual(['amy [at] clinic [dot] health']);
    expect(values('JOE AT YAHOO DOT COM', findObfuscatedEmails)).toEqual(['JOE AT YAHOO DOT COM']);
    expect(values('sam at hotmail.com', findObfuscatedEmails)).toEqual(['sam at hotmail.com']);
  });

  it('leaves ordinary prose alone', () => {
    expect(values('We met at the park. See you at noon.', findObfuscatedEmails)).toEqual([]);
    expect(values('She works at amazon.com now', findObfuscatedEmails)).toEqual([]);
    expect(values('look at example dot', findObfuscatedEmails)).toEqual([]);
  });
});
