// Fetching an embed's description when an article naming it is saved: the provider's oEmbed answer (or the
// page's own), through the outbound guard, and its thumbnail copied into the media library. A provider that
// does not answer leaves the address a plain link; the save goes on.
import type { Db } from '../../platform/db.js';
import type { OutboundGet } from '../../platform/outbound.js';
import type { MediaLibrary } from '../media/media-library.js';
import { updateMedia } from '../media/media-store.js';
import {
  allowedFrame,
  embedUrlsIn,
  FRAME_HOSTS,
  type OEmbedAnswer,
  parseOEmbed,
  PROVIDERS,
  type Provider,
  providerOf,
  readPageMeta,
} from './embed.js';
import { findEmbedsByUrls, insertEmbed } from './embed-store.js';

export interface EmbedDeps {
  db: Db;
  clock: () => Date;
  /** A guarded GET (platform/outbound): public addresses only. */
  get: OutboundGet;
  library: MediaLibrary;
  /** The providers known by name; tests give their own local ones. */
  providers?: readonly Provider[];
  /** Frame hosts the CSP allows. */
  frameHosts?: readonly string[];
  log?: (message: string) => void;
  /** How long one save may spend asking providers, in milliseconds (12 s). */
  budgetMs?: number;
}

export interface EmbedService {
  /** Fetches and stores what is not stored yet of the embeds in this Markdown. Never throws for a provider's fault. */
  resolve(markdown: string): Promise<void>;
}

const THUMB_EXT: [RegExp, string][] = [
  [/^\xff\xd8\xff/, 'jpg'],
  [/^\x89PNG/, 'png'],
  [/^RIFF....WEBP/s, 'webp'],
  [/^GIF8/, 'gif'],
];

export function createEmbedService(deps: EmbedDeps): EmbedService {
  const providers = deps.providers ?? PROVIDERS;
  const log = deps.log ?? (() => undefined);

  async function describe(url: string, provider: Provider | undefined): Promise<(OEmbedAnswer & { provider: string }) | undefined> {
    if (provider?.endpoint) {
      const ask = `${provider.endpoint}${provider.endpoint.includes('?') ? '&' : '?'}${new URLSearchParams({ url, format: 'json' })}`;
      const res = await deps.get(ask, { accept: 'application/json', maxBytes: 256 * 1024 });
      const answer = res.ok && !res.truncated ? parseOEmbed(res.body.toString('utf8')) : undefined;
      if (!answer) throw new Error(`${provider.name} gave no oEmbed answer for ${url} (HTTP ${res.status})`);
      return { ...answer, provider: answer.provider || provider.name };
    }
    // No endpoint known: the page may name its oEmbed answer, or at least describe itself.
    const page = await deps.get(url, { accept: 'text/html', maxBytes: 512 * 1024 });
    if (!page.ok || !/html/i.test(page.contentType)) return undefined;
    const meta = readPageMeta(page.body.toString('utf8'), url);
    if (meta.oembedUrl) {
      const res = await deps.get(meta.oembedUrl, { accept: 'application/json', maxBytes: 256 * 1024 });
      const answer = res.ok && !res.truncated ? parseOEmbed(res.body.toString('utf8')) : undefined;
      if (answer) return { ...answer, provider: answer.provider || provider?.name || new URL(url).hostname };
    }
    // A page without oEmbed is an embed only for a provider we know (Telegram); any other stays a link.
    if (!provider || !meta.og.title) return undefined;
    return { ...meta.og, provider: meta.og.provider || provider.name };
  }

  async function thumbnail(src: string, title: string, provider: string): Promise<number | null> {
    if (!src) return null;
    try {
      const res = await deps.get(src, { accept: 'image/*', maxBytes: 8 * 1024 * 1024 });
      if (!res.ok || res.truncated) return null;
      const head = res.body.subarray(0, 12).toString('latin1');
      const ext = THUMB_EXT.find(([re]) => re.test(head))?.[1];
      if (!ext) return null;
      return await keepThumbnail(deps, res.body, ext, title, provider);
    } catch (err) {
      log(`embed thumbnail ${src}: ${(err as Error).message}`);
      return null;
    }
  }

  return {
    async resolve(markdown) {
      const urls = embedUrlsIn(markdown);
      if (!urls.length) return;
      const known = new Set((await findEmbedsByUrls(deps.db, urls)).map((e) => e.url));
      // The editor waits for this save: past the budget, the rest are asked on the next save.
      const until = Date.now() + (deps.budgetMs ?? 12_000);
      for (const url of urls.filter((u) => !known.has(u))) {
        if (Date.now() > until) break;
        const provider = providerOf(url, providers);
        try {
          const answer = await describe(url, provider);
          if (!answer) continue;
          const thumbnailId = await thumbnail(answer.thumbnailUrl, answer.title, answer.provider);
          await insertEmbed(deps.db, row(deps, url, answer, thumbnailId), deps.clock());
        } catch (err) {
          // The article is saved all the same; its address stays a link and is asked again on the next save.
          log(`embed ${url}: ${(err as Error).message}`);
        }
      }
    },
  };
}

/** The stored row of an embed: the player is framed only for a provider known by name, on a host the CSP allows. */
function row(
  deps: Pick<EmbedDeps, 'providers' | 'frameHosts'>,
  url: string,
  d: { provider: string; title: string; author: string },
  thumbnailId: number | null,
) {
  const provider = providerOf(url, deps.providers ?? PROVIDERS);
  return {
    url,
    provider: d.provider,
    title: d.title,
    author: d.author,
    thumbnailId,
    frameSrc: allowedFrame(provider?.frame?.(new URL(url)), deps.frameHosts ?? FRAME_HOSTS),
  };
}

/** Copies a thumbnail into the media library (checked as any upload), its alt text the embed's title. */
async function keepThumbnail(
  deps: Pick<EmbedDeps, 'db' | 'clock' | 'library'>,
  data: Buffer,
  ext: string,
  title: string,
  provider: string,
): Promise<number> {
  const id = await deps.library.store({ name: `embed-${provider.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${ext}`, data }, null);
  await updateMedia(
    deps.db,
    id,
    { alt: title.slice(0, 300), caption: '', credit: provider.slice(0, 200), focalX: 50, focalY: 50 },
    deps.clock(),
  );
  return id;
}

/** An embed described beforehand, with its thumbnail's bytes: what a provider's answer would have given. */
export interface DescribedEmbed {
  url: string;
  provider: string;
  title: string;
  author: string;
  thumbnail?: { data: Buffer; ext: string };
}

/**
 * Stores an embed whose description is already known (the demo newsroom ships its video's, since a fresh
 * install may have no network), down the same path as a provider's answer: the thumbnail into the media
 * library (none without a library), the row into embeds. An address already stored is left as it is; false then.
 */
export async function storeDescribedEmbed(
  deps: Pick<EmbedDeps, 'db' | 'clock' | 'providers' | 'frameHosts'> & { library?: MediaLibrary },
  d: DescribedEmbed,
): Promise<boolean> {
  if (!embedUrlsIn(d.url).length) throw new Error(`not an embeddable address: ${d.url}`);
  if ((await findEmbedsByUrls(deps.db, [d.url])).length) return false;
  const { library } = deps;
  const thumbnailId =
    d.thumbnail && library ? await keepThumbnail({ ...deps, library }, d.thumbnail.data, d.thumbnail.ext, d.title, d.provider) : null;
  await insertEmbed(deps.db, row(deps, d.url, d, thumbnailId), deps.clock());
  return true;
}
