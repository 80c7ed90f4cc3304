/**
 * Pack validation: every problem as `file: record: field: message`, never a throw.
 *
 * Used by the build (the extension is not built from an invalid pack), by `footnote pack check`, and by
 * importers (imported records pass the same checks before they can replace the current pack).
 */
import { ENTITY_TYPES, VERDICTS } from './schema.ts';

export interface PackIssue {
  file: string;
  record: string;
  field: string;
  message: string;
}

export const formatIssue = (i: PackIssue): string => `${i.file}: ${i.record}: ${i.field}: ${i.message}`;

export const LIMITS = {
  /** Ids are slugs; the longest in the default pack has 83 characters. */
  id: 200,
  shortText: 300,
  longText: 4000,
  listItems: 500,
  aliases: 200,
  /** Records of one kind in one file. */
  records: 1_000_000,
} as const;

const ID = {
  entity: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  claim: /^claim-[a-z0-9]+(?:-[a-z0-9]+)*$/,
  source: /^src-[a-z0-9]+(?:-[a-z0-9]+)*$/,
};
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const QID = /^Q[1-9]\d*$/;
// Control characters other than tab/newline have no place in pack text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Allowed fields of each record kind, in schema order (also the key order of canonical JSON, see compile.ts). */
export const FIELDS = {
  file: ['sources', 'entities', 'claims'],
  source: ['id', 'url', 'publisher', 'title', 'date'],
  entity: ['id', 'type', 'name', 'aliases', 'description', 'asOf', 'roles', 'facts', 'sameAs', 'related', 'sources'],
  alias: ['text', 'lang', 'ambiguous', 'caseSensitive'],
  role: ['title', 'of', 'start', 'end', 'sources'],
  fact: ['text', 'date', 'sources'],
  sameAs: ['wikidata', 'wikipedia'],
  claim: [
    'id',
    'text',
    'claimant',
    'date',
    'appearances',
    'reviews',
    'verdict',
    'context',
    'sources',
    'entities',
    'related',
    'hints',
    'title',
  ],
  claimant: ['id', 'name'],
  appearance: ['url', 'publisher', 'date', 'where'],
  review: ['publisher', 'url', 'date', 'rating', 'verdict', 'title'],
  hints: ['phrases', 'numbers'],
} as const;

