// Unit tests for the constructions the engine must get right.
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extract, REVIEW_THRESHOLD, type Fact } from './index.js';
import { splitSentences } from './sentence-splitter.js';
import { maskMarkup } from './text-normalizer.js';
import { tokenize } from './tokenizer.js';

const facts = (text: string, published = '2025-03-10', type?: string): Fact[] =>
  extract('Headline\n' + text, { published }).facts.filter((f) => !type || f.type === type);

function sentences(text: string): string[] {
  const norm = maskMarkup(text);
  return splitSentences(norm, tokenize(norm)).map((s) => text.slice(s.start, s.end));
}

describe('sentence splitting', () => {
  it('survives abbreviations, initials and company suffixes', () => {
    const s = sentences('Mr. Lee met Dr. Park at 10 a.m. in the U.S. capital. Acme Co., Ltd. signed on Jan. 5. It was No. 3 on the list.');
    expect(s).toEqual([
      'Mr. Lee met Dr. Park at 10 a.m. in the U.S. capital.',
      'Acme Co., Ltd. signed on Jan. 5.',
      'It was No. 3 on the list.',
    ]);
  });
  it('splits on paragraph breaks and keeps quotes with their sentence', () => {
    const s = sentences('"We are ready," he said. "So are we."\n- First item\n- Second item');
    expect(s).toEqual(['"We are ready," he said.', '"So are we."', 'First item', 'Second item']);
  });
});

describe('offsets', () => {
  it('point into the original text, counted in UTF-16 code units, through Markdown', () => {
    const text =
      '# 🌍 **Talks**\n**Kazakh President Kassym-Jomart Tokayev** met *Uzbek President Shavkat Mirziyoyev* in Tashkent on Monday.';
    const r = extract(text, { published: '2024-05-14' });
    for (const e of r.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const f = r.facts.find((x) => x.type === 'meeting')!;
    expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    expect(f.args.participants).toEqual(['person:kassym-jomart-tokayev', 'person:shavkat-mirziyoyev']);
  });
});

describe('negation and modality', () => {
  it('emits nothing for negated statements', () => {
    expect(facts('Kenya and China did not sign the railway agreement.')).toEqual([]);
    expect(facts('No agreement was reached between Serbia and Kosovo.')).toEqual([]);
    expect(facts('German Chancellor Olaf Scholz never met Russian President Vladimir Putin in Moscow.')).toEqual([]);
  });
  it('emits nothing for hypothetical statements', () => {
    expect(facts('The China-Central Asia platform could take on a coordinating role, and a summit may follow in Astana.')).toEqual([]);
    expect(facts('Egypt might consider an investment of $2 billion in Sudan.')).toEqual([]);
    expect(facts('Trade between India and Brazil could reach $30 billion by 2030.')).toEqual([]);
  });
  it('keeps announced summits as scheduled', () => {
    const [s] = facts('The next BRICS summit will be held in Rio de Janeiro in July.', '2025-03-10', 'summit');
    expect(s.args).toMatchObject({ name: 'BRICS summit', place: 'place:rio-de-janeiro', organization: 'org:brics' });
    expect(s.status).toBe('planned');
    expect(s.when).toEqual({ value: '2025-07', precision: 'month' });
    expect(s.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });
});

describe('amounts and capacities', () => {
  it('applies "each with a capacity" to every plant', () => {
    const inv = facts(
      'Shenzhen Energy Group Co., Ltd. signed investment agreements on a wind power plant and a solar power plant, each with a capacity of 300 MW, in Kyrgyzstan.',
      '2025-03-10',
      'investment',
    );
    expect(inv).toHaveLength(2);
    for (const f of inv) {
      expect(f.args).toMatchObject({
        recipient: 'country:KG',
        investor: 'org:shenzhen-energy-group',
        capacity: { value: 300, unit: 'MW' },
      });
    }
  });
  it('reads "from X to Y" as a raised amount', () => {
    const [f] = facts(
      'Investment in the Tajik-Chinese textile park in Tajikistan was increased from $260 million to $410 million.',
      '2025-03-10',
      'investment',
    );
    expect(f.args.amount).toEqual({ value: 410e6, currency: 'USD' });
    expect(f.args.previous_amount).toEqual({ value: 260e6, currency: 'USD' });
  });
  it('normalises currencies and scales', () => {
    const t = facts('Trade between Russia and China reached 1.2 trillion yuan in 2024.', '2025-03-10', 'trade')[0];
    expect(t.args.amount).toEqual({ value: 1.2e12, currency: 'CNY' });
    const e = facts('Germany and Poland reported trade of €90bn in 2023.', '2025-03-10', 'trade')[0];
    expect(e.args.amount).toEqual({ value: 9e10, currency: 'EUR' });
  });
  it('counts documents', () => {
    const [a] = facts('Uzbekistan and Turkey signed more than 20 documents.', '2025-03-10', 'agreement');
    expect(a.args.count).toBe(20);
  });
});

describe('capitals, places and roles', () => {
  it('tells a capital acting for its government from a place', () => {
    const r = extract(
      'Headline\nBishkek and Beijing confirmed mutual support. Kyrgyz President Sadyr Japarov paid a state visit to Beijing.',
      { published: '2025-02-10' },
    );
    const cn = r.entities.find((e) => e.id === 'country:CN')!;
    expect(cn.mentions.map((m) => m.text)).toContain('Beijing');
    const place = r.entities.find((e) => e.id === 'place:beijing')!;
    expect(place.mentions).toHaveLength(1);
    const visit = r.facts.find((f) => f.type === 'visit')!;
    expect(visit.args).toEqual({ visitor: 'person:sadyr-japarov', host: 'country:CN', place: 'place:beijing', kind: 'state' });
  });
  it('resolves people by surname and by role', () => {
    const text =
      'Headline\nKazakh President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi in Astana. ' +
      "Later the Kazakh leader met with Tokayev's aides. The country's top diplomat then flew home. Wang also spoke to reporters.";
    const r = extract(text, { published: '2025-02-10' });
    const tok = r.entities.find((e) => e.id === 'person:kassym-jomart-tokayev')!;
    expect(tok.roles).toEqual([{ title: 'President', of: 'country:KZ' }]);
    expect(tok.mentions.map((m) => m.text)).toEqual(['Kassym-Jomart Tokayev', 'Kazakh leader', 'Tokayev']);
    const wang = r.entities.find((e) => e.id === 'person:wang-yi')!;
    expect(wang.mentions.map((m) => m.text)).toEqual(['Wang Yi', "country's top diplomat", 'Wang']);
  });
  it('learns official long forms and abbreviations defined in the text', () => {
    const r = extract('Headline\nThe Kyrgyz Republic (KR) and the PRC agreed. The KR will host the meeting.', {});
    expect(r.entities.find((e) => e.id === 'country:KG')!.mentions.map((m) => m.text)).toEqual(['Kyrgyz Republic', 'KR', 'KR']);
    expect(r.entities.find((e) => e.id === 'country:CN')!.mentions.map((m) => m.text)).toEqual(['PRC']);
  });
  it('knows initiative aliases', () => {
    const r = extract('Headline\nThe OBOR project, also called One Belt – One Road or the Belt and Road, grew.', {});
    const bri = r.entities.find((e) => e.id === 'project:belt-and-road-initiative')!;
    expect(bri.mentions).toHaveLength(3);
  });
});

describe('time', () => {
  it('resolves relative dates only when a publication date is given', () => {
    const text = 'The construction of the China-Kyrgyzstan-Uzbekistan railway started last year.';
    expect(facts(text, '2025-03-10', 'project_milestone')[0].when).toEqual({ value: '2024', precision: 'year' });
    const r = extract('Headline\n' + text, {});
    expect(r.facts[0].type).toBe('project_milestone');
    expect(r.facts[0].when).toBeUndefined();
  });
  it('resolves months, seasons and days', () => {
    expect(
      facts("In early February Japan's Prime Minister Shigeru Ishiba paid an official visit to Washington.", '2025-03-10', 'visit')[0].when,
    ).toEqual({ value: '2025-02', precision: 'month' });
    expect(facts('The G20 summit will be held in Johannesburg in the fall.', '2025-03-10', 'summit')[0].when).toEqual({
      value: '2025-09',
      precision: 'season',
    });
    expect(facts("The first China-Central Asia summit was held in Xi'an in May 2023.", '2025-03-10', 'summit')[0].when).toEqual({
      value: '2023-05',
      precision: 'month',
    });
  });
});

describe('every fact', () => {
  it('carries evidence, a confidence in [0,1] and the extractor version', () => {
    for (const f of facts(
      'Indian Prime Minister Narendra Modi paid a state visit to Moscow on Monday and held talks with Russian President Vladimir Putin. The sides signed 9 agreements.',
    )) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.evidence.text.length).toBeGreaterThan(0);
      expect(f.extractor).toBe(EXTRACTOR_VERSION);
    }
  });
});

