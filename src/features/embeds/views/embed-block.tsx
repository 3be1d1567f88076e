// An embed on a page: a facade (thumbnail, title, provider) that asks nothing of the provider. It is a link
// to the provider, so it works without a script; embed.js turns a click into the player's frame when the
// page's CSP allows that player.
import type { T } from '../../../platform/i18n/index.js';
import type { MediaImage } from '../../media/media.js';
import { Picture } from '../../media/views/picture-block.js';
import type { Embed } from '../embed.js';

export interface EmbedFacadeProps {
  t: T;
  embed: Embed;
  thumbnail?: MediaImage;
}

export function EmbedFacade({ t, embed, thumbnail }: EmbedFacadeProps) {
  const title = embed.title || embed.url;
  const frame = embed.frameSrc || undefined;
  return (
    <figure class="embed" data-embed-frame={frame} data-embed-title={title}>
      <a class="embed-facade" href={embed.url} target="_blank" rel="noopener noreferrer external">
        {thumbnail ? (
          // The thumbnail is a copy kept here: the provider sees nothing until the reader asks.
          <Picture img={{ ...thumbnail, alt: '' }} sizes="(min-width: 42rem) 40rem, 100vw" class="embed-thumb" />
        ) : (
          <span class="embed-thumb embed-blank" />
        )}
        <span class="embed-button">{frame ? t('embed.play') : t('embed.open', { provider: embed.provider })}</span>
      </a>
      <figcaption>
        <a href={embed.url} target="_blank" rel="noopener noreferrer external">
          {title}
        </a>
        {' · '}
        {embed.provider}
        {embed.author && ` · ${t('embed.by', { author: embed.author })}`}
        {frame && <span class="embed-consent"> {t('embed.consent', { provider: embed.provider })}</span>}
      </figcaption>
    </figure>
  );
}
