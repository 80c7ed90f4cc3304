/**
 * Import a pack: ClaimReview JSON-LD, a Fact Check Tools response, CSV, JSON Lines or a Footnote pack file. The
 * file is read and converted here with the same importers as the CLI; the background validates it against the
 * whole pack and stores it in one write. A bad file is refused with its reasons and the current pack stays.
 */
import { useState } from 'preact/hooks';
import { detectFormat, importText } from '../core/importers/index.ts';
import type { PackFile } from '../core/pack/schema.ts';
import { formatIssue, type PackIssue } from '../core/pack/validate.ts';
import { t } from '../shared/i18n.ts';
import type { PackInfo, UiToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; step: string }
  | { kind: 'done'; message: string; rejected: PackIssue[] }
  | { kind: 'error'; message: string; rejected: PackIssue[] };

/** Largest file we accept: far above real fact-check exports, far below what would exhaust the page. */
const MAX_BYTES = 64 * 1024 * 1024;

export function ImportPack({ onImported }: { onImported: (info: PackInfo) => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setStatus({
        kind: 'error',
        message: t('importTooLarge', file.name, Math.round(file.size / 1048576)),
        rejected: [],
      });
      return;
    }
    setStatus({ kind: 'busy', step: t('importReading', file.name) });
    const text = await file.text();
    const format = detectFormat(file.name, text);
    if (format === null) {
      setStatus({ kind: 'error', message: t('importUnknownType', file.name), rejected: [] });
      return;
    }
    setStatus({ kind: 'busy', step: t('importConverting', file.name) });
    let data: PackFile;
    let rejected: PackIssue[] = [];
    let total = 0;
    if (format === 'pack') {
      data = JSON.parse(text) as PackFile;
      total = data.claims?.length ?? 0;
    } else {
      const r = importText(format, text, { file: file.name, today: new Date().toISOString().slice(0, 10) });
      data = { sources: r.sources, claims: r.claims };
      rejected = r.issues;
      total = r.total;
    }
    if ((data.claims ?? []).length === 0) {
      setStatus({ kind: 'error', message: t('importNothing', file.name), rejected });
      return;
    }
    setStatus({ kind: 'busy', step: t('importSaving', data.claims?.length ?? 0) });
    try {
      const info = await callBackground<UiToBackground, 'footnote:import-pack'>('footnote:import-pack', {
        file: file.name,
        data,
      });
      onImported(info);
      setStatus({ kind: 'done', message: t('importDone', data.claims?.length ?? 0, total, rejected.length), rejected });
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message.replace(/^footnote:import-pack: /, ''), rejected });
    }
  };

  return (
    <div class="import">
      <label>
        {t('importLabel')}{' '}
        <input
          type="file"
          accept=".json,.jsonld,.csv,.jsonl,.ndjson"
          disabled={status.kind === 'busy'}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void run(f);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <p class="muted">{t('importHelp')}</p>
      <div role="status" aria-live="polite" data-testid="import-status">
        {status.kind === 'busy' && <p>{status.step}</p>}
        {status.kind === 'done' && <p>{status.message}</p>}
        {status.kind === 'error' && <p class="error">{status.message}</p>}
      </div>
      {(status.kind === 'done' || status.kind === 'error') && status.rejected.length > 0 && (
        <details>
          <summary>{t('importRejected', status.rejected.length)}</summary>
          <ul class="issues">
            {status.rejected.slice(0, 200).map((i) => (
              <li key={formatIssue(i)}>{formatIssue(i)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