describe('constructions of real reporting (English)', () => {
  it('keeps announced visits and meetings as planned, and drops invitations and hopes', () => {
    const v = facts('Chilean President Gabriel Boric will arrive in India next Sunday for a state visit.', '2025-03-10', 'visit');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({
      status: 'planned',
      args: { host: 'country:IN', kind: 'state' },
      when: { value: '2025-03-16', precision: 'day' },
    });
    const m = facts(
      'Kenyan President William Ruto arrived in Seoul on Monday and will hold talks with South Korean President Lee Jae-myung on Wednesday.',
      '2025-03-10',
      'meeting',
    );
    expect(m[0]).toMatchObject({ status: 'planned', args: { format: 'talks' } });
    expect(
      facts('Nigerian President Bola Tinubu invited Brazilian President Luiz Inacio Lula da Silva to visit Abuja.', '2025-03-10', 'visit'),
    ).toEqual([]);
    expect(facts('Ghana hopes Indian Prime Minister Narendra Modi could visit Accra later this year.', '2025-03-10', 'visit')).toEqual([]);
  });

  it('reads a summit’s treaty named twice, by its subject then in full, as one document of every state', () => {
    const text =
      'In Dushanbe the leaders of Russia and the five Central Asian states signed a charter on regional water security, the first of its kind.\n' +
      'The summit opened on 4 March, bringing together Russian President Vladimir Putin and the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.\n' +
      'The six heads of state signed a Charter on Regional Water Security, Monitoring and Exchange of Data, and a joint communique.';
    const a = facts(text, '2025-03-06', 'agreement');
    expect(a).toHaveLength(1);
    expect(a[0].args.title).toBe('Charter on Regional Water Security, Monitoring and Exchange of Data');
    expect([...(a[0].args.parties as string[])].sort()).toEqual([
      'country:KG',
      'country:KZ',
      'country:RU',
      'country:TJ',
      'country:TM',
      'country:UZ',
    ]);
    // A document named by its subject alone keeps that as its title; "on Monday" is a time, not a subject.
    expect(
      facts('Kazakhstan and Uzbekistan signed a treaty on the demarcation of their border.', undefined, 'agreement')[0]?.args.title,
    ).toBe('Treaty on the demarcation of their border');
    expect(facts('Kazakhstan and Uzbekistan signed a declaration on Monday.', undefined, 'agreement')[0]?.args.title).toBeUndefined();
  });
  it('reads signings told in relative clauses, dated by their own verb', () => {
    const text =
      'Armenian Prime Minister Nikol Pashinyan spoke with Georgian Prime Minister Irakli Kobakhidze on 3 March.\n' +
      'They welcomed the ratification of the Treaty on Strategic Partnership between the Republic of Armenia and Georgia, which was signed in Tbilisi on 14 January.\n' +
      'Trade grew under the Agreement on Free Trade, signed by the two governments in May 2019.\n' +
      'Freight now moves under the transit agreement signed in Yerevan in October 2023.';
    const a = facts(text, '2025-03-04', 'agreement');
    expect(a.map((f) => [f.args.title, f.when?.value])).toEqual([
      ['Treaty on Strategic Partnership', '2025-01-14'],
      ['Agreement on Free Trade', '2019-05'],
      [undefined, '2023-10'],
    ]);
    for (const f of a) expect([...(f.args.parties as string[])].sort()).toEqual(['country:AM', 'country:GE']);
  });
  it('reads a statistics note: its period, its reporter, its partners, not its totals', () => {
    const text =
      'Uzbekistan’s trade with Russia amounted to $7.9 billion in January-September 2024, the statistics agency said.\n' +
      'Turnover with China rose 5% to $9.4 billion, of which Uzbek exports accounted for $1.8 billion.\n' +
      'Exports to Türkiye fell 3 percent to USD 1.2 billion.\n' +
      'Uzbekistan’s overall foreign trade turnover reached $47.3 billion, with exports of $19.8 billion and imports of $27.5 billion.';
    const t = facts(text, '2024-10-21', 'trade').map((f) => [
      f.args.parties,
      f.args.metric,
      (f.args.amount as { value: number }).value,
      f.args.period,
    ]);
    expect(t).toEqual([
      [['country:UZ', 'country:RU'], 'trade_turnover', 7_900_000_000, '2024-01/09'],
      [['country:UZ', 'country:CN'], 'trade_turnover', 9_400_000_000, '2024-01/09'],
      [['country:UZ', 'country:CN'], 'exports', 1_800_000_000, '2024-01/09'],
      [['country:UZ', 'country:TR'], 'exports', 1_200_000_000, '2024-01/09'],
    ]);
    // A figure reached after a change is a result; one "to reach" by a date is a target.
    const r = facts(
      'Georgia and Armenia. Bilateral trade between Georgia and Armenia increased by 9 percent last year to reach $1.1 billion.',
      '2025-02-01',
      'trade',
    );
    expect(r.map((f) => (f.args.amount as { value: number }).value)).toEqual([1_100_000_000]);
    expect(facts('Georgia and Armenia aim for bilateral trade to reach $2 billion by 2030.', '2025-02-01', 'trade')).toEqual([]);
  });
  it('keeps two numbered summits of one city apart, and never places a summit in a region', () => {
    const s = facts(
      'VIENTIANE, Oct 9 (Wire) - Laos opened the 44th ASEAN Summit in Vientiane on Wednesday.\nThe 45th ASEAN Summit is scheduled for April, again in Vientiane.',
      '2024-10-09',
      'summit',
    );
    expect(s.map((f) => [f.args.ordinal, f.status ?? null])).toEqual([
      [44, null],
      [45, 'planned'],
    ]);
    const r = facts('Leaders will gather for the first EU–Central Asia summit next spring.', '2025-01-10', 'summit');
    expect(r.every((f) => f.args.place !== 'place:central-asia')).toBe(true);
    // "memorandums" is a plural of memorandum.
    expect(
      facts('Malaysia and Indonesia signed three memorandums of understanding on energy on Tuesday.', '2025-05-27', 'agreement')[0]?.args
        .count,
    ).toBe(3);
  });
  it('reads a standing body of states that will sit as a planned meeting of those states', () => {
    const m = (text: string) =>
      facts(text, '2025-03-10', 'meeting').map((f) => [
        [...(f.args.participants as string[])].sort(),
        f.args.place ?? null,
        f.status ?? null,
      ]);
    expect(
      m(
        'Kazakhstan and China. It was agreed that the next meeting of the Kazakh-Chinese Business Council would take place in Almaty in June.',
      ),
    ).toEqual([[['country:CN', 'country:KZ'], 'place:almaty', 'planned']]);
    expect(
      m(
        'The ministers prepared the next trilateral meeting of the foreign ministers of Iran, Russia and Türkiye, which will be held in Tehran in May.',
      ),
    ).toEqual([[['country:IR', 'country:RU', 'country:TR'], 'place:tehran', 'planned']]);
    expect(m('Kazakhstan and China. The business council could meet in Almaty in June.')).toEqual([]);
  });
  it('reads figures by partner in one sentence, purchases and shipments, quarters and nine months', () => {
    const text =
      'HANOI, Oct 10 - Thailand’s two-way trade with China totalled $98.1 billion in the first nine months of 2025.\n' +
      'In the third quarter alone, purchases from China reached $24.3 billion, while shipments to the U.S. came to $15.2 billion.\n' +
      'Trade with South Korea reached $16.2 billion over the nine months, and trade with Japan $47.0 billion.';
    const t = facts(text, '2025-10-10', 'trade').map((f) => [f.args.parties, f.args.metric, f.args.period]);
    expect(t).toEqual([
      [['country:TH', 'country:CN'], 'trade_turnover', '2025-01/09'],
      [['country:TH', 'country:CN'], 'imports', '2025-Q3'],
      [['country:TH', 'country:US'], 'exports', '2025-Q3'],
      [['country:TH', 'country:KR'], 'trade_turnover', '2025-01/09'],
      [['country:TH', 'country:JP'], 'trade_turnover', '2025-01/09'],
    ]);
  });
  it('reads a package of documents and the one singled out of it as two agreements', () => {
    const text =
      'Kyrgyz President Sadyr Japarov met Tajik President Emomali Rahmon in Bishkek on 13 March. Kyrgyzstan and Tajikistan have settled their border.\n' +
      'In all, 12 documents were signed after the talks. Among them was an agreement on the joint management of the Isfara river, the most awaited item.';
    const a = facts(text, '2025-03-14', 'agreement');
    expect(a.map((f) => f.args.count ?? f.args.title)).toEqual([12, 'Agreement on the joint management of the Isfara river']);
    for (const f of a) expect([...(f.args.parties as string[])].sort()).toEqual(['country:KG', 'country:TJ']);
  });
  it('reads documents the leaders of a body adopt, and a title that begins before its noun', () => {
    const adopted = facts(
      'The EU and Central Asia held their summit in Samarkand. Leaders adopted a Joint Declaration on relations between the European Union and the five Central Asian countries.',
      '2025-04-04',
      'agreement',
    );
    expect(adopted.map((f) => [...(f.args.parties as string[])].sort())).toEqual([
      ['country:KG', 'country:KZ', 'country:TJ', 'country:TM', 'country:UZ', 'org:eu'],
    ]);
    const named = facts(
      'Azerbaijan and Armenia. President Ilham Aliyev met Prime Minister Nikol Pashinyan. They recalled the Abu Dhabi Declaration that Azerbaijan and Armenia signed in the Emirati capital.',
      '2025-08-01',
      'agreement',
    );
    expect(named[0]?.args.title).toBe('Abu Dhabi Declaration');
  });
  it('reads meetings held "in" a place "with" someone, with several people, "last met", and an unnamed leader', () => {
    const m = (text: string) => facts(text, '2025-03-10', 'meeting').map((f) => [f.args.participants, f.args.format ?? null]);
    expect(
      m('On Monday, Kazakh Foreign Minister Murat Nurtleu held talks in Astana with Uzbek Foreign Minister Bakhtiyor Saidov.'),
    ).toEqual([[['person:murat-nurtleu', 'person:bakhtiyor-saidov'], 'talks']]);
    expect(
      m('In Moscow, Vladimir Putin held a joint meeting with Kazakhstan’s Kassym-Jomart Tokayev and Uzbekistan’s Shavkat Mirziyoyev.'),
    ).toEqual([[['person:vladimir-putin', 'person:kassym-jomart-tokayev', 'person:shavkat-mirziyoyev'], null]]);
    expect(m('Brazil and India are partners. Lula da Silva and Narendra Modi last met in November in Rio.')).toHaveLength(1);
    expect(m('Kazakhstan and Egypt. On Friday, Kassym-Jomart Tokayev held a phone call with the President of Egypt.')).toEqual([
      [['person:kassym-jomart-tokayev', 'country:EG'], 'phone call'],
    ]);
  });
  it('dates "on 8 May last year", and finds who travelled and whom they talked with across sentences', () => {
    const text =
      'When Xi Jinping landed in Belgrade on 7 May last year for a state visit, Serbian officials spoke of a new era.\n' +
      'After talks with Aleksandar Vucic on 8 May, the two leaders signed 28 documents.\n' +
      'Two months after hosting Xi, Vucic flew to Beijing for talks.';
    const f = facts(text, '2025-11-18');
    const visits = f.filter((x) => x.type === 'visit');
    expect(visits.map((x) => [x.args.visitor, x.args.host])).toEqual([
      ['person:xi-jinping', 'country:RS'],
      ['person:aleksandar-vucic', 'country:CN'],
    ]);
    expect(visits[0].when?.value).toBe('2024-05-07');
    expect(f.filter((x) => x.type === 'meeting').map((x) => x.args.participants)).toContainEqual([
      'person:xi-jinping',
      'person:aleksandar-vucic',
    ]);
  });
  it('reads an interview’s "I" and "our" as the one interviewed and their country', () => {
    const text =
      'Kazakh Foreign Minister Murat Nurtleu spoke to us about Korea.\n' +
      'Q: How are relations?\n' +
      'A: I spoke to Foreign Minister Cho Tae-yul by phone in March. Our trade with South Korea was about $6 billion last year. In May I held talks there with Prime Minister Han Duck-soo in Seoul.';
    const f = extract('Interview: Murat Nurtleu\n' + text, { published: '2025-06-02' }).facts;
    expect(f.filter((x) => x.type === 'meeting').map((x) => [x.args.participants, x.args.format])).toEqual([
      [['person:murat-nurtleu', 'person:cho-tae-yul'], 'phone call'],
      [['person:murat-nurtleu', 'person:han-duck-soo'], 'talks'],
    ]);
    expect(f.find((x) => x.type === 'trade')?.args.parties).toEqual(['country:KZ', 'country:KR']);
  });
  it('learns a person named before an official style title, after an honorific', () => {
    const m = facts(
      'Prime Minister Fumio Kishida held a meeting with the Hon. Feleti Teo, Prime Minister of the Independent State of Tuvalu, in Tokyo.',
      '2024-07-17',
      'meeting',
    );
    expect(m.map((f) => f.args.participants)).toEqual([['person:fumio-kishida', 'person:feleti-teo']]);
  });
  it('reads communiqué style: honorifics, courtesy calls and a body’s numbered sessions', () => {
    const text =
      'Accra, 20 May 2025 - Summary of the final communiqué\n' +
      'The 12th Ordinary Session of the ECOWAS Authority of Heads of State and Government was held on 19 May 2025 in Accra.\n' +
      'On the margins of the session, President John Dramani Mahama held talks with H.E. Bassirou Diomaye Faye, President of the Republic of Senegal.\n' +
      'H.E. Julius Maada Bio, President of the Republic of Sierra Leone, paid a courtesy call on President Mahama.\n' +
      'The Authority decided to hold its 13th Ordinary Session in Abuja on 14 December 2025.';
    const f = facts(text, '2025-05-20');
    expect(f.filter((x) => x.type === 'summit').map((x) => [x.args.organization, x.args.ordinal, x.args.place, x.status ?? null])).toEqual([
      ['org:ecowas', 12, 'place:accra', null],
      ['org:ecowas', 13, 'place:abuja', 'planned'],
    ]);
    expect(f.filter((x) => x.type === 'meeting').map((x) => x.args.participants)).toEqual([
      ['person:john-dramani-mahama', 'person:bassirou-diomaye-faye'],
      ['person:julius-maada-bio', 'person:john-dramani-mahama'],
    ]);
  });
  it('reads an investment "in the Central Asian country" by an investor based elsewhere', () => {
    const i = facts(
      'Mubadala, the Abu Dhabi-based state investor, signed a deal with Uzbekistan’s investment ministry under which it will invest up to US$1 billion in energy projects in the Central Asian country.',
      '2025-05-21',
      'investment',
    );
    expect(i.map((f) => f.args.recipient)).toEqual(['country:UZ']);
  });
  it('reads "our" in a quote as the country of the one quoted', () => {
    const text =
      'Türkiye and Azerbaijan. President Recep Tayyip Erdoğan met President Ilham Aliyev in Ankara.\n' +
      'At the press conference, President Erdoğan said: "Our trade volume reached 7.5 billion dollars last year."';
    expect(facts(text, '2025-06-11', 'trade').map((f) => f.args.parties)).toEqual([['country:TR', 'country:AZ']]);
  });
  it('reads "In May" as a month, not as "may"', () => {
    expect(
      facts('In May Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev.', '2025-06-01', 'meeting'),
    ).toHaveLength(1);
    expect(
      facts('Kazakh President Kassym-Jomart Tokayev may hold talks with Uzbek President Shavkat Mirziyoyev.', '2025-06-01', 'meeting'),
    ).toEqual([]);
  });
  it('reads "met today in X with", and a visitor "who is in" a country to do something or "is paying" a visit', () => {
    const f = facts(
      "Kazakhstan and Japan. Japanese Foreign Minister Takeshi Iwaya met today in Tokyo with Kazakhstan's Foreign Minister Murat Nurtleu, who is in Japan to co-chair the annual dialogue.",
      '2025-04-09',
    );
    expect(f.find((x) => x.type === 'meeting')?.args.participants).toEqual(['person:takeshi-iwaya', 'person:murat-nurtleu']);
    expect(f.find((x) => x.type === 'visit')?.args).toMatchObject({ visitor: 'person:murat-nurtleu', host: 'country:JP' });
    const v = facts(
      'President Recep Tayyip Erdoğan hosted President of Kyrgyzstan Sadyr Japarov, who is paying an official visit to Türkiye, at the Presidential Complex in Ankara.',
      '2025-06-11',
      'visit',
    );
    expect(v[0]?.args).toMatchObject({ visitor: 'person:sadyr-japarov', host: 'country:TR', kind: 'official' });
  });
  it('knows a cabinet secretary by title, and "the ambassador" as the one ambassador named', () => {
    const m = facts(
      'Kenya and China. Chinese Ambassador Guo Haiyan attended the launch. On Wednesday, Energy Cabinet Secretary Opiyo Wandayi held talks with the ambassador in Nairobi.',
      '2025-09-26',
      'meeting',
    );
    expect(m.map((f) => f.args.participants)).toEqual([['person:opiyo-wandayi', 'person:guo-haiyan']]);
  });
  it('reads a tour by its stops: a visit to each country it began in or took them to', () => {
    const v = facts(
      'India and Ghana. Prime Minister Narendra Modi arrived in Accra. Accra was the first stop of the Prime Minister’s tour, which began in Cyprus on June 15 and also took him to Canada and Croatia.',
      '2025-06-20',
      'visit',
    );
    expect(v.map((f) => [f.args.host, f.when?.value])).toEqual([
      ['country:GH', expect.any(String)],
      ['country:CY', '2025-06-15'],
      ['country:CA', '2025-06'],
      ['country:HR', '2025-06'],
    ]);
  });
  it('reads a visit told in a relative clause about its visitor', () => {
    const v = facts(
      'On 2 March, Kazakh Foreign Minister Murat Nurtleu met Uzbek Foreign Minister Bakhtiyor Saidov, who is in Astana on an official visit.',
      '2025-03-03',
      'visit',
    );
    expect(v.map((f) => f.args)).toEqual([
      { visitor: 'person:bakhtiyor-saidov', host: 'country:KZ', place: 'place:astana', kind: 'official' },
    ]);
  });
  it('reads milestones with a time inside the phrase, services begun, and completions announced', () => {
    const stages = (text: string, published = '2025-03-10') =>
      facts(text, published, 'project_milestone').map((f) => [f.args.project, f.args.stage, f.status ?? null]);
    expect(stages('The ministers hailed the completion last month of the Kars–Iğdır railway.')).toEqual([
      ['project:kars-igdir-railway', 'completed', null],
    ]);
    expect(stages('Georgia broke ground on Friday on the Anaklia deep-sea port, the government said.')).toEqual([
      ['project:anaklia-deep-sea-port', 'construction_started', null],
    ]);
    expect(stages('The Budapest–Belgrade railway began regular passenger services in March.')).toEqual([
      ['project:budapest-belgrade-railway', 'launched', null],
    ]);
    expect(stages('The Rogun hydropower plant is scheduled to be completed by 2029.')).toEqual([
      ['project:rogun-hydropower-plant', 'completed', 'planned'],
    ]);
    expect(stages('The Rogun hydropower plant could be completed by 2029.')).toEqual([]);
  });
  it('reads "the launch of work on" a project as the start of its construction', () => {
    const m = facts(
      'The year’s main event was the launch of work on the Kambarata-1 hydropower plant in October 2024.',
      undefined,
      'project_milestone',
    );
    expect(m.map((f) => [f.args.project, f.args.stage])).toEqual([['project:kambarata-1-hydropower-plant', 'construction_started']]);
  });
  it('reads a visit announced ahead of an interview, with the pronoun resolved', () => {
    const v = facts(
      'Japanese Prime Minister Fumio Kishida spoke to reporters. In an interview ahead of his three-day visit to Vietnam from Thursday, he praised the partnership.',
      '2025-03-10',
      'visit',
    );
    expect(v[0]).toMatchObject({ status: 'planned', args: { visitor: 'person:fumio-kishida', host: 'country:VN' } });
  });

  it('reads meetings named by nouns and welcomes', () => {
    const a = facts(
      'Trade is growing, said Mongolian President Ukhnaagiin Khurelsukh during a meeting with Japanese Prime Minister Fumio Kishida in Tokyo.',
      '2025-03-10',
      'meeting',
    );
    expect(a[0].args).toMatchObject({ place: 'place:tokyo' });
    expect(a[0].args.participants).toHaveLength(2);
    const w = facts('Ghanaian President John Mahama welcomed his Togolese counterpart Faure Gnassingbe to Accra on Tuesday.', '2025-03-10');
    expect(w.map((f) => f.type).sort()).toEqual(['meeting', 'visit']);
    expect(w.find((f) => f.type === 'visit')!.args).toMatchObject({ host: 'country:GH', place: 'place:accra' });
    const t = facts(
      'Vietnamese President Luong Cuong and Cuban President Miguel Diaz-Canel spoke on Monday. A trade protocol was signed in Havana after their talks.',
      '2025-03-10',
      'meeting',
    );
    expect(t.some((f) => f.args.format === 'talks' && (f.args.participants as string[]).length === 2)).toBe(true);
  });

  it('reads trade in decimal commas, US$ amounts, ranked lists and one-sided exports', () => {
    const dc = facts(
      'Peru and Morocco held talks in Rabat on Peru-Morocco ties. Trade between the two countries reached $56,4 million in 2024.',
      '2025-03-10',
      'trade',
    );
    expect(dc[0].args.amount).toEqual({ value: 56400000, currency: 'USD' });
    const us = facts(
      'Chile and India signed a pact. In 2023, bilateral trade between Chile and India amounted to approximately US$4 billion.',
      '2025-03-10',
      'trade',
    );
    expect(us[0].args.parties).toEqual(['country:CL', 'country:IN']);
    const ranked = facts(
      "Vietnam led India's trade partners in Southeast Asia in 2024 with trade reaching $15.1 billion. Thailand followed with $12.2 billion, and Malaysia came third with $11.9 billion.",
      '2025-03-10',
      'trade',
    );
    expect(ranked.map((f) => [(f.args.parties as string[])[0], (f.args.amount as { value: number }).value])).toEqual([
      ['country:VN', 15100000000],
      ['country:TH', 12200000000],
      ['country:MY', 11900000000],
    ]);
    expect(ranked.every((f) => (f.args.parties as string[])[1] === 'country:IN' && f.args.period === '2024')).toBe(true);
  });
});

