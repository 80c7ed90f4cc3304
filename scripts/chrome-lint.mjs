// Offline checks of a Chrome MV3 package (the Web Store has no offline linter): the manifest's required keys
// and types, every file it names exists, only known permissions, no remotely hosted code, sane sizes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './zip.mjs';

const KNOWN_PERMISSIONS = new Set([
  'storage',
  'unlimitedStorage',
  'contextMenus',
  'sidePanel',
  'activeTab',
  'scripting',
  'tabs',
  'alarms',
]);
const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

export function lintChrome(dir) {
  const problems = [];
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return ['manifest.json is missing'];
  let m;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`manifest.json is not JSON: ${e.message}`];
  }
  if (m.manifest_version !== 3) problems.push('manifest_version must be 3');
  for (const k of ['name', 'version', 'description'])
    if (typeof m[k] !== 'string' || !m[k]) problems.push(`manifest: "${k}" is required`);
  if (!/^\d+(\.\d+){0,3}$/.test(m.version ?? ''))
    problems.push(`manifest: version "${m.version}" must be 1-4 dot-separated integers`);
  if (m.name?.startsWith('__MSG_') && !m.default_locale) problems.push('manifest: localised name needs default_locale');
  if (m.default_locale && !existsSync(join(dir, '_locales', m.default_locale, 'messages.json')))
    problems.push(`_locales/${m.default_locale}/messages.json is missing`);
  if (!m.background?.service_worker) problems.push('manifest: background.service_worker is required for Chrome');
  if (m.background?.scripts) problems.push('manifest: background.scripts is Firefox-only');
  if (m.browser_specific_settings) problems.push('manifest: browser_specific_settings is Firefox-only');
  for (const p of m.permissions ?? [])
    if (!KNOWN_PERMISSIONS.has(p)) problems.push(`manifest: unexpected permission "${p}"`);
  if (m.host_permissions?.length)
    problems.push('manifest: host_permissions are not needed (content scripts declare their matches)');
  const named = [
    m.background?.service_worker,
    m.action?.default_popup,
    m.options_ui?.page,
    m.side_panel?.default_path,
    ...Object.values(m.icons ?? {}),
    ...Object.values(m.action?.default_icon ?? {}),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []),
  ].filter(Boolean);
  for (const f of named)
    if (!existsSync(join(dir, f))) problems.push(`manifest names "${f}", which is not in the package`);
  let total = 0;
  for (const f of listFiles(dir)) {
    total += statSync(f).size;
    if (/\.(js|html)$/.test(f)) {
      const text = readFileSync(f, 'utf8');
      if (/<script[^>]+src=["']https?:/i.test(text) || /import\s*\(\s*["']https?:/.test(text))
        problems.push(`${f}: loads remote code`);
      if (/\beval\s*\(/.test(text)) problems.push(`${f}: uses eval`);
    }
  }
  if (total > MAX_PACKAGE_BYTES) problems.push(`package is ${total} bytes (budget ${MAX_PACKAGE_BYTES})`);
  return problems;
}
