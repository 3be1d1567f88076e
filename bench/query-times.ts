// Prints every query a page runs with its time, on an archive: node --import tsx bench/query-times.ts bench/archives/archive-10000.db /articles/x /
import { Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
const path = process.argv[2];
const urls = process.argv.slice(3);
if (!path || !urls.length) {
  console.error('usage: bench/query-times.ts <archive.db> <path>...');
  process.exit(2);
}
const times: [number, string][] = [];
const sqlite = new Database(path);
const db = Object.assign(
  new Kysely<any>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      times.push([e.queryDurationMillis, e.query.sql.slice(0, 220)]);
    },
  }),
  { dialect: 'sqlite' as const },
);
const config = loadConfig({
  DATABASE_URL: `sqlite:${path}`,
  NODE_ENV: 'production',
  CHANCERY_DEMO: 'false',
  LOG_LEVEL: 'silent',
  CHANCERY_PAGE_CACHE: 'false',
} as any);
const app = await buildApp({ config, db: db as any, logger: false });
for (const u of urls) {
  for (let k = 0; k < 2; k++) {
    times.length = 0;
    const t0 = performance.now();
    const r = await app.server.inject(u);
    const total = performance.now() - t0;
    if (k === 1) {
      console.log(`\n${u} -> ${r.statusCode} ${total.toFixed(1)} ms, ${times.length} queries`);
      for (const [ms, q] of times) console.log(`  ${ms.toFixed(2).padStart(8)} ms  ${q}`);
    }
  }
}
await app.close();