describe('amounts and investors as press releases write them', () => {
  it('reads a spaced US$, Indian crores, a nationality of businesses and the amount nearest the verb', () => {
    const inv = facts(
      'Officials said bilateral trade stood at US$ 6.1 billion in 2024 and that Turkish companies have invested over US$ 2.3 billion in Ghana.',
      '2025-03-10',
      'investment',
    );
    expect(inv[0].args).toMatchObject({ recipient: 'country:GH', investor: 'country:TR', amount: { value: 2300000000, currency: 'USD' } });
    const crore = facts('Japan invested Rs 2,500 crore in India in 2024, the ministry said.', '2025-03-10', 'investment');
    expect(crore[0].args.amount).toEqual({ value: 25000000000, currency: 'INR' });
  });

  it('dates a summit by the relative clause about it', () => {
    const s = facts(
      'The leaders discussed the China-Kazakhstan annual summit, which will be held in Astana in April.',
      '2025-02-03',
      'summit',
    );
    expect(s[0]).toMatchObject({ status: 'planned', when: { value: '2025-04', precision: 'month' } });
  });

  it('does not place a headline summit at the dateline when the body places it', () => {
    const r = extract(
      'President meets Brazilian leader on sidelines of G20 Summit\nPRETORIA, Nov 18 - President Cyril Ramaphosa met President Luiz Inacio Lula da Silva at the G20 Summit in Rio de Janeiro on Monday.',
      { published: '2024-11-18' },
    ).facts.filter((f) => f.type === 'summit');
    expect(r.map((f) => f.args.place)).toEqual(['place:rio-de-janeiro']);
  });
});

