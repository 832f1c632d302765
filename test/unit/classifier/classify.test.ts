import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/index';
import { redact } from '../../../src/core/redact';
import type { MaskedExample, RosterMatcher } from '../../../src/core/types';

const LIST = ['Jane Doe, jane.doe@gmail.com, (415) 555-2671', 'Omar Haddad, omar.h@yahoo.com, 212-555-0123', 'Li Wei, li.wei@outlook.com, +44 20 7946 0958'];

describe('classify: client lists', () => {
  it('warns on three people with contacts, in any layout', () => {
    for (const text of [
      LIST.join('\n'),
      'name,email\n' + LIST.map((l) => l.split(', ').slice(0, 2).join(',')).join('\n'),
      LIST.map((l) => l.split(', ').join('\t')).join('\r\n'),
      LIST.map((l) => `${l.split(', ')[0]} <${l.split(', ')[1]}>`).join(', '),
      JSON.stringify(LIST.map((l) => ({ name: l.split(', ')[0], phone: l.split(', ')[2] }))),
    ]) {
      const c = classify(text);
      expect(c.verdict, text).toBe('warning');
      expect(c.reasons).toContain('client_list');
      expect(c.people).toBe(3);
    }
  });

  it('cautions on two people and says nothing about one', () => {
    expect(classify(LIST.slice(0, 2).join('\n')).verdict).toBe('caution');
    expect(classify(LIST[0] as string).verdict).toBe('none');
  });

  it('honours listThreshold', () => {
    expect(classify(LIST.join('\n'), { listThreshold: 4 }).verdict).toBe('caution');
    expect(classify(LIST.slice(0, 2).join('\n'), { listThreshold: 2 }).verdict).toBe('warning');
  });

  it('warns on bare contacts laid out as a list, not on a business page', () => {
    expect(classify('jane@gmail.com\nbob@yahoo.com\namy@icloud.com').verdict).toBe('warning');
    expect(classify('(415) 555-2671\n(212) 555-0123\n(646) 555-0100').verdict).toBe('warning');
    expect(classify('Main office (415) 555-2671, billing (212) 555-0123 and fax (646) 555-0100 are open 9-5.').verdict).toBe('none');
    expect(classify('Write to info@acme.com, sales@acme.com or support@acme.com.').verdict).toBe('none');
  });

  it('warns on names alone under a client header, not on a plain list of names', () => {
    expect(classify('Client Name\nJane Doe\nOmar Haddad\nLi Wei').verdict).toBe('warning');
    expect(classify('Speakers\nJane Doe\nOmar Haddad\nLi Wei').verdict).toBe('none');
  });

  it('reads a post under a title with "client" in it as a post, not as a one-per-line list', () => {
    const story =
      'Client success story\n\nWhen Hannah Lindqvist first came to see me last spring, she had been living with generalized anxiety disorder for years and was barely sleeping. After twelve weeks she is back at work.\n\nIf you are struggling the way Hannah was, book a consultation.\n#therapy';
    const c = classify(story);
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toEqual(['clinical_context']);
    expect(c.people).toBe(1);
    // Spans of the names themselves, not of the lines they are in.
    expect(c.findings.filter((f) => f.type === 'person').map((f) => story.slice(f.start, f.end))).toEqual(['Hannah Lindqvist', 'Hannah']);
    // Short values under the same title are still a list.
    expect(classify('Client success stories\nHannah Lindqvist\nOmar Haddad\nLi Wei').reasons).toContain('client_list');
  });

  it('does not count businesses as people', () => {
    const dir = 'Company,Phone,Website\nAcme LLC,(415) 555-2671,https://acme.com\nBolt Inc,212-555-0123,https://bolt.io\nCedar Group,646-555-0100,https://cedar.net';
    expect(classify(dir).verdict).toBe('none');
  });

  it('reads a printed directory of businesses and practitioners as no client list, in lines or blocks', () => {
    const entries = [
      ['Olson Plumbing', '(235) 478-0971', '95821 Rowe Loaf, Maggiomouth, OK 44890'],
      ['Frami & Bosco LLP', '(494) 345-8958', '40736 Jacobi Court, Reynamouth, SC 75799'],
      ['Dr. Hipolito Collier, DDS', '(466) 864-4111', '114 Cassandra Bypass, Johnsonside, IA 52926'],
      ['Chesley Bechtelar, LCSW', '(427) 671-5004', '927 Cordie Station, Fort Cordelia, ME 18233'],
      ['Law Office of Anna Berg', '(855) 350-3307', '299 Brook Lane, Denver, CO 80203'],
      ["Alford's Bakery", '(443) 417-8871', '47342 Manor Road, Jasthaven, VA 06919'],
    ];
    const lines = entries.map(([n, p, a]) => `${n} — ${p} — ${a}`).join('\n');
    const blocks = entries.map(([n, p, a]) => `${n}\n${a}\n${p}\n`).join('\n');
    for (const text of [lines, blocks]) {
      const c = classify(text);
      expect(c.verdict, text).toBe('none');
      expect(c.people).toBe(0);
    }
    // The same layouts with clients' names in them are a client list.
    const clients = [
      ['Hannah Lindqvist', '(235) 478-0971', '95821 Rowe Loaf, Maggiomouth, OK 44890'],
      ['Omar Haddad', '(494) 345-8958', '40736 Jacobi Court, Reynamouth, SC 75799'],
      ['Xyrel Qwon', '(466) 864-4111', '114 Cassandra Bypass, West Arjun, IA 52926'],
    ];
    expect(classify(clients.map(([n, p, a]) => `${n} — ${p} — ${a}`).join('\n')).verdict).toBe('warning');
    expect(classify(clients.map(([n, p, a]) => `${n}\n${a}\n${p}\n`).join('\n')).verdict).toBe('warning');
    // Surnames that are also place words are people, not businesses.
    expect(classify('Ricki Lake — (415) 555-2671\nEmily Post — (212) 555-0123\nJohn Mount — (646) 555-0100').people).toBe(3);
  });

  it("reads a role's line on a contact page as the role's, and a named staff member as a person", () => {
    const roles = 'Billing Coordinator: billing@clinic.example · (415) 555-2671\nFront Desk: (212) 555-0123\nInternal Security Consultant: (646) 555-0100\nIntake Specialist: (646) 555-0101';
    const c = classify(roles);
    expect(c.verdict).toBe('none');
    expect(c.findings.filter((f) => f.type === 'person')).toEqual([]);
    expect(classify('Jane Doe, Office Manager: (415) 555-2671\nOmar Haddad, Billing Coordinator: (212) 555-0123\nLi Wei, Front Desk: (646) 555-0100').people).toBe(3);
  });

  it('takes a first line of data for data, not for a header ("iPhone" is no phone column)', () => {
    const devices = ['iPhone 15 Pro 198GB – model A0200 – IMEI 93-624875-338130-4', 'Galaxy S24 487GB – model A5337 – IMEI 17-129398-103693-6', 'Pixel 8 256GB – model A1302 – IMEI 38-390337-934286-0', 'iPhone 15 Pro 64GB – model A7047 – IMEI 95-041621-517993-6'].join('\n');
    expect(classify(devices).verdict).toBe('none');
    expect(classify('Part No,Description\n410-843-2245,Bolt\n319-499-8895,Nut\n770-444-3874,Washer').verdict).toBe('none');
  });

  it('reads businesses under a "name" key or in a headerless first column as businesses, and state codes as no names', () => {
    const places = [
      { name: 'Hintz, Walsh and Emmerich', phone: '(235) 478-0971', city: 'Grand Prairie', state: 'KY' },
      { name: "Denny's Diner", phone: '(494) 345-8958', city: 'Reynamouth', state: 'CA' },
      { name: 'Dr. Eldon Carter, DDS', phone: '(466) 864-4111', city: 'Annetteworth', state: 'VA' },
      { name: 'Olson Plumbing', phone: '(427) 671-5004', city: 'Maureenberg', state: 'CA' },
    ];
    expect(classify(JSON.stringify(places)).verdict).toBe('none');
    const tsv = places.map((p) => [p.name, p.phone, p.city, p.state, '44890'].join('\t')).join('\n');
    const c = classify(tsv);
    expect(c.verdict).toBe('none');
    // The practitioner's name is still a name (redaction removes it); nobody is a client.
    expect(c.findings.filter((f) => f.type === 'person').map((f) => tsv.slice(f.start, f.end))).toEqual(['Eldon Carter']);
    expect(c.people).toBe(0);
    // People in the same columns are a client list.
    const people = ['Hannah Lindqvist', 'Omar Haddad', 'Li Wei', 'Maria Lopez'].map((n, k) => ({ ...places[k], name: n }));
    expect(classify(JSON.stringify(people)).verdict).toBe('warning');
    expect(classify(people.map((p) => [p.name, p.phone, p.city, p.state, '44890'].join('\t')).join('\n')).verdict).toBe('warning');
  });
});

