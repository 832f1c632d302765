// managed_schema.json is what Chromium validates policy against and what admins read; these
// checks keep it complete, loadable by Chromium, and in step with the validator's rules.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGED_KEYS, MANAGED_SCHEMA, checkSchema, type SchemaNode } from '../../../src/core/policy/schema';
import { POLICY_RULES } from '../../../src/core/policy/policy';

const ROOT = join(__dirname, '../../..');
const CHROMIUM_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

// Every key the brief (issue 6) names, including the roster keys read by the roster feature.
const EXPECTED_KEYS = [
  'mode', 'allowShareAnyway', 'requireReason', 'disabledCategories', 'disabledSites', 'addedSites',
  'listThreshold', 'ownEmails', 'ownEmailDomains', 'ownPhones', 'ownNames', 'supportContact',
  'customMessage', 'reportingEndpoint', 'reportingAuthorization', 'reportingLevel', 'deviceLabel',
  'historyRetentionDays', 'adminNote', 'rosterKey', 'rosterUrl', 'rosterInline',
];

function walk(node: SchemaNode, path: string, visit: (node: SchemaNode, path: string) => void): void {
  visit(node, path);
  for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${k}`, visit);
  if (node.items) walk(node.items, `${path}[]`, visit);
}

describe('managed_schema.json', () => {
  it('is what manifest.json declares', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { storage?: { managed_schema?: string } };
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    expect(JSON.parse(readFileSync(join(ROOT, 'managed_schema.json'), 'utf8'))).toEqual(MANAGED_SCHEMA);
  });

  it('declares exactly the policy keys of issue 6', () => {
    expect([...MANAGED_KEYS].sort()).toEqual([...EXPECTED_KEYS].sort());
  });

  it('has a title and a description for every key', () => {
    for (const key of MANAGED_KEYS) {
      const node = MANAGED_SCHEMA.properties?.[key];
      expect(node?.title, key).toMatch(/\S/);
      expect(node?.description?.length ?? 0, key).toBeGreaterThan(20);
    }
  });

  it('uses only what Chromium\'s schema loader accepts', () => {
    // Chromium: the top level is an object without additionalProperties; every node has a
    // known type; arrays say what their items are.
    expect(MANAGED_SCHEMA.type).toBe('object');
    expect(MANAGED_SCHEMA).not.toHaveProperty('additionalProperties');
    walk(MANAGED_SCHEMA, '$', (node, path) => {
      expect(CHROMIUM_TYPES, path).toContain(node.type);
      if (node.type === 'array') expect(node.items, path).toBeDefined();
    });
  });

  it('has one validator rule per key and no rule without a key', () => {
    expect(Object.keys(POLICY_RULES).sort()).toEqual([...MANAGED_KEYS].sort());
  });
});

describe('checkSchema', () => {
  it('rejects a value of the wrong type as a whole', () => {
    const node: SchemaNode = { type: 'integer' };
    expect(checkSchema('listThreshold', node, 'lots')).toEqual([
      expect.objectContaining({ key: 'listThreshold', code: 'wrong_type', params: ['integer', 'string'] }),
    ]);
    expect(checkSchema('listThreshold', node, 2.5)[0]?.code).toBe('wrong_type');
    expect(checkSchema('listThreshold', node, 4)).toEqual([]);
  });

  it('checks list entries one by one, naming the entry', () => {
    const node: SchemaNode = { type: 'array', items: { type: 'string' } };
    const problems = checkSchema('disabledSites', node, ['a.com', 7]);
    expect(problems.map((p) => p.key)).toEqual(['disabledSites[1]']);
  });

  it('honours enum, minimum, maximum and pattern if the schema ever uses them', () => {
    expect(checkSchema('k', { type: 'string', enum: ['a'] }, 'b')[0]?.code).toBe('not_one_of');
    expect(checkSchema('k', { type: 'integer', minimum: 2 }, 1)[0]?.code).toBe('out_of_range');
    expect(checkSchema('k', { type: 'integer', maximum: 2 }, 3)[0]?.code).toBe('out_of_range');
    expect(checkSchema('k', { type: 'string', pattern: '^x' }, 'y')[0]?.code).toBe('no_match');
    expect(checkSchema('k', { type: 'number' }, 3)).toEqual([]);
  });
});