describe('summits as real reporting names them (English)', () => {
  it('names a summit by the organisation that holds it', () => {
    const a = facts(
      "The Association of Southeast Asian Nations (ASEAN) opened its leaders' summit on Tuesday in Vientiane, Laos.",
      '2024-10-09',
      'summit',
    );
    expect(a[0].args).toMatchObject({ organization: 'org:asean', place: 'place:vientiane' });
    const b = facts(
      'Leaders praised the 16th Summit of Heads of State of the Shanghai Cooperation Organization in Astana.',
      '2024-07-05',
      'summit',
    );
    expect(b[0].args).toMatchObject({ organization: 'org:sco', place: 'place:astana', ordinal: 16 });
  });
  it('reads a summit named in title case, and takes the dateline as its place', () => {
    const a = facts('Leaders will attend the Global Food Security Summit in Rome on Friday.', '2024-07-05', 'summit');
    expect(a[0]).toMatchObject({ status: 'planned', args: { place: 'place:rome' } });
    expect(a[0].args.name).toMatch(/Global Food Security Summit/);
    const b = extract('Leaders meet\nNEW DELHI: India and Japan held their 16th annual India-Japan summit on Saturday, officials said.', {
      published: '2024-07-06',
    }).facts;
    expect(b.find((f) => f.type === 'summit')?.args).toMatchObject({ place: 'place:new-delhi', ordinal: 16 });
  });
  it('reads a one-off summit of two leaders as a meeting, and an invitation as nothing', () => {
    const a = facts('Trump flew to Singapore for the US-North Korea summit.', '2018-06-12');
    expect(a.filter((f) => f.type === 'summit')).toEqual([]);
    expect(a.find((f) => f.type === 'meeting')?.args.participants).toContain('country:KP');
    expect(
      facts('Lula invited Macron to visit Brazil next year to take part in the 12th Annual Brazil-France Summit.', '2024-03-01', 'summit'),
    ).toEqual([]);
  });
});

describe('dates from the whole document (English)', () => {
  it('gives "during the visit" the visit\'s date and undated news the lead event\'s day', () => {
    const f = facts(
      'Vietnamese President To Lam arrived in Jakarta on Monday for a state visit. He held talks with Indonesian President Prabowo Subianto. During the visit, the two sides signed nine agreements.',
      '2025-03-12',
    );
    const visit = f.find((x) => x.type === 'visit')!;
    expect(visit.when).toEqual({ value: '2025-03-10', precision: 'day' });
    expect(f.find((x) => x.type === 'agreement')!.when).toEqual(visit.when);
    expect(f.find((x) => x.type === 'meeting')!.when).toEqual(visit.when);
  });
  it('leaves background events undated and continues a trade series', () => {
    const f = facts(
      "Egypt and Kenya held talks in Cairo on Monday. The only visit he had undertaken before was a brief visit to Nairobi. In 2023, Egypt's trade with Kenya reached $600 million. Exports from Egypt rose to $450 million.",
      '2024-05-01',
    );
    expect(f.find((x) => x.type === 'visit')?.when).toBeUndefined();
    const ex = f.find((x) => x.type === 'trade' && x.args.metric === 'exports')!;
    expect(ex.args).toMatchObject({ parties: ['country:EG', 'country:KE'], period: '2023' });
  });
  it('reads "in September last year" and prefers "later today" to "this year"', () => {
    const f = facts('Chinese President Xi Jinping paid a state visit to Serbia in September last year.', '2025-03-12', 'visit');
    expect(f[0].when).toEqual({ value: '2024-09', precision: 'month' });
    const g = facts(
      'Later today, he will open the Africa Climate Summit in Nairobi, where Kenya is host this year.',
      '2025-03-12',
      'summit',
    );
    expect(g[0].when).toEqual({ value: '2025-03-12', precision: 'day' });
  });
});

describe('tours, groups and honorifics (English)', () => {
  it('reads one visit per country of a tour, and one meeting per leader of the listed countries', () => {
    const f = facts(
      'Indian Prime Minister Narendra Modi paid official visits to Ghana, Namibia and Brazil from July 2 to July 9. During the tour, Modi held talks with the leaders of the three countries.',
      '2025-07-10',
    );
    expect(
      f
        .filter((x) => x.type === 'visit')
        .map((x) => x.args.host)
        .sort(),
    ).toEqual(['country:BR', 'country:GH', 'country:NA']);
    expect(
      f
        .filter((x) => x.type === 'meeting')
        .map((x) => (x.args.participants as string[])[1])
        .sort(),
    ).toEqual(['country:BR', 'country:GH', 'country:NA']);
  });
  it('gives "during the talks" to the two leaders the article is about', () => {
    const f = facts(
      'French President Emmanuel Macron hailed ties with China. Chinese President Xi Jinping arrived in Paris on Sunday. Xi praised Macron. Climate also figured during the talks, Macron said.',
      '2024-05-07',
      'meeting',
    );
    expect(f.some((x) => x.args.format === 'talks')).toBe(true);
  });
  it('reads honorifics with a given name, and the "Shaikh" spelling', () => {
    const f = facts(
      "Saudi Arabia's Crown Prince Mohammed bin Salman landed in Ankara on Monday. Prince Mohammed's stay is his first since 2018.",
      '2023-07-20',
      'visit',
    );
    expect(f.map((x) => x.args.visitor)).toEqual(['person:mohammed-bin-salman']);
    const g = facts(
      'Modi told reporters he will meet Shaikh Mohammad Bin Zayed Al Nahyan in Abu Dhabi on Saturday.',
      '2018-02-08',
      'meeting',
    );
    expect(g[0]).toMatchObject({
      status: 'planned',
      args: { participants: ['person:narendra-modi', 'person:mohamed-bin-zayed-al-nahyan'] },
    });
  });
});

describe('groups of leaders and reduced statements (English)', () => {
  const text =
    'Presidents Sadyr Japarov of Kyrgyzstan, Emomali Rahmon of Tajikistan and Shavkat Mirziyoyev of Uzbekistan arrived in Astana on Thursday for the sixth Consultative Meeting of the Heads of State of Central Asia.';
  it("reads one visit per leader of a coordinated list, and a named leaders' meeting as a summit", () => {
    const f = facts(text, '2024-08-09');
    expect(
      f
        .filter((x) => x.type === 'visit')
        .map((x) => x.args.visitor)
        .sort(),
    ).toEqual(['person:emomali-rahmon', 'person:sadyr-japarov', 'person:shavkat-mirziyoyev']);
    expect(f.find((x) => x.type === 'summit')?.args).toMatchObject({ place: 'place:astana', ordinal: 6 });
  });
  it('reads "their last meeting in Sochi" as an undated meeting of the two named', () => {
    const f = facts('Putin and Erdogan recalled their last meeting in Sochi.', '2024-08-09', 'meeting');
    expect(f[0].args).toMatchObject({ participants: ['person:vladimir-putin', 'person:recep-tayyip-erdogan'], place: 'place:sochi' });
    expect(f[0].when).toBeUndefined();
  });
  it('reads "agreed on memoranda" and "documents signed during the talks"', () => {
    expect(facts('Lula said Brazil and China agreed on a number of memoranda.', '2024-08-09', 'agreement')[0].args.parties).toEqual([
      'country:BR',
      'country:CN',
    ]);
    const f = facts(
      'Peruvian President Dina Boluarte and Chilean President Gabriel Boric held talks in Lima on Monday. Peru and Chile share a long border. The documents signed during the talks include a non-binding memorandum on lithium.',
      '2024-08-09',
      'agreement',
    );
    expect(f[0].args.parties).toEqual(['country:PE', 'country:CL']);
  });
});

describe('headlines and announced money (English)', () => {
  it('reads a headline "X to visit Y" as planned and "will invest" as a planned investment', () => {
    const v = extract('Japarov to visit Astana next month\nThe Kyrgyz leader is expected in the Kazakh capital in January.', {
      published: '2026-12-01',
    }).facts;
    expect(v.find((f) => f.type === 'visit')).toMatchObject({
      status: 'planned',
      args: { visitor: 'person:sadyr-japarov', host: 'country:KZ' },
    });
    const i = facts("Japan's Toyota will invest $500 million in a new plant in Kazakhstan.", '2025-03-05', 'investment');
    expect(i[0]).toMatchObject({ status: 'planned', args: { recipient: 'country:KZ', investor: 'org:toyota' } });
    expect(i[0].args.project).toBeUndefined();
  });
});