/** Is `s` a real calendar date in ISO form (year, year-month or full date), not after `today`? */
export function checkDate(s: unknown, today: string): string | null {
  if (typeof s !== 'string') return 'must be an ISO date string (YYYY, YYYY-MM or YYYY-MM-DD)';
  const m = DATE.exec(s);
  if (!m) return `"${clip(s)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (y < 1000) return `"${s}" has an impossible year`;
  if (mo < 1 || mo > 12) return `"${s}" has an impossible month`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `"${s}" has an impossible day`;
  if (s > today && !today.startsWith(s)) return `"${s}" is in the future (after ${today})`;
  return null;
}

/** https URL with a host; anything else (http:, javascript:, data:, relative) is refused. */
export function checkUrl(s: unknown): string | null {
  if (typeof s !== 'string' || s.length === 0) return 'must be a non-empty https URL';
  if (s.length > 2000) return 'URL longer than 2000 characters';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return `"${clip(s)}" is not a valid URL`;
  }
  if (u.protocol !== 'https:') return `"${clip(s)}" must use https`;
  if (!u.hostname.includes('.')) return `"${clip(s)}" has no proper host name`;
  if (/\s/.test(s)) return `"${clip(s)}" contains white space`;
  return null;
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues while walking one file. */
class Checker {
  readonly issues: PackIssue[] = [];
  constructor(
    readonly file: string,
    readonly today: string,
  ) {}

  add(record: string, field: string, message: string): void {
    this.issues.push({ file: this.file, record, field, message });
  }

  keys(rec: string, path: string, v: Record<string, unknown>, allowed: readonly string[]): void {
    for (const k of Object.keys(v)) {
      const name = k === '' ? '""' : k; // an empty key still needs a visible name in "file: record: field"
      if (!allowed.includes(k)) this.add(rec, path ? `${path}.${name}` : name, 'unknown field');
    }
  }

  text(rec: string, field: string, v: unknown, opts: { required?: boolean; max?: number } = {}): void {
    if (v === undefined && !opts.required) return;
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(rec, field, 'must be a non-empty string');
      return;
    }
    const max = opts.max ?? LIMITS.shortText;
    if (v.length > max) this.add(rec, field, `longer than ${max} characters (${v.length})`);
    if (CONTROL.test(v)) this.add(rec, field, 'contains control characters');
    if (v !== v.trim()) this.add(rec, field, 'has leading or trailing white space');
  }

  date(rec: string, field: string, v: unknown, required = false): void {
    if (v === undefined && !required) return;
    const e = checkDate(v, this.today);
    if (e) this.add(rec, field, e);
  }

  url(rec: string, field: string, v: unknown, required = true): void {
    if (v === undefined && !required) return;
    const e = checkUrl(v);
    if (e) this.add(rec, field, e);
  }

  bool(rec: string, field: string, v: unknown): void {
    if (v !== undefined && typeof v !== 'boolean') this.add(rec, field, 'must be true or false');
  }

  list(
    rec: string,
    field: string,
    v: unknown,
    opts: { required?: boolean; min?: number; max?: number } = {},
  ): unknown[] {
    if (v === undefined) {
      if (opts.required) this.add(rec, field, 'is required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.add(rec, field, 'must be a list');
      return [];
    }
    if (opts.min && v.length < opts.min) this.add(rec, field, `needs at least ${opts.min} item(s)`);
    const max = opts.max ?? LIMITS.listItems;
    if (v.length > max) {
      this.add(rec, field, `has ${v.length} items (at most ${max})`);
      return v.slice(0, max);
    }
    return v;
  }
}

/** References to check once every file is read: [file, record, field, kind, id]. */
type Ref = [string, string, string, 'entity' | 'claim' | 'source', string];

export interface ValidationResult {
  issues: PackIssue[];
  /** Number of records per kind, for summaries. */
  counts: { sources: number; entities: number; claims: number };
}

/** Validate a set of pack files together (ids are global to the pack). `today` is YYYY-MM-DD. */
export function validatePackFiles(
  files: ReadonlyArray<{ file: string; data: unknown }>,
  today: string,
): ValidationResult {
  const issues: PackIssue[] = [];
  const ids = new Map<string, string>(); // id -> file where first defined
  const kinds = { entity: new Set<string>(), claim: new Set<string>(), source: new Set<string>() };
  const refs: Ref[] = [];
  const aliasOwners = new Map<string, Array<{ entity: string; ambiguous: boolean; file: string }>>();
  const counts = { sources: 0, entities: 0, claims: 0 };

  for (const { file, data } of files) {
    const c = new Checker(file, today);
    if (!isObj(data)) {
      c.add('(file)', '(root)', 'must be a JSON object with "sources", "entities" and/or "claims" lists');
      issues.push(c.issues[0]);
      continue;
    }
    c.keys('(file)', '', data, FIELDS.file);
    const define = (kind: keyof typeof kinds, rec: Record<string, unknown>, at: string): string | null => {
      const id = rec.id;
      if (typeof id !== 'string' || id.length > LIMITS.id || !ID[kind].test(id)) {
        // Name the record by position, as its other issues are: a bad id may hold ":", newlines or a megabyte
        // (and a valid id a megabyte long would be the record name of every later issue).
        const why = typeof id === 'string' && id.length > LIMITS.id ? `longer than ${LIMITS.id} characters` : '';
        c.add(at, 'id', `${typeof id === 'string' ? `"${clip(id)}" ` : ''}${why || `must match ${ID[kind]}`}`);
        return null;
      }
      const prev = ids.get(id);
      if (prev !== undefined) c.add(id, 'id', `duplicate id (also defined in ${prev})`);
      else ids.set(id, file);
      kinds[kind].add(id);
      return id;
    };
    const ref = (rec: string, field: string, kind: Ref[3], v: unknown) => {
      if (typeof v !== 'string') c.add(rec, field, `must be a ${kind} id`);
      else refs.push([file, rec, field, kind, v]);
    };
    const sourceRefs = (rec: string, field: string, v: unknown) => {
      c.list(rec, field, v, { required: true, min: 1 }).forEach((s, i) => {
        ref(rec, `${field}[${i}]`, 'source', s);
      });
    };

    c.list('(file)', 'sources', data.sources, { max: LIMITS.records }).forEach((s, i) => {
      if (!isObj(s)) {
        c.add(`sources[${i}]`, '(record)', 'must be an object');
        return;
      }
      counts.sources++;
      const id = define('source', s, `sources[${i}]`) ?? `sources[${i}]`;
      c.keys(id, '', s, FIELDS.source);
      c.url(id, 'url', s.url);
      c.text(id, 'publisher', s.publisher, { required: true });
      c.text(id, 'title', s.title, { required: true });
      c.date(id, 'date', s.date, true);
    });

    c.list('(file)', 'entities', data.entities, { max: LIMITS.records }).forEach((e, i) => {
      if (!isObj(e)) {
        c.add(`entities[${i}]`, '(record)', 'must be an object');
        return;
      }
      counts.entities++;
      const id = define('entity', e, `entities[${i}]`) ?? `entities[${i}]`;
      c.keys(id, '', e, FIELDS.entity);
      if (!ENTITY_TYPES.includes(e.type as never)) c.add(id, 'type', `must be one of ${ENTITY_TYPES.join(', ')}`);
      c.text(id, 'name', e.name, { required: true });
      c.text(id, 'description', e.description, { required: true, max: LIMITS.longText });
      c.date(id, 'asOf', e.asOf, true);
      const flags = new Map<string, boolean>();
      c.list(id, 'aliases', e.aliases, { max: LIMITS.aliases }).forEach((a, k) => {
        const f = `aliases[${k}]`;
        if (!isObj(a)) {
          c.add(id, f, 'must be an object with "text"');
          return;
        }
        c.keys(id, f, a, FIELDS.alias);
        c.text(id, `${f}.text`, a.text, { required: true });
        if (a.lang !== undefined && (typeof a.lang !== 'string' || !LANG.test(a.lang))) {
          c.add(id, `${f}.lang`, 'must be a BCP-47 language tag such as "en" or "de"');
        }
        c.bool(id, `${f}.ambiguous`, a.ambiguous);
        c.bool(id, `${f}.caseSensitive`, a.caseSensitive);
        if (typeof a.text === 'string') flags.set(aliasKey(a.text), a.ambiguous === true);
      });
      if (typeof e.name === 'string' && !flags.has(aliasKey(e.name))) flags.set(aliasKey(e.name), false);
      for (const [key, ambiguous] of flags) {
        if (!key) continue;
        const owners = aliasOwners.get(key) ?? [];
        owners.push({ entity: id, ambiguous, file });
        aliasOwners.set(key, owners);
      }
      c.list(id, 'roles', e.roles).forEach((r, k) => {
        const f = `roles[${k}]`;
        if (!isObj(r)) {
          c.add(id, f, 'must be an object');
          return;
        }
        c.keys(id, f, r, FIELDS.role);
        c.text(id, `${f}.title`, r.title, { required: true });
        if (r.of !== undefined) ref(id, `${f}.of`, 'entity', r.of);
        c.date(id, `${f}.start`, r.start, true);
        if (r.end !== undefined && r.end !== null) {
          c.date(id, `${f}.end`, r.end, true);
          if (typeof r.start === 'string' && typeof r.end === 'string' && r.end < r.start) {
            c.add(id, `${f}.end`, `ends (${r.end}) before it starts (${r.start})`);
          }
        }
        sourceRefs(id, `${f}.sources`, r.sources);
      });
      c.list(id, 'facts', e.facts).forEach((x, k) => {
        const f = `facts[${k}]`;
        if (!isObj(x)) {
          c.add(id, f, 'must be an object');
          return;
        }
        c.keys(id, f, x, FIELDS.fact);
        c.text(id, `${f}.text`, x.text, { required: true, max: LIMITS.longText });
        c.date(id, `${f}.date`, x.date, true);
        sourceRefs(id, `${f}.sources`, x.sources);
      });
      if (e.sameAs !== undefined) {
        if (!isObj(e.sameAs)) c.add(id, 'sameAs', 'must be an object');
        else {
          c.keys(id, 'sameAs', e.sameAs, FIELDS.sameAs);
          const q = e.sameAs.wikidata;
          if (q !== undefined && (typeof q !== 'string' || !QID.test(q)))
            c.add(id, 'sameAs.wikidata', 'must be a QID like "Q42"');
          c.url(id, 'sameAs.wikipedia', e.sameAs.wikipedia, false);
        }
      }
      c.list(id, 'related', e.related).forEach((r, k) => {
        ref(id, `related[${k}]`, 'entity', r);
      });
      sourceRefs(id, 'sources', e.sources);
    });

    c.list('(file)', 'claims', data.claims, { max: LIMITS.records }).forEach((x, i) => {
      if (!isObj(x)) {
        c.add(`claims[${i}]`, '(record)', 'must be an object');
        return;
      }
      counts.claims++;
      const id = define('claim', x, `claims[${i}]`) ?? `claims[${i}]`;
      c.keys(id, '', x, FIELDS.claim);
      c.text(id, 'text', x.text, { required: true, max: LIMITS.longText });
      c.text(id, 'title', x.title, { max: LIMITS.longText });
      if (x.claimant !== undefined) {
        if (!isObj(x.claimant)) c.add(id, 'claimant', 'must be an object with "name" (and "id" if in the pack)');
        else {
          c.keys(id, 'claimant', x.claimant, FIELDS.claimant);
          c.text(id, 'claimant.name', x.claimant.name, { required: true });
          if (x.claimant.id !== undefined) ref(id, 'claimant.id', 'entity', x.claimant.id);
        }
      }
      c.date(id, 'date', x.date);
      c.list(id, 'appearances', x.appearances).forEach((a, k) => {
        const f = `appearances[${k}]`;
        if (!isObj(a)) {
          c.add(id, f, 'must be an object');
          return;
        }
        c.keys(id, f, a, FIELDS.appearance);
        c.url(id, `${f}.url`, a.url, false);
        c.text(id, `${f}.publisher`, a.publisher);
        c.text(id, `${f}.where`, a.where);
        c.date(id, `${f}.date`, a.date);
      });
      c.list(id, 'reviews', x.reviews, { required: true }).forEach((r, k) => {
        const f = `reviews[${k}]`;
        if (!isObj(r)) {
          c.add(id, f, 'must be an object');
          return;
        }
        c.keys(id, f, r, FIELDS.review);
        c.text(id, `${f}.publisher`, r.publisher, { required: true });
        c.url(id, `${f}.url`, r.url);
        c.date(id, `${f}.date`, r.date, true);
        c.text(id, `${f}.rating`, r.rating, { required: true });
        c.text(id, `${f}.title`, r.title, { max: LIMITS.longText });
        if (!VERDICTS.includes(r.verdict as never)) c.add(id, `${f}.verdict`, `must be one of ${VERDICTS.join(', ')}`);
      });
      if (!VERDICTS.includes(x.verdict as never)) c.add(id, 'verdict', `must be one of ${VERDICTS.join(', ')}`);
      c.text(id, 'context', x.context, { required: true, max: LIMITS.longText });
      sourceRefs(id, 'sources', x.sources);
      c.list(id, 'entities', x.entities).forEach((r, k) => {
        ref(id, `entities[${k}]`, 'entity', r);
      });
      c.list(id, 'related', x.related).forEach((r, k) => {
        ref(id, `related[${k}]`, 'claim', r);
      });
      if (x.hints !== undefined) {
        if (!isObj(x.hints)) c.add(id, 'hints', 'must be an object');
        else {
          c.keys(id, 'hints', x.hints, FIELDS.hints);
          for (const h of ['phrases', 'numbers'] as const) {
            c.list(id, `hints.${h}`, x.hints[h]).forEach((p, k) => {
              c.text(id, `hints.${h}[${k}]`, p, { required: true });
            });
          }
        }
      }
    });
    // Not push(...c.issues): spreading 150k+ arguments overflows the stack (a file of 200k bad records).
    for (const i of c.issues) issues.push(i);
  }

  for (const [file, rec, field, kind, id] of refs) {
    if (!kinds[kind].has(id)) issues.push({ file, record: rec, field, message: `unknown ${kind} "${clip(id)}"` });
  }
  for (const [key, owners] of aliasOwners) {
    const entities = new Set(owners.map((o) => o.entity));
    if (entities.size < 2) continue;
    // Name a few of the others, not all: 100k entities sharing one spelling must not build 100k² characters.
    const first = [...entities].slice(0, 6);
    for (const o of owners) {
      if (o.ambiguous) continue;
      const others = first.filter((e) => e !== o.entity).slice(0, 5);
      const more = entities.size - 1 - others.length;
      issues.push({
        file: o.file,
        record: o.entity,
        field: 'aliases',
        message: `"${clip(key)}" also names ${others.join(', ')}${more > 0 ? ` and ${more} more` : ''}: mark it ambiguous (or remove it)`,
      });
    }
  }
  return { issues, counts };
}

/** The key under which two spellings count as the same alias (case and accents folded). */
export function aliasKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
