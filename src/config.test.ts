import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults for a fresh machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const c = loadConfig({ CHANCERY_DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe(`sqlite:${dir}/chancery.db`);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.loadDemo).toBe(true);
  });

  it('keeps a generated session secret across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const a = loadConfig({ CHANCERY_DATA_DIR: dir });
    const b = loadConfig({ CHANCERY_DATA_DIR: dir });
    expect(a.sessionSecret).toHaveLength(64);
    expect(b.sessionSecret).toBe(a.sessionSecret);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(a.sessionSecret);
  });

  it('names every bad option in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', CHANCERY_DEMO: 'maybe', SESSION_SECRET: 'short', NODE_ENV: 'staging' })).toThrow(
      /PORT: expected a port number.*\n.*SESSION_SECRET: must be at least 32.*\n.*NODE_ENV.*\n.*CHANCERY_DEMO/s,
    );
  });

  it('trims a trailing slash from the base URL', () => {
    expect(loadConfig({ BASE_URL: 'https://desk.example/', SESSION_SECRET: 'x'.repeat(32) }).baseUrl).toBe('https://desk.example');
  });

  it('trusts no proxy by default, and a hop count or addresses when told', () => {
    const base = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig(base).trustedProxies).toBe(false);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '1' }).trustedProxies).toBe(1);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES: expected a number of hops/);
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
  });
});
