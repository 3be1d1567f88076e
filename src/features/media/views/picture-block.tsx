// A library image as <picture>: AVIF and WebP sources, a JPEG fallback, every size in srcset, the box's
// width and height so nothing shifts while it loads. Pages use it for covers and inline images.
import { CROPS, type Crop, cropRegion, widthsFor } from '../image-processing.js';
import { type MediaImage, srcset, variantUrl } from '../media.js';

export interface PictureProps {
  img: MediaImage;
  /** The `sizes` attribute: how wide the image is shown at each viewport width. */
  sizes: string;
  crop?: Crop;
  /** Above the fold (a cover): loaded at once and first; otherwise lazily. */
  eager?: boolean;
  class?: string;
}

/** The box a picture takes: the crop's shape, or the image's own. */
export function pictureBox(img: MediaImage, crop?: Crop): { width: number; height: number } {
  if (!crop) return { width: img.width, height: img.height };
  const r = cropRegion(img.width, img.height, CROPS[crop], img.focalX, img.focalY);
  return { width: r.width, height: r.height };
}

export function Picture({ img, sizes, crop, eager, class: cls }: PictureProps) {
  const box = pictureBox(img, crop);
  const widths = widthsFor(img.width);
  // The fallback src is a middling size: a browser without srcset is an old or a text one.
  const fallback = widths.filter((w) => w <= 960).pop() ?? widths[0];
  return (
    <picture class={cls}>
      <source type="image/avif" srcset={srcset(img, 'avif', crop)} sizes={sizes} />
      <source type="image/webp" srcset={srcset(img, 'webp', crop)} sizes={sizes} />
      <img
        src={variantUrl(img, fallback, 'jpg', crop)}
        srcset={srcset(img, 'jpg', crop)}
        sizes={sizes}
        width={box.width}
        height={box.height}
        alt={img.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        fetchpriority={eager ? 'high' : undefined}
      />
    </picture>
  );
}
