// The managed-storage schema (managed_schema.json at the repository root) and a checker for
// the part of JSON Schema that Chromium's policy loader understands. Chromium drops values that
// fail the schema before the extension sees them; Firefox has no schema for managed storage and
// passes whatever policies.json holds, so the same check runs here for every browser.
import schemaJson from '../../../managed_schema.json';
import { issue, jsonType, type PolicyIssue } from './problems';

export interface SchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export const MANAGED_SCHEMA = schemaJson as SchemaNode;

/** Policy keys the schema declares, in schema order. */
export const MANAGED_KEYS: readonly string[] = Object.keys(MANAGED_SCHEMA.properties ?? {});

function typeMatches(node: SchemaNode, value: unknown): boolean {
  const actual = jsonType(value);
  if (node.type === 'number') return actual === 'number' || actual === 'integer';
  return actual === node.type;
}

/**
 * Problems of `value` against `node`, with `key` naming the policy. Lists are checked entry by
 * entry so that one bad entry is reported on its own (the caller decides what to keep).
 */
export function checkSchema(key: string, node: SchemaNode, value: unknown): PolicyIssue[] {
  if (!typeMatches(node, value)) return [issue(key, 'wrong_type', node.type, jsonType(value))];
  const problems: PolicyIssue[] = [];
  if (node.enum && !node.enum.includes(value as string | number)) {
    problems.push(issue(key, 'not_one_of', node.enum.join(', '), String(value)));
  }
  if (typeof value === 'number' && (node.minimum !== undefined || node.maximum !== undefined)) {
    if ((node.minimum !== undefined && value < node.minimum) || (node.maximum !== undefined && value > node.maximum)) {
      problems.push(issue(key, 'out_of_range', node.minimum ?? '-∞', node.maximum ?? '∞', value));
    }
  }
  if (typeof value === 'string' && node.pattern && !new RegExp(node.pattern).test(value)) {
    problems.push(issue(key, 'no_match', node.pattern));
  }
  if (Array.isArray(value) && node.items) {
    value.forEach((entry, i) => problems.push(...checkSchema(`${key}[${i}]`, node.items as SchemaNode, entry)));
  }
  return problems;
}

/** The schema node of a policy key, if the schema declares it. */
export function schemaFor(key: string): SchemaNode | undefined {
  return Object.prototype.hasOwnProperty.call(MANAGED_SCHEMA.properties ?? {}, key) ? MANAGED_SCHEMA.properties?.[key] : undefined;
}
