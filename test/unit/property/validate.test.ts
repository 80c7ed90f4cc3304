/**
 * Properties of pack validation: whatever JSON a pack file holds, validatePackFiles answers with named issues and
 * never throws; a valid file with any one value replaced by arbitrary JSON is still answered, never thrown at.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PackIssue, validatePackFiles } from '../../../src/core/pack/validate.ts';
import { fullPackFile as validFile } from '../pack-fixture.ts';
import { anyCodePoint, check, propertyRuns, TRICKY } from './arbitraries.ts';

const TODAY = '2026-11-30';
const unit = fc.oneof(fc.constantFrom(...TRICKY), anyCodePoint, fc.constantFrom('\u0000', '\u001F', '<', '>'));
const json = fc.jsonValue({ maxDepth: 5, stringUnit: unit });
const shallowJson = fc.jsonValue({ maxDepth: 2, stringUnit: unit });
/** Lists of records with the schema's field names and arbitrary values. */
const records = (keys: string[]) =>
  fc.array(fc.dictionary(fc.constantFrom(...keys), shallowJson, { maxKeys: keys.length }), { maxLength: 4 });
const KEYS = ['sources', 'entities', 'claims', 'id', 'aliases', 'roles', 'facts', 'reviews', 'hints', '__proto__'];

function checkIssues(issues: PackIssue[]): void {
  for (const i of issues) {
    for (const k of ['file', 'record', 'field', 'message'] as const) {
      check(typeof i[k] === 'string' && i[k].length > 0, `issue without ${k}: ${JSON.stringify(i)}`);
    }
  }
}

/** Every path to a value inside `v` (as a list of keys and indices). */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [at];
  const children: Array<[string | number, unknown]> = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of children) out.push(...paths(x, [...at, k]));
  return out;
}

function replaced(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

describe('validatePackFiles on arbitrary input', () => {
  it('accepts the valid example file (the mutations below start from a valid file)', () => {
    expect(validatePackFiles([{ file: 'ok.json', data: validFile() }], TODAY).issues).toEqual([]);
  });

  it('never throws on any JSON value as a file, and names every issue', () => {
    const fileData = fc.oneof(
      json,
      fc.dictionary(fc.constantFrom(...KEYS), json, { maxKeys: 4 }),
      fc.record({
        sources: records(['id', 'url', 'date', 'title', 'publisher']),
        entities: records(['id', 'type', 'name', 'aliases', 'roles', 'sources']),
        claims: records(['id', 'text', 'reviews', 'verdict', 'hints']),
      }),
    );
    fc.assert(
      fc.property(fc.array(fileData, { minLength: 1, maxLength: 3 }), (datas) => {
        const r = validatePackFiles(
          datas.map((data, i) => ({ file: `f${i}.json`, data })),
          TODAY,
        );
        checkIssues(r.issues);
        for (const n of Object.values(r.counts)) check(Number.isInteger(n) && n >= 0, `count ${n}`);
      }),
      propertyRuns(200),
    );
  });

  it('never throws when any one value of a valid file is replaced by arbitrary JSON, and flags the change', () => {
    const all = paths(validFile()).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), json, (path, value) => {
        const data = replaced(validFile(), path, value);
        const r = validatePackFiles([{ file: 'm.json', data }], TODAY);
        checkIssues(r.issues);
        const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], validFile());
        // Replacing a value with arbitrary JSON that differs in type can never yield a valid file.
        if (typeof value !== typeof original || Array.isArray(value) !== Array.isArray(original)) {
          // …except where the schema allows either (end: null or a date; an optional field set to undefined).
          if (!(path.at(-1) === 'end' && (value === null || typeof value === 'string'))) {
            check(r.issues.length > 0, `no issue after setting ${path.join('.')} to ${JSON.stringify(value)}`);
          }
        }
      }),
      propertyRuns(300),
    );
  });
});
