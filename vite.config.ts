/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
 * manifest.json at the root is the single source of truth; `manifestFor` derives each browser's variant.
 * The knowledge pack is compiled and validated here (virtual:footnote-pack): an invalid pack fails the build.
 */
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

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), footnotePack(), crx({ manifest: manifestFor(target), browser: target })],
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
