// The WHERE clause of the local org's SOQL: literals, comparisons (IN, INCLUDES, LIKE, dates and
// nulls as Salesforce orders them), and AND/OR/NOT with parentheses compiled to a record test.
import type { WhereClause } from '@jetstreamapp/soql-parser-js';
import type { SRecord } from './org.js';
import { readPath, SoqlError, type Ctx } from './soql-names.js';

const SUPPORTED_LITERALS = new Set([
  'STRING',
  'INTEGER',
  'DECIMAL',
  'BOOLEAN',
  'NULL',
  'DATETIME',
  'DATE',
]);

type Value = string | number | boolean | null | string[];

function literal(raw: string, type: string | undefined): Value {
  switch (type) {
    case 'STRING':
      return raw.replace(/^'/, '').replace(/'$/, '').replace(/\\(.)/g, '$1');
    case 'NULL':
      return null;
    case 'BOOLEAN':
      return raw.toLowerCase() === 'true';
    case 'INTEGER':
    case 'DECIMAL':
      return Number(raw);
    default:
      return raw;
  }
}

export function comparable(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text))
    return new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
  return text;
}

function compare(left: unknown, operator: string, right: Value): boolean {
  if (operator === 'IN' || operator === 'NOT IN') {
    const list = (Array.isArray(right) ? right : [right]).map(comparable);
    const found = list.includes(comparable(left));
    return operator === 'IN' ? found : !found;
  }
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    const values = String(left ?? '').split(';');
    const wanted = Array.isArray(right) ? right : [String(right)];
    const hit = wanted.some((item) => values.includes(item));
    return operator === 'INCLUDES' ? hit : !hit;
  }
  const a = comparable(left);
  const b = comparable(right);
  if (operator === '=') return a === b;
  if (operator === '!=') return a !== b;
  if (operator === 'LIKE') {
    const pattern = new RegExp(
      `^${String(right)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.')}$`,
      'i',
    );
    return pattern.test(String(left ?? ''));
  }
  if (a === null || b === null) return false;
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  if (operator === '>=') return a >= b;
  throw new SoqlError('MALFORMED_QUERY', `operator ${operator} is not supported by the local org`);
}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'cond'; test: (record: SRecord) => boolean };

/** The parser keeps WHERE as a chain with paren counts; flatten it to tokens and parse by precedence. */
export function tokens(
  ctx: Ctx,
  object: string,
  where: WhereClause | undefined,
  out: Token[] = [],
): Token[] {
  if (!where) return out;
  const left = where.left as
    | (Record<string, unknown> & { openParen?: number; closeParen?: number })
    | null;
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push({ kind: 'open' });
    if ('field' in left && left.operator && !('valueQuery' in left)) {
      const field = String(left.field);
      const operator = String(left.operator);
      const raw = left.value as string | string[];
      const type = left.literalType as string | string[] | undefined;
      for (const each of Array.isArray(type) ? type : [type]) {
        if (each !== undefined && !SUPPORTED_LITERALS.has(each))
          throw new SoqlError(
            'MALFORMED_QUERY',
            `${each} values in WHERE are not supported by the local org`,
          );
      }
      const value: Value = Array.isArray(raw)
        ? raw.map(
            (item, index) => literal(item, Array.isArray(type) ? type[index] : type) as string,
          )
        : literal(raw, Array.isArray(type) ? type[0] : type);
      readPath(ctx, object, { Id: '' }, field); // names are checked even when no row matches
      out.push({
        kind: 'cond',
        test: (record) => compare(readPath(ctx, object, record, field), operator, value),
      });
    } else if (
      !(
        'operator' in where &&
        where.operator === 'NOT' &&
        Object.keys(left).every((key) => key === 'openParen' || key === 'closeParen')
      )
    ) {
      throw new SoqlError(
        'MALFORMED_QUERY',
        'this WHERE condition (a function, a semi-join or a sub-query) is not supported by the local org',
      );
    }
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({ kind: 'close' });
  }
  if ('operator' in where && where.operator) {
    out.push({ kind: 'op', op: where.operator });
    tokens(ctx, object, where.right, out);
  }
  return out;
}

export function compile(list: Token[]): (record: SRecord) => boolean {
  let position = 0;
  const peek = () => list[position];
  function primary(): (record: SRecord) => boolean {
    const token = list[position++];
    if (!token) throw new SoqlError('MALFORMED_QUERY', 'unexpected end of WHERE');
    if (token.kind === 'open') {
      const inner = or();
      if (list[position++]?.kind !== 'close')
        throw new SoqlError('MALFORMED_QUERY', 'unbalanced parentheses');
      return inner;
    }
    if (token.kind === 'op' && token.op === 'NOT') {
      const inner = primary();
      return (record) => !inner(record);
    }
    if (token.kind === 'cond') return token.test;
    throw new SoqlError('MALFORMED_QUERY', 'unexpected token in WHERE');
  }
  /** `operand (op operand)*`, folded left with `join`. */
  function chain(
    operand: () => (record: SRecord) => boolean,
    op: 'AND' | 'OR',
    join: (left: boolean, right: () => boolean) => boolean,
  ): (record: SRecord) => boolean {
    let left = operand();
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === op) {
      position++;
      const l = left;
      const r = operand();
      left = (record) => join(l(record), () => r(record));
    }
    return left;
  }
  const and = () => chain(primary, 'AND', (left, right) => left && right());
  const or = (): ((record: SRecord) => boolean) =>
    chain(and, 'OR', (left, right) => left || right());
  if (list.length === 0) return () => true;
  return or();
}
