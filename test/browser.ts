// Browser journeys: Debian's Chromium driven by playwright-core against a real server on a free port.
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { freshDb } from './db.js';

export const SCREENSHOTS = resolve(__dirname, '..', 'test-results', 'screenshots');

/** Launches headless Chromium with the flags this machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright gives every launch a fresh, empty profile directory of its own.
  });
}

export interface LiveApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** Serves an app on a fresh SQLite database on 127.0.0.1 and a free port; `seed` fills it first. */
export async function liveApp(seed: (app: App) => Promise<void>, overrides: Partial<Config> = {}): Promise<LiveApp> {
  const { db, url: dbUrl, close } = await freshDb('sqlite');
  const config = loadConfig(
    {},
    {
      databaseUrl: dbUrl,
      sessionSecret: 'journey-secret-journey-secret-xx',
      env: 'test',
      logLevel: 'silent',
      loadDemo: false,
      dataDir: mkdtempSync(join(tmpdir(), 'chancery-data-')),
      ...overrides,
    },
  );
  const app = await buildApp({ config, db, logger: false });
  await seed(app);
  const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
  // Feeds and canonical links must point at the port we actually got.
  app.ctx.config.baseUrl = address;
  return {
    app,
    url: address,
    async close() {
      await app.close();
      await close();
    },
  };
}

/** Saves a full-page screenshot under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE = readFileSync(resolve(__dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on the page and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's strict CSP rightly blocks injected script tags.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
  });
  const serious = result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}