describe('classify: clinical context', () => {
  it('warns on an identifier next to clinical words', () => {
    const c = classify('My client Sarah Jones was diagnosed with PTSD last week.');
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toEqual(['clinical_context']);
    expect(classify('jane.doe@gmail.com - intake on Monday, F41.1').verdict).toBe('warning');
    expect(classify('Kim, started on sertraline').verdict).toBe('warning');
  });

  it('warns on a name in the Arabic or Hebrew script next to a diagnosis, and masks it', () => {
    const c = classify('My client ريم بن عاشور was diagnosed with PTSD.');
    expect(c.verdict).toBe('warning');
    expect(c.examples).toEqual([{ type: 'person', masked: 'ر** ب* ع****' }]);
    expect(classify('Session with יוסף כהן about his bipolar disorder.').verdict).toBe('warning');
  });

  it('cautions on a full name next to therapy words, not on a first name alone', () => {
    expect(classify('Thanks Sarah Miller for the kind review! We loved our therapy sessions.').verdict).toBe('caution');
    expect(classify('Thanks Sarah for the kind review! We loved our sessions.').verdict).toBe('none');
  });

  it('says nothing about clinical words without an identifier, or far from one', () => {
    expect(classify('Struggling with anxiety or depression? Book a therapy session today.').verdict).toBe('none');
    const far = 'Jane Doe wrote the book.\n\n' + 'x '.repeat(200) + '\n\nDepression is common.';
    expect(classify(far).verdict).toBe('none');
  });

  it('does not read a clinical word as a name: a form label is not a client', () => {
    expect(classify('Name: Intake Form').verdict).toBe('none');
    expect(classify("What's your name? Anxiety, it says.").verdict).toBe('none');
    // A real name after the same words still makes the warning.
    const c = classify('Name: Quellin Zorvash. Intake done, diagnosis PTSD.');
    expect(c.verdict).toBe('warning');
    expect(c.findings.some((f) => f.type === 'person')).toBe(true);
  });

  it('does not take a contact label for the name of the contact\'s owner', () => {
    const t = 'Tel. 030.12.34.56.78 / Fax. 030 1234 5679';
    expect(classify(t).findings.filter((f) => f.type === 'person')).toEqual([]);
  });

  it('does not warn on a case written the de-identified way', () => {
    // What the warning itself recommends: a letter or a placeholder instead of the name.
    expect(classify('Ms. A, 34, presented with PTSD after the accident.').verdict).toBe('none');
    expect(classify('Mr. B has bipolar disorder and is doing well.').verdict).toBe('none');
    expect(classify('Name: Anonymous, diagnosis PTSD').verdict).toBe('none');
    expect(classify('Ms. Redacted started sertraline in May.').verdict).toBe('none');
    // An initial with a surname is a name.
    expect(classify('Ms. A. Jones has PTSD').verdict).toBe('warning');
  });

  it('treats a diagnosis column as clinical context for every row', () => {
    const c = classify('Client,Diagnosis\nJane Doe,F32.1\nOmar Haddad,GAD');
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toContain('clinical_context');
  });
});

