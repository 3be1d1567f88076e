// What every feature's routes receive: the app's dependencies, built once by buildApp.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from './db.js';
import type { Mailer } from './mailer.js';
import type { PageCache } from './page-cache.js';
import type { ContentMemo } from './content-memo.js';
import type { T } from './i18n/index.js';
import type { Edition, EditionScheme } from './editions.js';
import type { Shell } from './chrome.js';

export interface Ctx {
  config: Config;
  db: Db;
  clock: () => Date;
  cache: PageCache;
  /** What every page shares (site identity, menus), read once per content change. */
  memo: ContentMemo;
  t: T;
  /** The edition these routes serve: its language (that of `t`) and address prefix ("" at the root). */
  edition: Edition;
  /** How every edition is addressed (the newsroom's settings, kept current by app.ts): see editions.ts. */
  editions: EditionScheme;
  /** Reads the shared page shell (site identity, rubric menu) from the database; loadChrome memoizes it. */
  loadShell(): Promise<Shell>;
  log: FastifyBaseLogger;
  mailer: Mailer;
  /** Called after any change to what public pages show. */
  contentChanged(): void;
  /** Called when the visible comments of these articles change: only their pages and lists with counts are dropped. */
  commentsChanged(articleIds: number[]): void;
  /** Called after a group of settings held in memory changed (`moderation`), so every process reads them again. */
  settingsChanged(area: string): void;
}
