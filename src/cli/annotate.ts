/** `footnote annotate <file.html>`: what Footnote would highlight on a saved page. */
import type { Annotation } from '../core/engine.ts';
import { parseHtml } from '../node/html.ts';
import { CliError, flagString, parseArgs, readInput } from './args.ts';
import { loadEngine } from './load.ts';

export async function runAnnotate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: false, exact: false, pack: true });
  const [file, ...extra] = args.positional;
  if (!file) throw new CliError('annotate needs a file: footnote annotate <file.html> [--json]');
  if (extra.length) throw new CliError(`annotate takes one file (got also: ${extra.join(' ')})`);
  const html = readInput(file);
  const engine = loadEngine(flagString(args, 'pack'));
  const page = parseHtml(html);
  const perBlock = engine.annotateBlocks(
    page.blocks.map((b) => b.text),
    { exact: args.flags.has('exact'), lang: page.lang },
  );
  const annotations: Annotation[] = [];
  perBlock.forEach((list, i) => {
    const off = page.offsets[i];
    for (const a of list) annotations.push({ ...a, start: a.start + off, end: a.end + off });
  });
  page.close();
  if (args.flags.has('json')) {
    const out = annotations.map(({ kind, id, label, text, start, end, score }) => ({
      kind,
      id,
      label,
      text,
      start,
      end,
      score,
    }));
    process.stdout.write(`${JSON.stringify({ annotations: out }, null, 2)}\n`);
  } else {
    process.stdout.write(table(annotations, file));
  }
  return 0;
}

function table(list: Annotation[], file: string): string {
  if (list.length === 0) return `${file}: nothing found\n`;
  const rows = list.map((a) => [a.kind, a.id, a.label, a.text, `${a.start}-${a.end}`, a.score.toFixed(2)]);
  const head = ['kind', 'id', 'label', 'text', 'span', 'score'];
  const clip = (s: string) => (s.length > 48 ? `${s.slice(0, 45)}...` : s);
  const cells = [head, ...rows].map((r) => r.map(clip));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const entities = new Set(list.filter((a) => a.kind === 'entity').map((a) => a.id)).size;
  const claims = new Set(list.filter((a) => a.kind === 'claim').map((a) => a.id)).size;
  return `${[line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n')}\n\n${list.length} annotations: ${entities} entities, ${claims} claims (${file})\n`;
}
