/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
 * manifest.json at the root is the single source of truth; `manifestFor` derives each browser's variant.
 * The knowledge pack is compiled and validated here (virtual:footnote-pack): an invalid pack fails the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
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
  return m as unknown as ManifestV3Export;
}

/** `virtual:footnote-pack`: the compiled pack (FOOTNOTE_PACK=dir-or-files to build with another pack). */
function footnotePack(): Plugin {
  const id = 'virtual:footnote-pack';
  const inputs = (process.env.FOOTNOTE_PACK || DEFAULT_PACK_DIR).split(',').filter(Boolean);
  return {
    name: 'footnote-pack',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      try {
        const pack = buildPack(inputs, {
          name: process.env.FOOTNOTE_PACK_NAME ?? 'Footnote default pack',
          version: pkg.version,
        });
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});`;
      } catch (e) {
        if (e instanceof PackError) this.error(e.message);
        throw e;
      }
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
