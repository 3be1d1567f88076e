// Coverage of the shipped gazetteer data.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './countries.generated.js';
import { extract } from './index.js';
import { KNOWN } from './gazetteer.js';

const require = createRequire(import.meta.url);

describe('gazetteer', () => {
  it('has every ISO 3166-1 alpha-2 code with a name', () => {
    const iso: Record<string, unknown> = require('i18n-iso-countries/langs/en.json').countries;
    const codes = new Set(COUNTRIES.map((c) => c.code));
    expect(Object.keys(iso).length).toBeGreaterThanOrEqual(249);
    for (const code of Object.keys(iso)) expect(codes.has(code), code).toBe(true);
    for (const c of COUNTRIES) {
      expect(c.name.length, c.code).toBeGreaterThan(1);
      expect(KNOWN.get('country:' + c.code)?.name).toBe(c.name);
    }
  });

  const cases: [string, string][] = [
    ['Kyrgyz Republic', 'country:KG'],
    ['Kyrgyzstan', 'country:KG'],
    ['Kyrgyz', 'country:KG'],
    ['PRC', 'country:CN'],
    ["People's Republic of China", 'country:CN'],
    ['People’s Republic of China', 'country:CN'],
    ['Chinese', 'country:CN'],
    ['U.S.', 'country:US'],
    ['United States', 'country:US'],
    ['UK', 'country:GB'],
    ['British', 'country:GB'],
    ['DRC', 'country:CD'],
    ['Ivory Coast', 'country:CI'],
    ["Côte d'Ivoire", 'country:CI'],
    ['Türkiye', 'country:TR'],
    ['Turkey', 'country:TR'],
    ['UAE', 'country:AE'],
    ['Emirati', 'country:AE'],
    ['Russian Federation', 'country:RU'],
    ['South Korea', 'country:KR'],
    ['DPRK', 'country:KP'],
    ['Kazakh', 'country:KZ'],
    ['Uzbek', 'country:UZ'],
    ['Tajik', 'country:TJ'],
    ['Turkmen', 'country:TM'],
    ['Viet Nam', 'country:VN'],
    ['Czechia', 'country:CZ'],
    ['SCO', 'org:sco'],
    ['Shanghai Cooperation Organisation', 'org:sco'],
    ['EAEU', 'org:eaeu'],
    ['CIS', 'org:cis'],
    ['CSTO', 'org:csto'],
    ['BRICS', 'org:brics'],
    ['ASEAN', 'org:asean'],
    ['European Union', 'org:eu'],
    ['NATO', 'org:nato'],
    ['UN Security Council', 'org:unsc'],
    ['OSCE', 'org:osce'],
    ['WTO', 'org:wto'],
    ['IMF', 'org:imf'],
    ['World Bank', 'org:world-bank'],
    ['ADB', 'org:adb'],
    ['AIIB', 'org:aiib'],
    ['OPEC', 'org:opec'],
    ['G7', 'org:g7'],
    ['G20', 'org:g20'],
    ['GCC', 'org:gcc'],
    ['African Union', 'org:au'],
    ['BRI', 'project:belt-and-road-initiative'],
    ['Belt and Road', 'project:belt-and-road-initiative'],
    ['OBOR', 'project:belt-and-road-initiative'],
    ['One Belt, One Road', 'project:belt-and-road-initiative'],
    ['One Belt – One Road', 'project:belt-and-road-initiative'],
    ['Tianjin', 'place:tianjin'],
    ["Xi'an", 'place:xian'],
    ['Almaty', 'place:almaty'],
    ['Central Asia', 'place:central-asia'],
  ];
  it.each(cases)('resolves %s', (alias, id) => {
    const text = `Headline\nReporters mentioned ${alias} yesterday.`;
    const r = extract(text, {});
    const hit = r.entities.find((e) => e.id === id);
    expect(hit, `${alias} -> ${r.entities.map((e) => e.id).join(',')}`).toBeDefined();
    expect(hit!.mentions[0].text).toBe(alias);
  });

  it('gives places their country', () => {
    expect(KNOWN.get('place:tianjin')?.country).toBe('country:CN');
    expect(KNOWN.get('place:beijing')?.country).toBe('country:CN');
    expect(KNOWN.get('place:bishkek')?.country).toBe('country:KG');
  });
});
