// The site's stylesheet is assembled from one part per feature (public/css/NN-name.css), once per app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { etagOf } from './render.js';

export interface Stylesheet {
  css: string;
  etag: string;
}

/** Concatenates every part of a folder in name order. */
export function buildStylesheet(dir: string): Stylesheet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .sort();
  const css = files.map((f) => `/* ${f} */\n` + readFileSync(join(dir, f), 'utf8')).join('\n');
  return { css, etag: etagOf(css) };
}