describe('lists and statistics notes (English)', () => {
  it('reads "US dollars" as a currency, not a party', () => {
    const [t] = facts('Trade between Kenya and Tanzania reached 1.4 billion US dollars in 2024.', '2025-02-01', 'trade');
    expect(t.args.parties).toEqual(['country:KE', 'country:TZ']);
    expect(t.args.amount).toEqual({ value: 1_400_000_000, currency: 'USD' });
  });
  it('reads each document of a list after the signing, also a sentence further on', () => {
    const a = facts(
      'Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan held talks in Nairobi on Monday and oversaw the signing of nine documents. Ruto thanked his guest for the visit. Among the documents were an agreement on cross-border fisheries, a memorandum of understanding on tourism promotion and a protocol on customs data exchange, the State House said.',
      '2025-02-04',
      'agreement',
    );
    expect(a.map((f) => f.args.title ?? f.args.count)).toEqual([
      9,
      'Agreement on cross-border fisheries',
      'Memorandum of understanding on tourism promotion',
      'Protocol on customs data exchange',
    ]);
    for (const f of a) expect(f.args.parties).toEqual(['country:KE', 'country:TZ']);
  });
  it("reads a note's partners ranked after its reporting country's total, in its period", () => {
    const t = facts(
      "Armenia's external trade turnover reached $9.1 billion in January-June 2025, official data showed. Russia remained Armenia's main trading partner, with turnover of $3.2 billion. It was followed by China ($1.1 billion) and Iran ($420 million). The United Arab Emirates was the main buyer of Armenian exports, taking $610 million of re-exported gold, ahead of Hong Kong with $350 million. On the import side, goods worth $900 million came from China and $250 million from Georgia.",
      '2025-07-20',
      'trade',
    );
    expect(
      t.map((f) => [...(f.args.parties as string[]), f.args.metric, (f.args.amount as { value: number }).value, f.args.period]),
    ).toEqual([
      ['country:AM', 'country:RU', 'trade_turnover', 3_200_000_000, '2025-H1'],
      ['country:AM', 'country:CN', 'trade_turnover', 1_100_000_000, '2025-H1'],
      ['country:AM', 'country:IR', 'trade_turnover', 420_000_000, '2025-H1'],
      ['country:AM', 'country:AE', 'exports', 610_000_000, '2025-H1'],
      ['country:AM', 'country:HK', 'exports', 350_000_000, '2025-H1'],
      ['country:AM', 'country:CN', 'imports', 900_000_000, '2025-H1'],
      ['country:AM', 'country:GE', 'imports', 250_000_000, '2025-H1'],
    ]);
  });
  it('reads an inaugurated or commissioned project as launched, a completed one as completed', () => {
    const m = facts(
      'Prime Minister Abiy Ahmed inaugurated the Koysha hydropower plant on Tuesday. The Awash railway, completed in 2023, links the capital to Djibouti.',
      '2025-03-12',
      'project_milestone',
    );
    expect(m.map((f) => [f.args.project, f.args.stage])).toEqual([
      ['project:koysha-hydropower-plant', 'launched'],
      ['project:awash-railway', 'completed'],
    ]);
  });
});

describe('sessions, consultations and trips (English)', () => {
  it('reads political consultations between deputies, with their titles as deputies', () => {
    const r = extract(
      'Consultations\nHanoi, 3 March 2025 – Deputy Minister of Foreign Affairs of the Socialist Republic of Viet Nam Nguyen Minh Vu held the third round of political consultations with Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Alibek Bakayev, who is in Hanoi on a working visit.',
      { published: '2025-03-03' },
    );
    expect(r.facts.find((f) => f.type === 'meeting')?.args).toEqual({
      participants: ['person:nguyen-minh-vu', 'person:alibek-bakayev'],
      place: 'place:hanoi',
    });
    expect(r.entities.find((e) => e.id === 'person:alibek-bakayev')?.roles).toEqual([
      { title: 'Deputy Foreign Minister', of: 'country:KZ' },
    ]);
  });
  it("reads a standing body's session held, and its next one announced", () => {
    const m = facts(
      'Kazakhstan and Vietnam agreed to expand trade. Kazakhstan and Vietnam also discussed the results of the sixth meeting of the Kazakh-Vietnamese Intergovernmental Commission, which was held in Hanoi in April. The next meeting of the commission will be held in Astana in 2025.',
      '2024-11-19',
      'meeting',
    );
    expect(m.map((f) => [f.args.participants, f.args.place, f.when?.value, f.status])).toEqual([
      [['country:KZ', 'country:VN'], 'place:hanoi', '2024-04', undefined],
      [['country:KZ', 'country:VN'], 'place:astana', '2025', 'planned'],
    ]);
  });
  it('reads co-chaired sessions, a delegation received and a leader who came to a city for a summit', () => {
    const f = facts(
      'President Ruto co-chaired the first session of the Kenya-Ethiopia Joint Ministerial Commission in Nairobi with Prime Minister Abiy Ahmed on Monday. President Mirziyoyev received a delegation of the Chinese company CNPC led by its chairman Dai Houliang. Modi came to Kazan for the BRICS summit. The party came to power in Kyrgyzstan in 2005.',
      '2024-11-19',
    );
    expect(f.map((x) => [x.type, x.args.participants ?? x.args.visitor ?? x.args.name, x.args.place])).toEqual([
      ['meeting', ['person:william-ruto', 'person:abiy-ahmed'], 'place:nairobi'],
      ['meeting', ['person:shavkat-mirziyoyev', 'person:dai-houliang'], undefined],
      ['visit', 'person:narendra-modi', 'place:kazan'],
      ['summit', 'BRICS summit', 'place:kazan'],
    ]);
  });
  it('counts "his first summit" as the person\'s, not the bloc\'s first', () => {
    const [s] = facts('President Mahama was attending his first AU summit in Addis Ababa.', '2025-02-16', 'summit');
    expect(s.args.ordinal).toBeUndefined();
  });
  it("keeps a signing's parties when the document it singles out is between two companies", () => {
    const a = facts(
      'Turkey and Egypt held talks in Ankara on Monday. Turkey and Egypt are neighbours across the sea. In the presence of the two Presidents, 12 agreements were signed in the fields of energy and tourism, including a memorandum of understanding on gas supplies between BOTAS and the Egyptian Natural Gas Holding Company (EGAS).',
      '2024-09-05',
      'agreement',
    );
    expect(a[0].args).toEqual({ parties: ['country:TR', 'country:EG'], count: 12, domain: 'energy and tourism' });
    expect(a[1].args.parties).toEqual(['country:TR', 'country:EG']);
  });
});

describe('interview recaps (English)', () => {
  it('reads "last October" as the latest October before publication', () => {
    const [m] = facts(
      'Pezeshkian, who first met Putin in Ashgabat last October, has called the corridor a priority.',
      '2025-04-02',
      'meeting',
    );
    expect(m.when).toEqual({ value: '2024-10', precision: 'month' });
  });
  it('names "the 22nd summit" after the series the article named, and reads "he and X held a meeting there"', () => {
    const f = facts(
      'President Putin will visit India this year for the 23rd annual summit. The 22nd summit was held in Moscow in July last year. Prime Minister Narendra Modi came to Kazan for the BRICS summit, and he and President Putin held a bilateral meeting there.',
      '2025-03-15',
    );
    expect(f.filter((x) => x.type === 'summit').map((x) => [x.args.name, x.args.place, x.args.ordinal])).toEqual([
      ['Russia–India annual summit', 'country:IN', 23],
      ['Russia–India annual summit', 'place:moscow', 22],
      ['BRICS summit', 'place:kazan', undefined],
    ]);
    expect(f.find((x) => x.type === 'meeting')?.args).toEqual({
      participants: ['person:narendra-modi', 'person:vladimir-putin'],
      place: 'place:kazan',
    });
  });
});

describe("an organisation's summit", () => {
  it('is named by the organisation and its acronym, whichever the article used', () => {
    const [s] = facts('Leaders gathered in Astana on Thursday for the OTS summit.', '2024-11-07', 'summit');
    expect(s.args).toMatchObject({ name: 'Organization of Turkic States (OTS) summit', organization: 'org:ots' });
    const [b] = facts('Leaders gathered in Kazan on Tuesday for the BRICS summit.', '2024-10-22', 'summit');
    expect(b.args.name).toBe('BRICS summit');
  });
});

describe('a statistics office note (English)', () => {
  it("reads its partners as the office's country's, with amounts written in two scales", () => {
    const t = facts(
      "Kazakhstan's Bureau of National Statistics said on Monday that exports rose 3% to 40 billion 120 million US dollars in January-June. Italy was the main partner country for exports with 8 billion 450 million dollars. Italy was followed by China with 7 billion 10 million dollars, the Netherlands with $3.2 billion and Russia with $2,950 million. Foreign trade volume with China amounted to 21.4 billion dollars in the first six months. In June, Italy was again the leading export market with $1.5 billion, whereas Russia ranked first in imports with $1.4 billion.",
      '2025-07-20',
      'trade',
    );
    expect(t.map((f) => [...(f.args.parties as string[]), f.args.metric, (f.args.amount as { value: number }).value])).toEqual([
      ['country:KZ', 'country:IT', 'exports', 8_450_000_000],
      ['country:KZ', 'country:CN', 'exports', 7_010_000_000],
      ['country:KZ', 'country:NL', 'exports', 3_200_000_000],
      ['country:KZ', 'country:RU', 'exports', 2_950_000_000],
      ['country:KZ', 'country:CN', 'trade_turnover', 21_400_000_000],
      ['country:KZ', 'country:IT', 'exports', 1_500_000_000],
      ['country:KZ', 'country:RU', 'imports', 1_400_000_000],
    ]);
  });
});

describe('press releases of presidencies (English)', () => {
  it('reads "His Excellency X, C.G.H., President of ..." as X, not a pronoun for the headline\'s person', () => {
    const r = extract(
      "President Ruto Holds Talks with President Xi Jinping as Kenya and China Sign Deals\nBeijing, Thursday, 24th April 2025\nHis Excellency Dr. William Samoei Ruto, C.G.H., President of the Republic of Kenya and Commander-in-Chief of the Kenya Defence Forces, today held bilateral talks with His Excellency Xi Jinping, President of the People's Republic of China, at the Great Hall of the People.",
      { published: '2025-04-24' },
    );
    expect(r.facts.find((f) => f.type === 'meeting')?.args).toEqual({
      participants: ['person:william-ruto', 'person:xi-jinping'],
      format: 'talks',
      place: 'place:beijing',
    });
  });
  it('reads a listed financing agreement for a road as the road agreed, without its length in the name', () => {
    const f = facts(
      'Kenya and China signed 20 agreements in Beijing on Thursday. Among them was a financing agreement for the dualling of the 175-kilometre Nairobi-Nakuru road.',
      '2025-04-24',
      'project_milestone',
    );
    expect(f.map((x) => [x.args.project, x.args.stage])).toEqual([['project:nairobi-nakuru-road', 'agreed']]);
  });
});

describe('a ministry readout of a call', () => {
  it('reads a call "with Minister of ..., His Highness Prince X" past the comma of the title', () => {
    const [m] = facts(
      'On 11 February 2025, Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov had a phone conversation with Minister of Foreign Affairs of the Kingdom of Saudi Arabia, His Highness Prince Faisal bin Farhan Al Saud.',
      '2025-02-11',
      'meeting',
    );
    expect(m.args).toEqual({ participants: ['person:jeyhun-bayramov', 'person:faisal-bin-farhan-al-saud'], format: 'phone call' });
  });
});