describe('classify: hashed lists', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  it('warns on a list of hashed emails', () => {
    const c = classify(['a@x.com', 'b@y.com', 'c@z.com'].map(sha).join('\n'));
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toEqual(['hashed_list']);
  });
  it('ignores checksums next to file names and UUIDs', () => {
    expect(classify(['a', 'b', 'c'].map((f) => `${sha(f)}  release-${f}.tar.gz`).join('\n')).verdict).toBe('none');
    expect(classify(['b0421256-86a3-4e0a-9682-3cf5bee102e1', '7e57d004-2b97-4e7a-b45f-5387367791cd', '1b4e28ba-2fa1-41d2-883f-0016d3cca427'].map((u) => u.replace(/-/g, '')).join('\n')).verdict).toBe('none');
  });
});

describe('classify: a review reply that confirms someone is a client', () => {
  it('warns on a first name spoken to next to a diagnosis', () => {
    const reply = "Thank you so much, Dana! It was a privilege to work with you on your depression and panic attacks these past months. I'm so glad our sessions helped.";
    const c = classify(reply);
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toEqual(['clinical_context']);
    expect(classify('Thank you so much, Dana! See you at the open house.').verdict).toBe('none');
  });
});

describe('classify: own identities and roster', () => {
  it('never flags the practice own identities', () => {
    const text = 'Dr. Jane Doe, jane.doe@gmail.com, (415) 555-2671\nbooking@calmclinic.com\n(415) 555-2672\nDr. Doe offers therapy for anxiety.';
    const own = { emails: ['jane.doe@gmail.com'], emailDomains: ['calmclinic.com'], phones: ['+1 415 555 2671', '4155552672'], names: ['Dr. Jane Doe, LCSW'] };
    const c = classify(text, { ownIdentities: own });
    expect(c.verdict).toBe('none');
    expect(c.findings.filter((f) => f.type !== 'clinical')).toEqual([]);
  });

  it('warns on a roster match', () => {
    const roster: RosterMatcher = { size: 1, match: (t: string): MaskedExample[] => (t.includes('Quinn') ? [{ type: 'person', masked: 'Q**** R***' }] : []) };
    const c = classify('Quinn Rowe was here', { roster });
    expect(c.verdict).toBe('warning');
    expect(c.reasons).toEqual(['known_client']);
    expect(c.rosterMatches).toEqual([{ type: 'person', masked: 'Q**** R***' }]);
    expect(classify('nobody here', { roster }).rosterMatches).toBeUndefined();
  });

  it('adds roster mentions the detectors missed to the findings, so redaction removes them', () => {
    const text = 'so glad dana whitfield liked it, said dana whitfield';
    const at = (from: number) => ({ type: 'person' as const, start: text.indexOf('dana whitfield', from), end: text.indexOf('dana whitfield', from) + 14 });
    const roster: RosterMatcher = {
      size: 1,
      match: (t) => (t.includes('dana whitfield') ? [{ type: 'person', masked: 'D*** W********' }] : []),
      matchSpans: () => [at(0), at(20)],
    };
    const c = classify(text, { roster });
    expect(c.reasons).toContain('known_client');
    expect(redact(text, c)).toBe('so glad [NAME 1] liked it, said [NAME 1]');
  });

  it('survives a roster that throws', () => {
    const roster: RosterMatcher = {
      size: 1,
      match: () => {
        throw new Error('broken');
      },
    };
    expect(classify('hello', { roster }).verdict).toBe('none');
  });
});

