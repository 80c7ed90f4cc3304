/** Stored data from the previous release is brought to the current schema without losing anything. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { migrate, SCHEMA_VERSION } = await import('../../src/background/migrations.ts');

describe('storage migrations', () => {
  it('brings 0.1.0 storage (settings v1, hosts as typed) to the current schema, keeping every choice', () => {
    const v1 = {
      settings: {
        version: 1,
        show: { entities: true, claims: false },
        exact: true,
        deny: ['WWW.Example.com/', 'https://news.example.org/path'],
        allow: [],
        hoverDelay: 400,
        highlightStyle: 'background',
        theme: 'dark',
      },
    };
    const out = migrate(v1);
    expect(out.schemaVersion).toBe(SCHEMA_VERSION);
    expect(out.settings).toMatchObject({
      show: { entities: true, claims: false },
      exact: true,
      deny: ['example.com', 'news.example.org'],
      hoverDelay: 400,
      highlightStyle: 'background',
      theme: 'dark',
    });
    expect(out.wrongMatches).toEqual([]);
  });

  it('repairs damaged fields one by one instead of dropping the record', () => {
    const out = migrate({ settings: { version: 1, exact: 'yes', hoverDelay: 99999, deny: ['ok.example', 42] } });
    expect(out.settings).toMatchObject({ exact: false, hoverDelay: 150, deny: ['ok.example'] });
  });

  it('leaves current storage alone and writes nothing for a fresh install', () => {
    expect(migrate({ schemaVersion: SCHEMA_VERSION, settings: {} })).toEqual({});
    expect(migrate({})).toEqual({});
  });

  it('keeps wrong matches that already exist', () => {
    const out = migrate({
      settings: { version: 1 },
      wrongMatches: [{ page: 'https://a.example/x', id: 'x', text: 'X', label: 'X', added: '2026-01-01' }],
    });
    expect(out.wrongMatches).toBeUndefined();
  });
});