describe('a summit placed by a relative clause', () => {
  it('reads "in Kazan, where Putin hosted a BRICS summit" as a summit in Kazan, whatever the dateline', () => {
    const r = extract(
      'Talks\nMOSCOW, Jan 17 - The two leaders met again weeks later in Kazan, where Putin hosted a BRICS summit that Iran attended as a full member.',
      { published: '2025-01-17' },
    );
    expect(r.facts.find((f) => f.type === 'summit')?.args).toMatchObject({ name: 'BRICS summit', place: 'place:kazan' });
  });
});

describe('milestones told of built things', () => {
  const stages = (text: string, published = '2025-03-10') =>
    facts(text, published, 'project_milestone').map((f) => [f.args.project, f.args.stage, f.when?.value]);
  it('reads expressways, SGRs and spaceports as projects, and an opening in a relative clause', () => {
    expect(stages('The contractor also built the Lekki Expressway, which was opened to traffic in May 2023.')).toEqual([
      ['project:lekki-expressway', 'launched', '2023-05'],
    ]);
    expect(stages('It also built the Addis-Djibouti SGR, which was launched in 2018.')).toEqual([
      ['project:addis-djibouti-sgr', 'launched', '2018'],
    ]);
  });
  it('finds the antecedent of "whose construction began" past an apposition, not a figure in it', () => {
    expect(
      stages(
        'The fund lent money for the Rogun hydropower plant, a 3,600 MW project of the whole region, whose construction began in 2016.',
      ),
    ).toEqual([['project:rogun-hydropower-plant', 'construction_started', '2016']]);
  });
  it('reads trains that began running and a unit connected to the grid as launches', () => {
    expect(stages('Freight trains began running on the Kars-Tbilisi line in October.', '2025-03-10')).toEqual([
      ['project:kars-tbilisi-line', 'launched', '2024-10'],
    ]);
    expect(stages('The first unit of the Akkuyu nuclear power plant was connected to the grid in January.', '2025-03-10')).toEqual([
      ['project:akkuyu-nuclear-power-plant', 'launched', '2025-01'],
    ]);
  });
});

describe('money put into a country', () => {
  const inv = (text: string, published = '2025-03-10') =>
    facts(text, published, 'investment').map((f) => [
      f.args.investor ?? null,
      f.args.recipient,
      (f.args.amount as { value: number })?.value,
    ]);
  it('reads money put, poured, committed or allocated as invested', () => {
    expect(inv('Qatari funds poured some 2 billion dollars into Egyptian real estate last year.')).toEqual([
      ['country:QA', 'country:EG', 2e9],
    ]);
    expect(inv('Toyota has committed 11 billion reais to its plants in Brazil.')).toEqual([['org:toyota', 'country:BR', 11e9]]);
    expect(inv('Masdar has allocated about $400 million for a wind farm in Azerbaijan.')).toEqual([['org:masdar', 'country:AZ', 4e8]]);
  });
  it('reads a state loan a country provides, and "the lender" as the bank named before', () => {
    expect(inv('Russia is providing Egypt with a state loan of 25 billion dollars for the El Dabaa plant.')).toEqual([
      ['country:RU', 'country:EG', 25e9],
    ]);
    expect(
      inv(
        'The World Bank approved a $300 million loan to Kenya on Monday. The lender has committed more than $1 billion to Kenya since 2023.',
      ).sort(),
    ).toEqual([
      ['org:world-bank', 'country:KE', 1e9],
      ['org:world-bank', 'country:KE', 3e8],
    ]);
  });
  it('takes a headline and a lead naming one sum as one investment', () => {
    const r = extract('Acme Commits $2bn to Kenyan Steel Plant\nAcme today announced an investment of $2bn in a steel plant in Kenya.', {
      published: '2025-03-10',
    });
    expect(r.facts.filter((f) => f.type === 'investment')).toHaveLength(1);
  });
});

describe('round six: background trips, passives and company deals', () => {
  it('reads a past trip in a relative clause by a Vietnamese leader named by his given name, and its summit', () => {
    const r = extract(
      'Talks\nHANOI, May 5 (Wire) - Vietnamese Prime Minister Pham Minh Chinh met the visiting minister. Chinh, who last travelled to Manila in October 2024 for the 45th ASEAN Summit, is expected to go back this year.',
      { published: '2025-05-05' },
    );
    const visit = r.facts.find((f) => f.type === 'visit');
    expect(visit?.args).toMatchObject({ visitor: 'person:pham-minh-chinh', host: 'country:PH' });
    const summit = r.facts.find((f) => f.type === 'summit');
    expect(summit?.args).toMatchObject({ place: 'place:manila', ordinal: 45 });
    expect(summit?.status).toBeUndefined();
  });
  it('reads a joint statement adopted and documents exchanged, in the passive', () => {
    const a = facts(
      'Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in Astana on Monday. A joint statement on the alliance treaty was adopted after the talks. Twelve documents were exchanged in the presence of the two presidents.',
      '2025-03-10',
      'agreement',
    );
    expect(a.map((f) => [f.args.title ?? null, f.args.count ?? null])).toEqual([
      ['Joint statement on the alliance treaty', null],
      [null, 12],
    ]);
  });
  it('reads a greeting "by" a host after the place of the ceremony', () => {
    const m = facts(
      'Indonesian President Prabowo Subianto was earlier welcomed with a gun salute at the palace by Vietnamese President Luong Cuong, with whom he also held talks.',
      '2025-03-10',
      'meeting',
    );
    expect(m[0]?.args.participants).toEqual(['person:prabowo-subianto', 'person:luong-cuong']);
  });
  it('gives a visit to the leader accompanied, not to the minister who went along', () => {
    const v = facts(
      'Kenyan Foreign Minister Musalia Mudavadi was part of the delegation that accompanied President William Ruto on his state visit to China from April 22 to 26.',
      '2025-05-02',
      'visit',
    );
    expect(v.map((f) => f.args.visitor)).toEqual(['person:william-ruto']);
  });
  it('reads a summit hosted by a city, apart from the next edition planned elsewhere', () => {
    const s = facts(
      'Nairobi hosted the first Africa Climate Summit in September 2023, and the second edition will take place in Addis Ababa this September.',
      '2025-05-02',
      'summit',
    );
    expect(s.map((f) => [f.args.ordinal, f.status ?? null])).toEqual([
      [1, null],
      [2, 'planned'],
    ]);
    expect(s[1].args.place).toBe('place:addis-ababa');
  });
  it('reads a framework agreement for a feasibility study as the project agreed, and a company deal in a two-country story', () => {
    const p = facts(
      'Uzbekistan and Pakistan held talks in Tashkent on rail links between Uzbekistan and Pakistan. The two ministers signed a framework agreement on the joint preparation of the feasibility study for the Termez–Peshawar railway project.',
      '2025-03-10',
      'project_milestone',
    );
    expect(p.map((f) => [f.args.project, f.args.stage])).toEqual([['project:termez-peshawar-railway', 'agreed']]);
    const d = facts(
      'Kenya and China signed twenty agreements in Beijing on Thursday, as Kenya seeks Chinese money. Alongside them, the deal for the Rironi–Mau Summit highway was concluded with China Road and Bridge Corporation.',
      '2025-04-26',
    );
    expect(d.find((f) => f.type === 'project_milestone')?.args.project).toBe('project:rironi-mau-summit-highway');
    expect(d.filter((f) => f.type === 'agreement' && !f.args.count)[0]?.args.parties).toEqual(
      expect.arrayContaining(['country:KE', 'country:CN']),
    );
  });
  it('reads "we imported" and two-way trade in an article about two countries', () => {
    const t = facts(
      'Vietnam and Indonesia held talks as Vietnam courts Indonesia. Two-way trade reached 16.7 billion US dollars last year, with imports from Indonesia accounting for some $9.3bn of that.',
      '2025-03-10',
      'trade',
    );
    expect(t.map((f) => [f.args.metric, (f.args.amount as { value: number }).value])).toEqual([
      ['trade_turnover', 16.7e9],
      ['imports', 9.3e9],
    ]);
  });
});

describe('round six: gatherings, stays, where-clauses and appositions', () => {
  it('reads a body whose leaders meet or gather in a city as its summit', () => {
    const s = facts(
      'Some diplomats suspect the row may resurface when NATO leaders meet in The Hague on June 24-25. NATO leaders will gather in Washington in July for a summit marking the anniversary.',
      '2025-06-20',
      'summit',
    );
    expect(s.map((f) => [f.args.place, f.args.organization, f.status ?? null])).toEqual([
      ['place:the-hague', 'org:nato', 'planned'],
      ['place:washington', 'org:nato', 'planned'],
    ]);
  });
  it('reads a stay in a city as a visit, and a visit told in a "where" clause', () => {
    expect(
      facts(
        'Danish Prime Minister Mette Frederiksen followed with her own three-day stay in Nuuk starting on April 2.',
        '2025-06-20',
        'visit',
      )[0]?.args,
    ).toMatchObject({ visitor: 'person:mette-frederiksen', place: 'place:nuuk' });
    const v = facts(
      'The two leaders followed the ceremony by video link from the Government Palace in Lima, where Xi Jinping was on a state visit.',
      '2025-08-12',
      'visit',
    );
    expect(v[0]?.args).toEqual({ visitor: 'person:xi-jinping', host: 'country:PE', place: 'place:lima', kind: 'state' });
  });
  it('gives a port that began operations its own name past an apposition naming a company', () => {
    const p = facts(
      'The Colombo West International Terminal, an $800 million facility built by Adani Ports and Special Economic Zone, began commercial operations on Monday.',
      '2025-04-08',
      'project_milestone',
    );
    expect(p.map((f) => f.args.project)).toEqual(['project:colombo-west-international-terminal']);
  });
  it('reads construction launched "by video link", a megaport inaugurated past an apposition, and an exchange of memoranda', () => {
    expect(
      facts(
        'Modi and Dissanayake also launched, by video link, the construction of the Sampur solar power plant.',
        '2025-04-08',
        'project_milestone',
      ).map((f) => f.args.stage),
    ).toEqual(['construction_started']);
    expect(
      facts(
        'Exports rose with the Chancay megaport, 80 km north of Lima, which was inaugurated on November 14 last year.',
        '2025-08-12',
        'project_milestone',
      )[0]?.args.project,
    ).toBe('project:chancay-port');
    expect(
      facts(
        'India and Sri Lanka held talks. During their talks in Colombo, India and Sri Lanka witnessed the exchange of seven memoranda of understanding.',
        '2025-04-08',
        'agreement',
      )[0]?.args.count,
    ).toBe(7);
  });
  it('reads a document that opens its sentence and is described at length before "was signed"', () => {
    const a = facts(
      'An agreement for Sinopec to build a refinery worth 3.7 billion US dollars at Hambantota, next to the Chinese-operated port there, was signed in January between Sri Lanka and China.',
      '2025-04-08',
      'agreement',
    );
    expect(a[0]?.args.parties).toEqual(expect.arrayContaining(['country:LK', 'country:CN']));
  });
  it('reads purchases of a country’s goods as imports, and a country’s shipments as its exports', () => {
    const t = facts(
      'Peru’s exports to China rose to $14.9bn in the first half. Shipments to the US reached $5.2bn over the six months, while purchases of US goods came to $4.6bn.',
      '2025-08-12',
      'trade',
    );
    expect(t.slice(1).map((f) => [f.args.parties, f.args.metric, (f.args.amount as { value: number }).value])).toEqual([
      [['country:PE', 'country:US'], 'exports', 5.2e9],
      [['country:PE', 'country:US'], 'imports', 4.6e9],
    ]);
  });
});