describe('classify: output', () => {
  it('gives spans into the text, masked examples and counts', () => {
    const text = LIST.join('\n');
    const c = classify(text);
    expect(c.counts).toEqual({ person: 3, email: 3, phone: 3 });
    for (const f of c.findings) expect(f.end).toBeGreaterThan(f.start);
    expect(text.slice(c.findings[0]!.start, c.findings[0]!.end)).toBe('Jane Doe');
    expect(c.examples.length).toBeLessThanOrEqual(5);
    expect(c.examples[0]).toEqual({ type: 'person', masked: 'J*** D**' });
    expect(c.examples.map((e) => e.type)).toEqual(['person', 'email', 'phone', 'person', 'email']);
    const all = JSON.stringify(c.examples);
    for (const v of ['Jane', 'jane.doe', '555-2671', 'Omar']) expect(all).not.toContain(v);
  });

  it('counts a first name near the full name it belongs to as the same person', () => {
    const one = 'Hannah Lindqvist was treated for depression last year. Hannah is back at work now.';
    expect(classify(one).people).toBe(1);
    // Two Hannahs: the lone one is one of them, not a third person.
    expect(classify('Hannah Lindqvist and Hannah Berg were treated for depression. Hannah said thanks.').people).toBe(2);
    // A first name of nobody else in the text is someone else; so is a full name's namesake far away.
    expect(classify('Hannah Lindqvist was treated for depression. Maria is back at work now.').people).toBe(2);
    const far = `Hannah Lindqvist was treated for depression.\n${'We met for coffee. '.repeat(120)}\nHannah said hi.`;
    expect(classify(far).people).toBe(2);
    expect(classify(`Hannah said hi.\n${'We met for coffee. '.repeat(120)}\nHannah Lindqvist was treated for depression.`).people).toBe(2);
    expect(classify(`Hannah said hi.\nWe met for coffee.\nHannah Lindqvist was treated for depression.`).people).toBe(1);
    // A lone name with a contact is a record of its own.
    expect(classify('Hannah Lindqvist was treated for depression. Hannah: (415) 555-2671').people).toBe(2);
  });

  it('is deterministic', () => {
    const text = LIST.join('\n') + '\nmy client Jo has GAD';
    expect(JSON.stringify(classify(text))).toBe(JSON.stringify(classify(text)));
  });

  it('uses the HTML flavour of a paste when its table says more', () => {
    const html = '<table><tr><td>Jane Doe</td><td>jane@gmail.com</td></tr><tr><td>Omar Haddad</td><td>omar@yahoo.com</td></tr><tr><td>Li Wei</td><td>li@outlook.com</td></tr></table>';
    const c = classify({ text: 'Jane Doe jane@gmail.com Omar Haddad omar@yahoo.com Li Wei li@outlook.com', html });
    expect(c.verdict).toBe('warning');
    expect(classify({ text: '', html }).verdict).toBe('warning');
  });

  it('accepts odd inputs without throwing', () => {
    expect(classify('').verdict).toBe('none');
    expect(classify({ text: undefined as unknown as string }).verdict).toBe('none');
    expect(classify(null as unknown as string).verdict).toBe('none');
    expect(classify('x', { listThreshold: Number.NaN }).verdict).toBe('none');
  });
});
