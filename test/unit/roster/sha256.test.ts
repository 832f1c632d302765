// The pure-TS SHA-256 / HMAC must agree with Node's OpenSSL on every length and key shape.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSha256, bytesToHex, hexToBytes, sha256 } from '../../../src/core/roster';
import { wordsToHex } from '../../../src/core/roster/sha256';

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('sha256', () => {
  it('matches known answers', () => {
    expect(bytesToHex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bytesToHex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto for every length across block boundaries', () => {
    for (let len = 0; len < 200; len++) {
      const m = bytes(len, len + 1);
      expect(bytesToHex(sha256(m)), `length ${len}`).toBe(createHash('sha256').update(m).digest('hex'));
    }
  });
});

describe('HmacSha256', () => {
  it('passes RFC 4231 test cases 1, 2 and 6 (key longer than a block)', () => {
    const tc1 = new HmacSha256(new Uint8Array(20).fill(0x0b)).digest(new TextEncoder().encode('Hi There'));
    expect(bytesToHex(tc1)).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    const tc2 = new HmacSha256(new TextEncoder().encode('Jefe')).digest('what do ya want for nothing?');
    expect(bytesToHex(tc2)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const tc6 = new HmacSha256(new Uint8Array(131).fill(0xaa)).digest('Test Using Larger Than Block-Size Key - Hash Key First');
    expect(bytesToHex(tc6)).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('matches node:crypto for byte messages of any length and keys of any size', () => {
    for (const keyLen of [1, 16, 32, 63, 64, 65, 200]) {
      const key = bytes(keyLen, keyLen * 7);
      const hmac = new HmacSha256(key);
      for (let len = 0; len < 140; len += 3) {
        const m = bytes(len, len * 13 + keyLen);
        expect(bytesToHex(hmac.digest(m)), `key ${keyLen}, length ${len}`).toBe(createHmac('sha256', key).update(m).digest('hex'));
      }
    }
  });

  it('hashes strings as UTF-8, on the ASCII fast path and off it', () => {
    const key = bytes(32, 99);
    const hmac = new HmacSha256(key);
    const strings = [
      '',
      'n:jane doe',
      'x'.repeat(55), // longest single-block message
      'x'.repeat(56),
      'e:' + 'a'.repeat(120) + '@example.org',
      'n:josé garcía',
      'n:zoë ß 😀',
      'lone \ud800 surrogate',
      'ü'.repeat(40),
    ];
    for (const s of strings) expect(bytesToHex(hmac.digest(s)), s).toBe(createHmac('sha256', key).update(s, 'utf8').digest('hex'));
  });

  it('keeps no state between messages', () => {
    const hmac = new HmacSha256(bytes(32, 5));
    const first = bytesToHex(hmac.digest('n:jane doe'));
    hmac.digest('something much longer than one block '.repeat(5));
    hmac.digest('n:josé');
    expect(bytesToHex(hmac.digest('n:jane doe'))).toBe(first);
  });
});

describe('hex', () => {
  it('round-trips and rejects non-hex', () => {
    const b = bytes(33, 1);
    expect(hexToBytes(bytesToHex(b))).toEqual(b);
    expect(() => hexToBytes('abc')).toThrow();
    expect(() => hexToBytes('zz')).toThrow();
  });
});

describe('HmacSha256.digestConcatInto', () => {
  it('equals the HMAC of the concatenation, ASCII or not, short or long', () => {
    const key = bytes(32, 7);
    const hmac = new HmacSha256(key);
    const out = new Int32Array(8);
    const hex = () => wordsToHex(out, 8);
    for (const [a, b, c, d] of [
      ['n:', 'jane', ' ', 'doe'],
      ['n:', 'josé', ' ', 'garcía'],
      ['n:', 'x'.repeat(30), ' ', 'y'.repeat(20)], // 53 bytes: one block
      ['n:', 'x'.repeat(30), ' ', 'y'.repeat(23)], // 56 bytes: two blocks
      ['', '', '', ''],
      ['a', 'b', 'c', 'd'],
    ] as const) {
      hmac.digestConcatInto(a, b, c, d, out);
      expect(hex(), a + b + c + d).toBe(createHmac('sha256', key).update(a + b + c + d, 'utf8').digest('hex'));
    }
  });
});
