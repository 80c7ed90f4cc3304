/**
 * Tables of fact-checks → claims: CSV with a header row (RFC 4180 quoting), and JSON Lines with one flat record
 * per line (e.g. the CheckThat PolitiFact tables). Columns are found by name, with the common spellings below.
 */
import { type ImportOptions, type ImportResult, ResultBuilder, type ReviewRow } from './common.ts';

/** Column names accepted for each field (compared case-insensitively, ignoring spaces, dashes and underscores). */
export const COLUMNS: Record<keyof ReviewRow, string[]> = {
  text: ['claimreviewed', 'claim', 'claimtext', 'text', 'statement', 'vclaim'],
  claimant: ['claimant', 'speaker', 'author', 'itemreviewedauthor', 'claimauthor'],
  claimDate: ['claimdate', 'datestated', 'itemreviewed.datepublished'],
  appearanceUrl: ['appearanceurl', 'appearance', 'claimurl'],
  where: ['where', 'claimcontext', 'context', 'venue'],
  publisher: ['publisher', 'reviewer', 'factchecker', 'reviewpublisher', 'organisation', 'organization'],
  url: ['url', 'reviewurl', 'factcheckurl', 'link'],
  reviewDate: ['reviewdate', 'datepublished', 'date', 'published'],
  rating: ['rating', 'textualrating', 'verdict', 'truthlabel', 'label', 'alternatename'],
  title: ['title', 'headline', 'reviewtitle'],
  language: ['language', 'lang', 'languagecode'],
};

const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Which column index (or record key) feeds each field. */
function mapColumns(names: string[]): Partial<Record<keyof ReviewRow, string>> {
  const byKey = new Map(names.map((n) => [key(n), n]));
  const out: Partial<Record<keyof ReviewRow, string>> = {};
  for (const [field, options] of Object.entries(COLUMNS) as [keyof ReviewRow, string[]][]) {
    for (const o of options) {
      const hit = byKey.get(o);
      if (hit !== undefined && !Object.values(out).includes(hit)) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

const rowFrom = (rec: Record<string, unknown>, map: Partial<Record<keyof ReviewRow, string>>): ReviewRow => {
  const row: ReviewRow = {};
  for (const [field, col] of Object.entries(map) as [keyof ReviewRow, string][]) row[field] = rec[col];
  return row;
};

/** Parse CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells; errors name the line. */
export function parseCsv(text: string): { rows: Array<{ line: number; cells: string[] }>; error?: string } {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { rows, error: `line ${rowLine}: a quoted field is never closed` };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows };
}

export function importCsv(text: string, opts: ImportOptions): ImportResult {
  const out = new ResultBuilder(opts);
  const { rows, error } = parseCsv(text);
  if (error) out.fail('(csv)', error);
  const [header, ...data] = rows;
  if (!header) {
    out.fail('(header)', 'empty file: expected a header row');
    return out.result();
  }
  const map = mapColumns(header.cells);
  if (!map.text) {
    out.fail(
      '(header)',
      `no claim column: name one of ${COLUMNS.text.join(', ')} (found: ${header.cells.join(', ')})`,
      'line 1',
    );
    return out.result();
  }
  for (const { line, cells } of data) {
    if (cells.length !== header.cells.length) {
      out.total++;
      out.fail('(row)', `has ${cells.length} cells, the header has ${header.cells.length}`, `line ${line}`);
      continue;
    }
    const rec = Object.fromEntries(header.cells.map((h, i) => [h, cells[i]]));
    out.add(rowFrom(rec, map), `line ${line}`);
  }
  return out.result();
}

/** JSON Lines: one flat JSON object per line; blank lines are ignored. */
export function importJsonLines(text: string, opts: ImportOptions): ImportResult {
  const out = new ResultBuilder(opts);
  text.split('\n').forEach((raw, i) => {
    const lineText = raw.trim();
    if (!lineText) return;
    const record = `line ${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(lineText);
    } catch (e) {
      out.total++;
      out.fail('(json)', (e as Error).message, record);
      return;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      out.total++;
      out.fail('(record)', 'must be a JSON object', record);
      return;
    }
    out.add(rowFrom(rec as Record<string, unknown>, mapColumns(Object.keys(rec))), record);
  });
  if (out.total === 0) out.fail('(file)', 'no records');
  return out.result();
}
