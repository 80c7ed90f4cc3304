/**
 * The knowledge the background serves: the bundled pack plus the user's imported pack, one Engine over both,
 * and a fuzzy search (fuse.js) for "Check with Footnote". An import is validated against the whole pack before
 * anything is stored; on any problem the current pack stays as it is.
 */
import Fuse from 'fuse.js/basic';
import { Engine } from '../core/engine.ts';
import type { Pack, PackFile } from '../core/pack/schema.ts';
import { formatIssue, validatePackFiles } from '../core/pack/validate.ts';
import type { CardData, PackInfo, SearchResult } from '../shared/messages.ts';
import { loadUserPack, saveUserPack, type UserPack } from './store.ts';

interface SearchDoc {
  kind: 'entity' | 'claim';
  id: string;
  label: string;
  names: string[];
  detail: string;
  verdict?: string;
}

export class Knowledge {
  // Both set once `ready` resolves; every public method but `info` waits for it, and `info`'s callers do.
  private bundled!: Pack;
  private engine!: Engine;
  private user: UserPack | null = null;
  private fuse: Fuse<SearchDoc> | null = null;
  private ready: Promise<void>;

  /** `bundled` may still be loading (src/background/bundled.ts); the engine is built once, with the user's pack. */
  constructor(bundled: Pack | Promise<Pack>) {
    this.ready = Promise.all([bundled, loadUserPack()]).then(([pack, user]) => {
      this.bundled = pack;
      this.use(user);
    });
  }

  /** The engine, once a stored user pack (if any) is merged in. */
  async current(): Promise<Engine> {
    await this.ready;
    return this.engine;
  }

  private use(user: UserPack | null): void {
    this.user = user;
    // Names only: a page's first highlights need nothing else. The claim index, the larger part of a cold start,
    // is built by the first claim request, which a page sends once its names are painted.
    this.engine = new Engine(user ? this.merged(user) : this.bundled).warm(false);
    this.fuse = null;
  }

  private merged(user: UserPack): Pack {
    return {
      meta: this.bundled.meta,
      sources: [...this.bundled.sources, ...user.sources],
      entities: this.bundled.entities,
      claims: [...this.bundled.claims, ...user.claims],
    };
  }

  /** Validate an imported pack file with the bundled pack, store it, switch to it. Throws with the reasons. */
  async import(file: string, data: PackFile): Promise<PackInfo> {
    await this.ready;
    const bundledFile: PackFile = {
      sources: this.bundled.sources,
      entities: this.bundled.entities,
      claims: this.bundled.claims,
    };
    const { issues } = validatePackFiles(
      [
        { file: 'bundled pack', data: bundledFile },
        { file, data },
      ],
      new Date().toISOString().slice(0, 10),
    );
    if (issues.length) {
      const shown = issues.slice(0, 8).map(formatIssue);
      if (issues.length > 8) shown.push(`… and ${issues.length - 8} more`);
      throw new Error(
        `${file} was not imported (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${shown.join('; ')}`,
      );
    }
    if ((data.entities ?? []).length > 0)
      throw new Error(`${file} was not imported: imported packs may add claims and sources, not entities`);
    const claims = data.claims ?? [];
    if (claims.length === 0) throw new Error(`${file} was not imported: it holds no claims`);
    const user: UserPack = {
      meta: { name: file, version: '1', built: new Date().toISOString(), file, imported: new Date().toISOString() },
      sources: data.sources ?? [],
      claims,
    };
    await saveUserPack(user); // throws (quota…) before anything changes in memory
    this.use(user);
    return this.info();
  }

  async removeImport(): Promise<PackInfo> {
    await this.ready;
    await saveUserPack(null);
    this.use(null);
    return this.info();
  }

  info(): PackInfo {
    const p = this.engine.pack;
    return {
      ...this.bundled.meta,
      entities: p.entities.length,
      claims: p.claims.length,
      sources: p.sources.length,
      aliases: this.engine.aliasCount,
      imported: this.user
        ? { file: this.user.meta.file, claims: this.user.claims.length, imported: this.user.meta.imported }
        : null,
    };
  }

  async card(kind: 'entity' | 'claim', id: string): Promise<CardData> {
    const engine = await this.current();
    if (kind === 'entity') {
      const c = engine.entityCard(id);
      if (!c) throw new Error(`unknown entity "${id}"`);
      return { kind, ...c };
    }
    const c = engine.claimCard(id);
    if (!c) throw new Error(`unknown claim "${id}"`);
    return { kind, ...c };
  }

  /** Fuzzy search over names, aliases and claims (the index is built on first use). */
  async search(query: string, limit = 10): Promise<SearchResult[]> {
    const engine = await this.current();
    if (!this.fuse) {
      const docs: SearchDoc[] = [
        ...engine.pack.entities.map((e) => ({
          kind: 'entity' as const,
          id: e.id,
          label: e.name,
          names: [e.name, ...(e.aliases ?? []).map((a) => a.text)],
          detail: e.description,
        })),
        ...engine.pack.claims.map((c) => ({
          kind: 'claim' as const,
          id: c.id,
          label: c.text,
          names: [c.text, ...(c.hints?.phrases ?? [])],
          detail: c.claimant?.name ?? '',
          verdict: c.verdict,
        })),
      ];
      this.fuse = new Fuse(docs, {
        keys: [
          { name: 'names', weight: 3 },
          { name: 'label', weight: 2 },
          { name: 'detail', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.4,
        minMatchCharLength: 2,
      });
    }
    const q = query.trim().slice(0, 300);
    if (!q) return [];
    return this.fuse.search(q, { limit }).map((r) => ({
      kind: r.item.kind,
      id: r.item.id,
      label: r.item.label,
      detail: r.item.detail.slice(0, 160),
      verdict: r.item.verdict,
      score: 1 - (r.score ?? 1),
    }));
  }
}