describe('round six: an alliance’s summit, a statistics office, a trilateral meeting', () => {
  it('reads "the alliance’s July 2023 summit there" as the body’s summit in the city just named', () => {
    const s = facts(
      'Turkey ratified in January, following a deal struck in Vilnius on the eve of the alliance’s July 2023 summit there, when NATO Secretary-General Jens Stoltenberg met the leaders.',
      '2024-02-26',
      'summit',
    );
    expect(s[0]?.args).toMatchObject({ place: 'place:vilnius', organization: 'org:nato' });
  });
  it('gives a figure to the country whose statistics office reports it', () => {
    const t = facts(
      'Azerbaijan and Armenia made peace. Italy’s statistics office Istat said imports from Azerbaijan came to €7.9bn in the first half of the year.',
      '2025-08-10',
      'trade',
    );
    expect(t[0]?.args.parties).toEqual(['country:IT', 'country:AZ']);
  });
  it('reads three signers "after a trilateral meeting" as one meeting of the three', () => {
    const m = facts(
      'Azerbaijani President Ilham Aliyev, Armenian Prime Minister Nikol Pashinyan and US President Donald Trump signed a joint declaration after a trilateral meeting in Washington.',
      '2025-08-10',
      'meeting',
    );
    expect(m[0]?.args.participants).toEqual(['person:ilham-aliyev', 'person:nikol-pashinyan', 'person:donald-trump']);
  });
});

describe('a body’s leaders’ meeting', () => {
  it('reads "the 54th Pacific Islands Forum Leaders Meeting, held in Honiara" as the forum’s summit', () => {
    const s = facts(
      'Leaders welcomed the outcomes of the 54th Pacific Islands Forum Leaders Meeting, held in Honiara in September.',
      '2025-10-06',
      'summit',
    );
    expect(s[0]?.args).toMatchObject({ place: 'place:honiara', organization: 'org:pif', ordinal: 54 });
    expect([s[0]?.when?.value, s[0]?.status]).toEqual(['2025-09', undefined]);
  });
});

describe('round six: a guest welcomed to a capital, an investment by its nationality', () => {
  it('reads "welcomed the Prime Minister of X, the Hon Y MP, to Canberra" as Y’s visit', () => {
    const v = facts(
      'The Prime Minister of Australia, the Hon Anthony Albanese MP, welcomed the Prime Minister of Papua New Guinea, the Hon James Marape MP, to Canberra on 6 October 2025 for the signing of the treaty.',
      '2025-10-06',
      'visit',
    );
    expect(v[0]?.args).toEqual({ visitor: 'person:james-marape', host: 'country:AU', place: 'place:canberra' });
  });
  it('reads "Qatari investment in the Russian economy" from Qatar to Russia', () => {
    const i = facts('Qatari investment in the Russian economy has reached some 13 billion US dollars.', '2025-04-17', 'investment');
    expect(i[0]?.args).toMatchObject({ recipient: 'country:RU', investor: 'country:QA' });
  });
});

describe('round seven: trips, delegations, capitals and the Commonwealth', () => {
  it('reads "made a rare trip to" and "went to" as visits', () => {
    const v = facts(
      'Ilham Aliyev made a rare trip to Istanbul in May. Prime Minister Anwar Ibrahim went to Tokyo in October.',
      '2025-12-01',
      'visit',
    );
    expect(v.map((x) => [x.args.visitor, x.args.place])).toEqual([
      ['person:ilham-aliyev', 'place:istanbul'],
      ['person:anwar-ibrahim', 'place:tokyo'],
    ]);
    expect(facts('The opposition senator went to court in Lagos on Monday.', '2025-12-01', 'visit')).toEqual([]);
  });
  it('reads "will lead the delegation to" as a planned visit', () => {
    const v = facts('Vice-President Kashim Shettima will lead the Nigerian delegation to Ghana next week.', '2025-12-01', 'visit');
    expect(v[0]?.args).toMatchObject({ visitor: 'person:kashim-shettima', host: 'country:GH' });
    expect(v[0]?.status).toBe('planned');
  });
  it('reads "the Samoan capital" as Apia and a Heads of Government Meeting as the Commonwealth summit', () => {
    const s = facts('The 26th Commonwealth Heads of Government Meeting opened in the Rwandan capital on Friday.', '2022-06-25', 'summit');
    expect(s[0]?.args).toMatchObject({ place: 'place:kigali', ordinal: 26, organization: 'org:commonwealth' });
    const c = facts('The previous CHOGM was held in London in 2018.', '2022-06-25', 'summit');
    expect(c[0]?.args).toMatchObject({ place: 'place:london', organization: 'org:commonwealth' });
  });
  it('knows the European Political Community, FOCAC and summit resorts', () => {
    const s = facts(
      'On the margins of the inaugural summit of the European Political Community in Prague, the two leaders met. Macron later flew to the G7 summit in Kananaskis.',
      '2025-06-20',
      'summit',
    );
    expect(s.map((x) => [x.args.organization, x.args.place])).toEqual([
      ['org:epc', 'place:prague'],
      ['org:g7', 'place:kananaskis'],
    ]);
  });
  it('takes the name right before "held talks" as the subject, past an earlier clause’s signers', () => {
    const m = facts(
      'The accord was signed by the two trade ministers, Lee Kinyanjui and Thani bin Ahmed Al Zeyoudi, shortly after William Ruto held talks with President Mohamed bin Zayed.',
      '2025-01-14',
      'meeting',
    );
    expect(m.map((x) => x.args.participants)).toEqual([['person:william-ruto', 'person:mohamed-bin-zayed-al-nahyan']]);
  });
  it('reads "A and B sat down with C and D" as one meeting of the four', () => {
    const m = facts(
      'In Prague, Ilham Aliyev and Nikol Pashinyan sat down with Emmanuel Macron and Charles Michel.',
      '2022-10-07',
      'meeting',
    );
    expect(m.map((x) => x.args.participants)).toEqual([
      ['person:ilham-aliyev', 'person:nikol-pashinyan', 'person:emmanuel-macron', 'person:charles-michel'],
    ]);
  });
});

describe('round seven: calls paid, palaces, stays and a bloc’s summits', () => {
  it('reads "called on President X at Rashtrapati Bhavan" as a meeting in New Delhi, but not "called on X to"', () => {
    const m = facts(
      'Anura Kumara Dissanayake called on President Droupadi Murmu at Rashtrapati Bhavan on Monday.',
      '2024-12-17',
      'meeting',
    );
    expect(m[0]?.args).toEqual({ participants: ['person:anura-kumara-dissanayake', 'person:droupadi-murmu'], place: 'place:new-delhi' });
    expect(facts('The Pope called on Vladimir Putin to end the war.', '2024-12-17', 'meeting')).toEqual([]);
  });
  it('reads "had been received at the White House by" as a visit to the United States and a meeting', () => {
    const f = facts('Joao Lourenco had been received at the White House in November 2023 by Joe Biden.', '2024-12-05');
    expect(f.map((x) => [x.type, x.args.place])).toEqual([
      ['visit', 'place:washington'],
      ['meeting', 'place:washington'],
    ]);
  });
  it('reads "spent three days in Nuuk" and "his first trip abroad as head of government to Copenhagen"', () => {
    const v = facts(
      'Mette Frederiksen spent three days in Nuuk in April. Later that month Jens-Frederik Nielsen made his first trip abroad as head of government to Copenhagen.',
      '2025-06-20',
      'visit',
    );
    expect(v.map((x) => [x.args.visitor, x.args.place])).toEqual([
      ['person:mette-frederiksen', 'place:nuuk'],
      ['person:jens-frederik-nielsen', 'place:copenhagen'],
    ]);
  });
  it('reads "the bloc’s ordinary summit" ahead and "the previous summit" held, in one sentence', () => {
    const s = facts(
      "ECOWAS - Heads of state will gather in Abuja on December 14 for the bloc's ordinary summit, the first chaired by Julius Maada Bio, who took over at the previous summit in Accra in June.",
      '2025-11-21',
      'summit',
    );
    expect(s.map((x) => [x.args.organization, x.args.place, x.when?.value, x.status])).toEqual([
      ['org:ecowas', 'place:abuja', '2025-12-14', 'planned'],
      ['org:ecowas', 'place:accra', '2025-06', undefined],
    ]);
  });
  it('reads ringgit, naira and CFA franc amounts', () => {
    const t = facts(
      'Nigeria exported goods worth N2.37 trillion to India in the third quarter of 2025, the statistics bureau said.',
      '2025-11-21',
      'trade',
    );
    expect(t[0]?.args.amount).toEqual({ value: 2.37e12, currency: 'NGN' });
    const i = facts('Approved investments in Malaysia reached a record RM378.5 billion in 2024.', '2025-02-20', 'investment');
    expect(i[0]?.args.amount).toEqual({ value: 378.5e9, currency: 'MYR' });
  });
});

describe('round seven: a readout’s own country, first cargoes, figures told together', () => {
  it('reads "our country" in a leader’s readout as the country of the leader named first', () => {
    const f = facts(
      'On June 14, President of Uzbekistan Shavkat Mirziyoyev held talks with President of Korea Yoon Suk Yeol, who is in our country on a state visit. Korean investment in the economy of our country exceeds 7 billion dollars.',
      '2024-06-14',
    );
    expect(f.find((x) => x.type === 'visit')?.args).toMatchObject({ visitor: 'person:yoon-suk-yeol', host: 'country:UZ', kind: 'state' });
    expect(f.find((x) => x.type === 'investment')?.args).toMatchObject({ recipient: 'country:UZ', investor: 'country:KR' });
  });
  it('invests the figure after "investment", not the trade figure before it', () => {
    const i = facts(
      'The leaders noted that bilateral trade reached $5.5 billion in 2023 and that Indian investment in Sri Lanka has crossed 2.2 billion US dollars.',
      '2024-12-16',
      'investment',
    );
    expect(i.map((x) => (x.args.amount as { value: number }).value)).toEqual([2.2e9]);
  });
  it('reads a first export cargo as a launch, and names "the X iron ore project" X', () => {
    const p = facts(
      'The Simandou iron ore project loaded its first export cargo at the Morebaya terminal on November 11. The Greater Tortue Ahmeyim gas project, which shipped its first cargo of liquefied natural gas in April, has now exported eight cargoes.',
      '2025-11-21',
      'project_milestone',
    );
    expect(p.map((x) => [x.args.project, x.args.stage])).toEqual([
      ['project:simandou', 'launched'],
      ['project:greater-tortue-ahmeyim', 'launched'],
    ]);
  });
});

