import sharp from 'sharp';
import { translator } from '../../platform/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { pngHeader } from '../../../test/images.js';
import { cropRegion, makeMaster, makeVariant, MediaError, svgProblem, widthsFor } from './image-processing.js';

const photo = (format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6ea5' } })
    .toFormat(format)
    .toBuffer();

async function refusal(p: Promise<unknown>): Promise<MediaError> {
  try {
    await p;
  } catch (e) {
    return e as MediaError;
  }
  throw new Error('expected a refusal');
}

describe('makeMaster', () => {
  it('keeps a JPEG as a JPEG without its EXIF, location included', async () => {
    const withGps = await sharp(await photo())
      .withExif({ IFD0: { Artist: 'Staff photographer' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 43/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const master = await makeMaster(withGps, 'Tbilisi.JPG');
    expect(master).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
    const meta = await sharp(master.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(master.data.includes(Buffer.from('Staff photographer'))).toBe(false);
  });

  it('turns an image upright by its orientation before dropping it', async () => {
    const sideways = await sharp(await photo())
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const master = await makeMaster(sideways, 'rotated.jpg');
    expect([master.width, master.height]).toEqual([600, 800]);
  });

  it('rasterises a clean SVG drawing into a PNG', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#eee"/><path d="M10 10L290 190" stroke="#a00"/></svg>',
    );
    const master = await makeMaster(svg, 'map.svg');
    expect(master.format).toBe('png');
    expect(master.width).toBeGreaterThanOrEqual(300);
  });

  it.each([
    ['a text file', () => Promise.resolve(Buffer.from('not an image at all')), 'notes.jpg', /not an image/],
    ['a PNG named .jpg', () => photo('png'), 'photo.jpg', /named \.jpg but is a PNG/],
    ['a file without an ending', () => photo(), 'photo', /name the file/],
    ['a PDF named .pdf', () => Promise.resolve(Buffer.from('%PDF-1.4\n')), 'report.pdf', /name the file/],
    ['a 100-megapixel bomb', () => Promise.resolve(pngHeader(10_000, 10_000)), 'bomb.png', /100 megapixels .* limit is 40/],
    [
      'an SVG with a script',
      () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')),
      'chart.svg',
      /contains a script/,
    ],
    ['a cut-short JPEG', async () => (await photo()).subarray(0, 300), 'cut.jpg', /damaged|not an image/],
  ])('refuses %s with a 422 and a clear sentence', async (_name, make, fileName, message) => {
    const e = await refusal(makeMaster(await make(), fileName));
    expect(e).toBeInstanceOf(MediaError);
    expect(e.status).toBe(422);
    expect(e.message).toMatch(message);
  });
});

const svgText = (svg: string) => {
  const key = svgProblem(svg);
  return key && translator('en')(key);
};

describe('svgProblem', () => {
  it('finds handlers, outside links and embedded HTML, and lets internal references pass', () => {
    expect(svgText('<svg onload="x()">')).toMatch(/event handler/);
    expect(svgText('<svg><image href="https://tracker.example/p.png"/></svg>')).toMatch(/outside itself/);
    expect(svgText('<svg><foreignObject><div/></foreignObject></svg>')).toMatch(/HTML/);
    expect(svgText('<svg><use href="#marker"/></svg>')).toBeUndefined();
  });
});

describe('sizes and crops', () => {
  it('offers the standard widths an image covers, or its own width', () => {
    expect(widthsFor(1000)).toEqual([320, 480, 640, 960]);
    expect(widthsFor(200)).toEqual([200]);
  });

  it('keeps the focal point inside the crop and the crop inside the image', () => {
    expect(cropRegion(1200, 1200, 3 / 2, 50, 50)).toEqual({ left: 0, top: 200, width: 1200, height: 800 });
    expect(cropRegion(1200, 1200, 3 / 2, 50, 0)).toEqual({ left: 0, top: 0, width: 1200, height: 800 });
    expect(cropRegion(1200, 1200, 3 / 2, 50, 100)).toEqual({ left: 0, top: 400, width: 1200, height: 800 });
    expect(cropRegion(3000, 1000, 3 / 2, 90, 50)).toEqual({ left: 1500, top: 0, width: 1500, height: 1000 });
  });

  it('encodes AVIF, WebP and JPEG at the asked width', async () => {
    const master = await photo();
    for (const [format, sharpName] of [
      ['avif', 'heif'],
      ['webp', 'webp'],
      ['jpg', 'jpeg'],
    ] as const) {
      const out = await makeVariant(master, { width: 800, height: 600 }, { width: 320, format, focalX: 50, focalY: 50 });
      const meta = await sharp(out).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([sharpName, 320, 240]);
    }
    const crop = await makeVariant(master, { width: 800, height: 600 }, { width: 480, format: 'jpg', crop: '3x2', focalX: 50, focalY: 50 });
    const meta = await sharp(crop).metadata();
    expect([meta.width, meta.height]).toEqual([480, 320]);
  });
});
