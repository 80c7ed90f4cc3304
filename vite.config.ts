/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
 * manifest.json at the root is the single source of truth; `manifestFor` derives each browser's variant.
 * The knowledge pack is compiled and validated here and written as pack.json: an invalid pack fails the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { CARD_UI_FILE, CONTENT_FILE } from './src/content/files.ts';
import type { Pack } from './src/core/pack/schema.ts';
import { buildPack, DEFAULT_PACK_DIR, PackError } from './src/node/pack-io.ts';

type Target = 'chrome' | 'firefox';

export function manifestFor(target: Target): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown> & { background: { service_worker: string } };
  m.version = pkg.version;
  const worker = m.background.service_worker;
  if (target === 'firefox') {
    m.background = { scripts: [worker], type: 'module' } as never;
    // Firefox has no sidePanel API (its sidebar is declared after the build, see firefoxSidebar below).
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'sidePanel');
  } else {
    delete m.browser_specific_settings;
  }
  // Built as classic scripts by contentScripts() below, not by crxjs.
  delete m.content_scripts;
  return m as unknown as ManifestV3Export;
}

/** Where the compiled pack is written in the extension (read by the background, src/background/bundled.ts). */
export const PACK_FILE = 'pack.json';

/** The pack from src/data/pack (or FOOTNOTE_PACK=dir-or-files, comma-separated), validated and merged. */
function defaultPack(): Pack {
  const inputs = (process.env.FOOTNOTE_PACK || DEFAULT_PACK_DIR).split(',').filter(Boolean);
  return buildPack(inputs, { name: process.env.FOOTNOTE_PACK_NAME ?? 'Footnote default pack', version: pkg.version });
}

/**
 * The compiled pack goes into the extension as a JSON file of its own, and `virtual:footnote-pack` gives the
 * background its path. Not as a string in the bundle: V8 took minutes to load a service worker carrying a 100 MB
 * pack as a literal, where fetching and parsing the same JSON takes seconds. The pack is built (and validated)
 * when the build starts, so an invalid pack fails the build before anything is written.
 */
export function footnotePack(make: () => Pack = defaultPack): Plugin {
  const id = 'virtual:footnote-pack';
  let json = '';
  return {
    name: 'footnote-pack',
    buildStart() {
      try {
        json = JSON.stringify(make());
      } catch (e) {
        if (e instanceof PackError) this.error(e.message);
        throw e;
      }
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (loaded) => (loaded === `\0${id}` ? `export default ${JSON.stringify(PACK_FILE)};` : null),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: PACK_FILE, source: json });
    },
  };
}

/**
 * The content script is built here as one classic script, which the browser runs as it injects it at
 * document_idle. crxjs would build it as a module behind a loader that imports it: on the seed page that import
 * cost 90 ms (median) between document_idle and our first line, nearly the whole budget for the first paint. The
 * card UI (Preact) stays out of it, in one module of its own that the content script imports on the first card
 * (the only file pages can reach: web_accessible_resources). Both builds run after the main one, into its folder,
 * and the manifest's content_scripts entry is written to point at the script.
 */
function contentScripts(target: Target): Plugin {
  let outDir = '';
  return {
    name: 'footnote-content-scripts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // After every writeBundle hook (firefoxSidebar edits the same manifest there; these hooks run in parallel).
    async closeBundle() {
      const root = import.meta.dirname;
      const common = { configFile: false as const, root, logLevel: 'warn' as const, plugins: [preact()] };
      const library = (entry: string, file: string, format: 'iife' | 'es') =>
        build({
          ...common,
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            sourcemap: false,
            copyPublicDir: false,
            // Library builds keep an ES module's white space; this is a shipped file, not a library.
            rolldownOptions: { output: { minify: true } },
            lib: { entry: join(root, entry), formats: [format], name: 'footnote', fileName: () => file },
          },
        });
      await library('src/content/main.ts', CONTENT_FILE, 'iife');
      await library('src/content/popover.tsx', CARD_UI_FILE, 'es');
      const file = join(outDir, 'manifest.json');
      const m = JSON.parse(readFileSync(file, 'utf8'));
      m.content_scripts = baseManifest.content_scripts.map((c) => ({ ...c, js: [CONTENT_FILE] }));
      const matches = [...new Set(baseManifest.content_scripts.flatMap((c) => c.matches))];
      // In Chrome the card UI is reachable only at a URL made up afresh each session (runtime.getURL gives it),
      // so a page cannot tell Footnote is installed by fetching it. Firefox's extension URLs already differ per
      // install.
      const dynamic = target === 'chrome' ? { use_dynamic_url: true } : {};
      m.web_accessible_resources = [{ resources: [CARD_UI_FILE], matches, ...dynamic }];
      writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
    },
  };
}

/**
 * Firefox shows the side panel page as a sidebar: crxjs builds the page from `side_panel`, then this moves the
 * declaration to `sidebar_action` in the written Firefox manifest.
 */
function firefoxSidebar(): Plugin {
  return {
    name: 'footnote-firefox-sidebar',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const file = join(options.dir ?? 'dist/firefox', 'manifest.json');
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (m.side_panel) {
        m.sidebar_action = {
          default_panel: m.side_panel.default_path,
          default_title: '__MSG_panelTitle__',
          default_icon: m.action?.default_icon,
          open_at_install: false,
        };
        delete m.side_panel;
        writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      footnotePack(),
      crx({ manifest: manifestFor(target), browser: target }),
      contentScripts(target),
      ...(target === 'firefox' ? [firefoxSidebar()] : []),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 2048,
    },
    server: { cors: false },
  };
});
