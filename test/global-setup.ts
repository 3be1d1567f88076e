// Runs once before all tests: builds the PostgreSQL template database, or says the PostgreSQL run is skipped.
import { openDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrations/index.js';
import { adminQuery, pgUrl } from './db.js';

export default async function setup(): Promise<void | (() => Promise<void>)> {
  if (!process.env.CHANCERY_TEST_POSTGRES) {
    console.log(
      '\n  PostgreSQL run skipped: set CHANCERY_TEST_POSTGRES=postgres://user@host:5432/db to run store and route tests on PostgreSQL too.\n',
    );
    return;
  }
  // Workers inherit this variable: each run of the suite gets its own template.
  const PG_TEMPLATE = `chancery_template_${process.pid}`;
  process.env.CHANCERY_TEST_PG_TEMPLATE = PG_TEMPLATE;
  try {
    await adminQuery(`drop database if exists ${PG_TEMPLATE} with (force)`);
    await adminQuery(`create database ${PG_TEMPLATE}`);
  } catch (e) {
    throw new Error(`CHANCERY_TEST_POSTGRES is set but PostgreSQL is unreachable: ${(e as Error).message}`);
  }
  const db = openDb(pgUrl(PG_TEMPLATE));
  await migrate(db);
  await db.destroy();
  console.log(`\n  PostgreSQL run enabled: template ${PG_TEMPLATE} migrated.\n`);
  return async () => {
    await adminQuery(`drop database if exists ${PG_TEMPLATE} with (force)`).catch(() => undefined);
  };
}