describe('round seven: headings, export credit, partnerships and deals not yet signed', () => {
  it('skips a heading’s "investment:" and invests the figure the sentence gives it', () => {
    const i = facts(
      'Trade and investment: The leaders noted that bilateral trade reached $5.5 billion in 2023 and that Indian investment in Sri Lanka has crossed 2.2 billion US dollars.',
      '2024-12-16',
      'investment',
    );
    expect(i.map((x) => (x.args.amount as { value: number }).value)).toEqual([2.2e9]);
  });
  it('reads no trade in an export credit agency’s letter of interest', () => {
    const t = facts(
      "Washington's export credit agency sent a letter of interest for up to $120 million for a rare-earth mine in Greenland.",
      '2025-06-20',
      'trade',
    );
    expect(t).toEqual([]);
  });
  it('reads a signed strategic partnership and cooperation instruments as agreements', () => {
    const a = facts(
      'The European Union signed a strategic partnership on raw materials with Greenland in November 2023.',
      '2025-06-20',
      'agreement',
    );
    expect(a[0]?.args.parties).toEqual(['org:eu', 'country:GL']);
  });
  it('reads no agreement that "has still not been signed"', () => {
    const a = facts(
      'The trade agreement between Mercosur and the European Union, whose negotiations were concluded in December, has still not been signed.',
      '2025-07-07',
      'agreement',
    );
    expect(a).toEqual([]);
  });
});

describe('round seven: pronoun subjects, delegations of executives, a visit to a person', () => {
  it('keeps "he" on the one it stood for after "He held talks with X"', () => {
    const m = facts(
      'Keir Starmer spent the summit in bilateral meetings. He held talks with Anthony Albanese on Friday. On Saturday he also sat down with Philip Davis, the Bahamian prime minister.',
      '2024-10-26',
      'meeting',
    );
    expect(m.map((x) => x.args.participants)).toEqual([
      ['person:keir-starmer', 'person:anthony-albanese'],
      ['person:keir-starmer', 'person:philip-davis'],
    ]);
  });
  it('reads "is due to lead a delegation of business executives to Nairobi" as a planned visit', () => {
    const v = facts(
      'Thani bin Ahmed Al Zeyoudi is due to lead a delegation of Emirati business executives to Nairobi in March.',
      '2025-01-14',
      'visit',
    );
    expect(v[0]?.args).toMatchObject({ visitor: 'person:thani-bin-ahmed-al-zeyoudi', host: 'country:KE', place: 'place:nairobi' });
    expect(v[0]?.status).toBe('planned');
  });
  it('reads "since visiting Captain X there, a trip that also took him to A and B" as three visits and a meeting', () => {
    const f = facts(
      'President John Mahama has courted the junta in Ouagadougou since visiting Captain Ibrahim Traore there in March, a trip that also took him to Bamako and Niamey.',
      '2025-11-21',
    );
    expect(f.filter((x) => x.type === 'visit').map((x) => x.args.host)).toEqual(['country:BF', 'country:ML', 'country:NE']);
    expect(f.find((x) => x.type === 'meeting')?.args.participants).toEqual(['person:john-dramani-mahama', 'person:ibrahim-traore']);
  });
});

describe('round seven: "both men" travel', () => {
  it('reads "Both men flew to Washington" as a visit of each of the two named before, not of their host', () => {
    const v = facts(
      'Ilham Aliyev and Nikol Pashinyan stood beside Donald Trump at the White House last month. Both men flew to Washington for the August 8 meeting.',
      '2025-09-05',
      'visit',
    );
    expect(v.map((x) => [x.args.visitor, x.args.host])).toEqual([
      ['person:ilham-aliyev', 'country:US'],
      ['person:nikol-pashinyan', 'country:US'],
    ]);
  });
});

describe('eighth blind round: trips told by how the traveller flew', () => {
  it('reads "flew into" and "flew on to" as visits, and "both of whom" as two visitors', () => {
    const v = facts(
      'Talks\n\nKenyan President William Ruto and Tanzanian President Samia Suluhu Hassan, both of whom flew into Kampala on working visits on Monday, met Ugandan President Yoweri Museveni. Ruto flew on to Japan on Thursday.',
      '2025-09-20',
      'visit',
    ).map((f) => [f.args.visitor, f.args.host, f.args.kind]);
    expect(v).toEqual([
      ['person:william-ruto', 'country:UG', 'working'],
      ['person:samia-suluhu-hassan', 'country:UG', 'working'],
      ['person:william-ruto', 'country:JP', undefined],
    ]);
  });
  it('reads a city of the new gazetteer entries as its country', () => {
    const v = facts(
      'Tour\n\nOn Wednesday Modi arrived in Gyeongju, where he held talks with President Lee Jae-myung.',
      '2025-10-30',
      'visit',
    );
    expect(v[0]?.args).toMatchObject({ visitor: 'person:narendra-modi', host: 'country:KR', place: 'place:gyeongju' });
  });
});

describe('eighth blind round: offices standing for the people who hold them', () => {
  it('reads "the US president" as the president of that country the text names', () => {
    const v = facts(
      'Tour\n\nUS President Donald Trump landed in Kuala Lumpur on Sunday.\n\nThe US president flew on to Japan on Monday.',
      '2025-11-01',
      'visit',
    );
    expect(v.map((f) => [f.args.visitor, f.args.host])).toEqual([
      ['person:donald-trump', 'country:MY'],
      ['person:donald-trump', 'country:JP'],
    ]);
  });
  it('reads "the Emir" as the emir just named, and each stop after "and then to"', () => {
    const f = facts(
      'Readout\n\nPrime Minister Shehbaz Sharif, who arrived in Doha today at the invitation of Emir Sheikh Tamim bin Hamad Al Thani, held talks with the Emir at the Amiri Diwan. From Doha, the Prime Minister will travel to London and then to New York.',
      '2025-11-01',
    );
    expect(f.find((x) => x.type === 'meeting')?.args.participants).toEqual(['person:shehbaz-sharif', 'person:tamim-bin-hamad-al-thani']);
    expect(f.filter((x) => x.type === 'visit').map((x) => [x.args.host, x.status])).toEqual([
      ['country:QA', undefined],
      ['country:GB', 'planned'],
      ['country:US', 'planned'],
    ]);
  });
});

describe('eighth blind round: two visitors named in an apposition', () => {
  it('reads "A and B, both in Moscow on working visits" as a visit of each', () => {
    const v = facts(
      'Analysis\n\nAt the Kremlin last Friday, President Ilham Aliyev and Prime Minister Nikol Pashinyan, both in Moscow on working visits, held a trilateral meeting with Vladimir Putin.',
      '2025-08-11',
      'visit',
    );
    expect(v.map((f) => [f.args.visitor, f.args.host, f.args.kind])).toEqual([
      ['person:ilham-aliyev', 'country:RU', 'working'],
      ['person:nikol-pashinyan', 'country:RU', 'working'],
    ]);
  });
});

describe('ninth blind round: a bloc’s numbered summit, its declaration, its host and its next summit', () => {
  it('reads the summit, the declaration the leaders adopted, the host’s separate talks and the next summit', () => {
    const f = facts(
      "Digest\n\nLeaders of the Shanghai Cooperation Organisation met in Tianjin on Monday for the bloc's 25th summit, hosted by President Xi Jinping. The leaders adopted the Tianjin Declaration. On the sidelines, the host held separate talks with Putin and Modi. The next summit will take place in Kyrgyzstan in 2026.",
      '2025-09-03',
    );
    const summits = f.filter((x) => x.type === 'summit');
    expect(summits.map((x) => [x.args.place, x.args.ordinal, x.args.organization, x.status])).toEqual([
      ['place:tianjin', 25, 'org:sco', undefined],
      ['country:KG', undefined, 'org:sco', 'planned'],
    ]);
    expect(f.find((x) => x.type === 'agreement')?.args).toMatchObject({ parties: ['org:sco'], title: 'Tianjin Declaration' });
    expect(f.filter((x) => x.type === 'meeting').map((x) => x.args.participants)).toEqual([
      ['person:xi-jinping', 'person:vladimir-putin'],
      ['person:xi-jinping', 'person:narendra-modi'],
    ]);
  });
  it('places a summit by the meeting held on its sidelines', () => {
    const s = facts(
      'Ties\n\nModi met President Masoud Pezeshkian in Kazan in October 2024 on the sidelines of the BRICS summit.',
      '2025-09-03',
      'summit',
    );
    expect(s[0]?.args).toMatchObject({ name: 'BRICS summit', place: 'place:kazan', organization: 'org:brics' });
  });
});

describe('ninth blind round: a leader’s press statement', () => {
  it('reads "has also been signed", "our trade" as the pair’s, and a figure’s period in its own clause', () => {
    const f = facts(
      'Statements\n\nRussian President Vladimir Putin held talks with Kazakh President Kassym-Jomart Tokayev in Moscow. A solid package of 31 intergovernmental and corporate documents has also been signed. Last year our trade reached 27.8 billion dollars, and in January-September of this year it amounted to 19.7 billion.',
      '2025-11-12',
    );
    expect(f.find((x) => x.type === 'agreement')?.args).toMatchObject({ parties: ['country:RU', 'country:KZ'], count: 31 });
    expect(f.find((x) => x.type === 'trade')?.args).toMatchObject({
      parties: ['country:RU', 'country:KZ'],
      amount: { value: 27.8e9, currency: 'USD' },
      period: '2024',
    });
  });
});

describe('ninth blind round: a transcript’s speaker', () => {
  it('reads "I" in the paragraphs a named speaker opens as that speaker', () => {
    const v = facts(
      'Press statements\n\nVladimir Putin: Mr President, friends, the talks with President of Kazakhstan Kassym-Jomart Tokayev were held in a friendly atmosphere in Moscow.\n\nI would like to recall that in November 2024 I paid a state visit to Astana.\n\nQuestion: Will you visit Astana again?',
      '2025-11-12',
      'visit',
    );
    expect(v.map((f) => [f.args.visitor, f.args.host, f.args.kind])).toEqual([['person:vladimir-putin', 'country:KZ', 'state']]);
  });
});
