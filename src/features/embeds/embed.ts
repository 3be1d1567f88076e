// Embeds: a URL pasted on its own line in an article. Known providers are asked through their oEmbed
// endpoints; another page may name its oEmbed answer in a <link>, or at least describe itself in og: tags.

export interface Embed {
  id: number;
  url: string;
  provider: string;
  title: string;
  author: string;
  thumbnailId: number | null;
  /** A player the page may frame (its host is in FRAME_HOSTS), or '' to open the provider instead. */
  frameSrc: string;
  fetchedAt: string;
}

export interface Provider {
  name: string;
  /** Addresses of this provider's posts or videos. */
  match: RegExp[];
  /** Its oEmbed endpoint; without one the page itself is read for its oEmbed link or og: tags. */
  endpoint?: string;
  /** The player to frame once the reader asks, when the page's CSP allows its host. */
  frame?: (url: URL) => string | undefined;
}

/** The players a page may frame, in frame-src of the CSP: nothing else is ever framed. */
export const FRAME_HOSTS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

const youtubeId = (u: URL): string | undefined => {
  const id =
    u.hostname === 'youtu.be'
      ? u.pathname.slice(1)
      : u.pathname === '/watch'
        ? (u.searchParams.get('v') ?? '')
        : /^\/(?:shorts|embed|live)\/([^/]+)/.exec(u.pathname)?.[1];
  return id && /^[A-Za-z0-9_-]{6,20}$/.test(id) ? id : undefined;
};

/** The providers Chancery knows by name. X and Telegram need their own scripts to draw a post: they open in a new tab. */
export const PROVIDERS: Provider[] = [
  {
    name: 'YouTube',
    match: [/^https:\/\/(?:www\.|m\.)?youtube\.com\/(?:watch\?|shorts\/|live\/)/, /^https:\/\/youtu\.be\/[A-Za-z0-9_-]+/],
    endpoint: 'https://www.youtube.com/oembed',
    frame: (u) => {
      const id = youtubeId(u);
      // The no-cookie host: nothing is stored in the reader's browser before the video plays.
      return id ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : undefined;
    },
  },
  {
    name: 'Vimeo',
    match: [/^https:\/\/(?:www\.)?vimeo\.com\/\d+/],
    endpoint: 'https://vimeo.com/api/oembed.json',
    frame: (u) => {
      const id = /^\/(\d+)/.exec(u.pathname)?.[1];
      return id ? `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1` : undefined;
    },
  },
  {
    name: 'X',
    match: [/^https:\/\/(?:www\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]+\/status\/\d+/],
    endpoint: 'https://publish.twitter.com/oembed',
  },
  // Telegram has no oEmbed endpoint; its post pages describe themselves in og: tags.
  { name: 'Telegram', match: [/^https:\/\/t\.me\/(?:s\/)?[A-Za-z0-9_]{4,}\/\d+/] },
];

/** The provider of this address among these, or undefined. */
export function providerOf(url: string, providers: readonly Provider[] = PROVIDERS): Provider | undefined {
  return providers.find((p) => p.match.some((re) => re.test(url)));
}

/** A frame address is kept only when the CSP allows its host. */
export function allowedFrame(src: string | undefined, hosts: readonly string[] = FRAME_HOSTS): string {
  if (!src) return '';
  try {
    const u = new URL(src);
    return u.protocol === 'https:' && hosts.includes(u.origin) ? src : '';
  } catch {
    return '';
  }
}

/**
 * The addresses pasted on a line of their own, as a paragraph of their own (blank lines around): each is an
 * embed candidate. An address inside a sentence, a list or a code block stays a link.
 */
export function embedUrlsIn(md: string): string[] {
  const urls = new Set<string>();
  let fenced = false;
  const lines = md.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (/^(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (!/^https?:\/\/[^\s<>"]+$/.test(line) || line.length > 500) continue;
    const alone = (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';
    if (alone) urls.add(line);
  }
  return [...urls].slice(0, 20);
}

/** The fields an oEmbed answer may carry (https://oembed.com), checked: anything else is dropped. */
export interface OEmbedAnswer {
  title: string;
  provider: string;
  author: string;
  thumbnailUrl: string;
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '');

/** Reads an oEmbed JSON answer; undefined when it is not one. */
export function parseOEmbed(text: string): OEmbedAnswer | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const o = data as Record<string, unknown>;
  if (typeof o.type !== 'string') return undefined;
  const thumb = str(o.thumbnail_url, 1000);
  return {
    title: str(o.title, 300),
    provider: str(o.provider_name, 100),
    author: str(o.author_name, 200),
    thumbnailUrl: /^https?:\/\//.test(thumb) ? thumb : '',
  };
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e]!);

/** What a page says of itself: the address of its oEmbed answer, or its og: title, site, image and description. */
export function readPageMeta(html: string, base: string): { oembedUrl?: string; og: OEmbedAnswer } {
  const head = html.slice(0, 300_000);
  const attrs = (tag: string) => {
    const out: Record<string, string> = {};
    for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
      out[m[1].toLowerCase()] = decodeEntities(m[3] ?? m[4] ?? '');
    return out;
  };
  let oembedUrl: string | undefined;
  const og: Record<string, string> = {};
  for (const m of head.matchAll(/<(link|meta)\s[^>]*>/gi)) {
    const a = attrs(m[0]);
    if (m[1].toLowerCase() === 'link' && /json\+oembed/i.test(a.type ?? '') && a.href && !oembedUrl) {
      try {
        oembedUrl = new URL(a.href, base).toString();
      } catch {
        /* a broken link is no link */
      }
    }
    const key = a.property ?? a.name;
    if (m[1].toLowerCase() === 'meta' && key && /^(og|twitter):/.test(key) && a.content && !(key in og)) og[key] = a.content;
  }
  const image = og['og:image'] ?? og['twitter:image'] ?? '';
  return {
    oembedUrl,
    og: {
      title: str(og['og:title'] ?? og['twitter:title'] ?? og['og:description'], 300),
      provider: str(og['og:site_name'], 100),
      author: '',
      thumbnailUrl: /^https?:\/\//.test(image) ? image : '',
    },
  };
}
