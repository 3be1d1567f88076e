// Unit tests of the Russian reader: transliteration, case forms, sentences, dates, money and
// fact frames over sentences of each construction (written for these tests).
import { describe, expect, it } from 'vitest';
import { findDates, datelineDate } from './dates.js';
import { nominativeTitle } from './facts.js';
import { readRussian } from './index.js';
import { nameLemma, phraseForms, adjectiveAllForms } from './morph.js';
import { findCount, findMoney } from './numbers.js';
import { splitSentences } from './text.js';
import { slugRu } from './translit.js';
import type { Fact } from '../types.js';

const read = (body: string, published = '2024-05-17') => readRussian(`Заголовок\n${body}`, { published });
const facts = (body: string, published?: string, type?: string): Fact[] =>
  read(body, published).facts.filter((f) => !type || f.type === type);

describe('transliteration', () => {
  it('follows English press conventions', () => {
    expect(slugRu('Дмитрий Песков')).toBe('dmitry-peskov');
    expect(slugRu('Юрий Ушаков')).toBe('yuri-ushakov');
    expect(slugRu('Сергей Шойгу')).toBe('sergey-shoygu');
    expect(slugRu('Касым-Жомарт Токаев')).toBe('kasym-zhomart-tokayev');
    expect(slugRu('Шавкат Мирзиёев')).toBe('shavkat-mirziyoyev');
    expect(slugRu('Щёкино Цхинвал Хачатурян')).toBe('shchyokino-tskhinval-khachaturyan');
    expect(slugRu('Әлихан Смайылов')).toBe('alikhan-smayylov');
  });
});

describe('case forms', () => {
  it('declines names, countries and places from the nominative', () => {
    expect(phraseForms('Си Цзиньпин', { person: true, animate: true })).toContain('Си Цзиньпином');
    expect(phraseForms('Ильхам Алиев', { person: true, animate: true })).toContain('Ильхамом Алиевым');
    expect(phraseForms('Касым-Жомарт Токаев', { person: true, animate: true })).toContain('Касым-Жомарта Токаева');
    expect(phraseForms('Казахстан')).toEqual(expect.arrayContaining(['Казахстаном', 'Казахстане', 'Казахстана']));
    expect(phraseForms('Россия')).toEqual(expect.arrayContaining(['России', 'Россию', 'Россией']));
    expect(phraseForms('Южная Корея')).toEqual(expect.arrayContaining(['Южной Корее', 'Южную Корею']));
    expect(phraseForms('Казань')).toContain('Казани');
    expect(phraseForms('Сочи')).toEqual(['Сочи']);
    expect(adjectiveAllForms('казахстанский')).toEqual(expect.arrayContaining(['казахстанской', 'казахстанские', 'казахстанского']));
  });
  it('guesses the nominative of an unknown name', () => {
    expect(nameLemma('Моргуловым')).toBe('Моргулов');
    expect(nameLemma('Игорем')).toBe('Игорь');
    expect(nameLemma('Пашиняна')).toBe('Пашинян');
    expect(nameLemma('Захаровой')).toBe('Захарова');
  });
});

describe('sentences', () => {
  it('does not split at initials, abbreviations or inside numbers', () => {
    const t = 'Заголовок\nВ. В. Путин прибыл в г. Казань. И.о. министра заявил, что рост составил 1,5 млрд руб. в 2023 г. Это т.е. немало.';
    const ss = splitSentences(t).map((s) => t.slice(s.start, s.end));
    expect(ss).toEqual([
      'Заголовок',
      'В. В. Путин прибыл в г. Казань.',
      'И.о. министра заявил, что рост составил 1,5 млрд руб. в 2023 г.',
      'Это т.е. немало.',
    ]);
  });
});

describe('dates', () => {
  const d = (s: string, anchor = '2024-05-17', future = false) => findDates(s, 0, anchor, future).map((x) => x.when.value);
  it('reads absolute and relative dates', () => {
    expect(d('12 марта 2023 года')).toEqual(['2023-03-12']);
    expect(d('в начале февраля')).toEqual(['2024-02']);
    expect(d('в ноябре', '2024-05-17', true)).toEqual(['2024-11']);
    expect(d('в декабре', '2024-05-17')).toEqual(['2023-12']);
    expect(d('в ноябре следующего года')).toEqual(['2025-11']);
    expect(d('накануне')).toEqual(['2024-05-16']);
    expect(d('в среду')).toEqual(['2024-05-15']);
    expect(d('в среду', '2024-05-17', true)).toEqual(['2024-05-22']);
    expect(d('в прошлом году')).toEqual(['2023']);
    expect(d('на прошлой неделе')).toEqual(['2024-05']);
    expect(findDates('в первом полугодии 2024 года', 0, undefined)[0].period).toBe('2024-H1');
    expect(d('рост по сравнению с 2022 годом')).toEqual([]);
    expect(findDates('за январь-июнь 2024 года', 0, undefined)[0]).toMatchObject({
      when: { value: '2024', precision: 'year' },
      period: '2024-H1',
    });
    expect(findDates('в январе-сентябре 2023 г.', 0, undefined)[0].period).toBe('2023-01/09');
  });
  it('reads datelines', () => {
    expect(datelineDate('АСТАНА, 3 июля - Kazinform.', '2024-07-03')).toBe('2024-07-03');
    expect(datelineDate('Бишкек, Кыргызстан, 14 марта 2025 года –', undefined)).toBe('2025-03-14');
    expect(datelineDate('Пекин, 6 июня. Правительства', '2024-06-06')).toBe('2024-06-06');
    expect(datelineDate('Москва. 12 марта. ИНТЕРФАКС - Президент', '2025-03-13')).toBe('2025-03-12');
    expect(datelineDate('БАКУ, 14 сентября /Trend/ - Министр', '2025-01-10')).toBe('2024-09-14');
  });
});

describe('money and counts', () => {
  it('reads amounts with scales, decimal commas, number words and currencies', () => {
    const v = (s: string) => findMoney(s, 0).map((m) => [m.value, m.currency]);
    expect(v('около пятнадцати миллиардов долларов')).toEqual([]);
    expect(v('около десяти миллиардов долларов')).toEqual([[1e10, 'USD']]);
    expect(v('составил 3,75 млрд долларов США')).toEqual([[3.75e9, 'USD']]);
    expect(v('на $7 млрд')).toEqual([[7e9, 'USD']]);
    expect(v('1,2 трлн рублей')).toEqual([[1.2e12, 'RUB']]);
    expect(v('800 млн юаней')).toEqual([[8e8, 'CNY']]);
    expect(v('150 млрд тенге')).toEqual([[1.5e11, 'KZT']]);
    expect(v('2 трлн сумов')).toEqual([[2e12, 'UZS']]);
    expect(findCount('подписали 14 межправительственных соглашений')).toBe(14);
    expect(findCount('было подписано пять документов')).toBe(5);
  });
});

describe('frames', () => {
  it('visits: state, working, planned, by noun', () => {
    const [v] = facts('Президент Монголии Ухнаагийн Хурэлсух прибыл в Москву с государственным визитом.', undefined, 'visit');
    expect(v.args).toMatchObject({ host: 'country:RU', place: 'place:moscow', kind: 'state' });
    const [w] = facts('Премьер-министр Армении Никол Пашинян в среду вылетел в Минск с рабочим визитом.', undefined, 'visit');
    expect(w.args).toMatchObject({ visitor: 'person:nikol-pashinyan', host: 'country:BY', kind: 'working' });
    expect(w.when?.value).toBe('2024-05-15');
    const [p] = facts('В июне ожидается визит президента Казахстана Касым-Жомарта Токаева в Узбекистан.', undefined, 'visit');
    expect(p.status).toBe('planned');
    expect(p.when?.value).toBe('2024-06');
  });
  it('meetings: talks, phone calls, pair references, meetings named by nouns', () => {
    const [m] = facts(
      'Президент России Владимир Путин провел телефонный разговор с президентом Узбекистана Шавкатом Мирзиёевым.',
      undefined,
      'meeting',
    );
    expect(m.args).toMatchObject({ format: 'phone call' });
    expect((m.args.participants as string[]).length).toBe(2);
    const two = facts(
      'Турецкий лидер Реджеп Тайип Эрдоган прибыл в Баку. Лидеры двух стран провели переговоры с азербайджанским коллегой Ильхамом Алиевым.',
      undefined,
      'meeting',
    );
    expect(two).toHaveLength(1);
    const noun = facts(
      'Встреча министров иностранных дел России и Китая Сергея Лаврова и Ван И прошла в Пекине 9 апреля.',
      undefined,
      'meeting',
    );
    expect(noun[0]?.args).toMatchObject({ place: 'place:beijing' });
    expect(noun[0]?.when?.value).toBe('2024-04-09');
  });
  it('agreements: counts, named documents, passive signings, parties from context', () => {
    const a = facts(
      'По итогам переговоров президенты Казахстана и Кыргызстана подписали 12 соглашений, в том числе «Договор о союзнических отношениях».',
      undefined,
      'agreement',
    );
    expect(a.map((f) => f.args.count ?? f.args.title)).toEqual([12, 'Договор о союзнических отношениях']);
    expect(a[0].args.parties).toEqual(['country:KZ', 'country:KG']);
    const joint = facts(
      'Президенты Казахстана и Китая провели переговоры. Лидеры двух стран приняли Совместное заявление.',
      undefined,
      'agreement',
    );
    expect(joint[0]?.args).toMatchObject({ title: 'Совместное заявление' });
    expect(facts('Пакистан и Узбекистан обсудили сотрудничество. Подписание документов не состоялось.', undefined, 'agreement')).toEqual(
      [],
    );
  });
  it('agreements: a document named as an object reads in the nominative', () => {
    expect(nominativeTitle('Дорожную карту по торговле')).toBe('Дорожная карта по торговле');
    expect(nominativeTitle('Программу сотрудничества')).toBe('Программа сотрудничества');
    expect(nominativeTitle('Совместное заявление')).toBe('Совместное заявление');
    expect(nominativeTitle('Концепцию развития ЕАЭС')).toBe('Концепция развития ЕАЭС');
    const a = facts('Президенты Узбекистана и Казахстана утвердили Дорожную карту по торговле до 2030 года.', undefined, 'agreement');
    expect(a.map((f) => f.args.title)).toContain('Дорожная карта по торговле до 2030 года');
  });
  it('agreements and meetings at a summit: "the leaders" adopt the organisation’s documents', () => {
    const body =
      'Президент Казахстана Касым-Жомарт Токаев и президент Узбекистана Шавкат Мирзиёев прибыли на саммит ШОС в Астане. ' +
      'По итогам встречи лидеры утвердили Концепцию развития ШОС на 2026–2035 годы.';
    const a = facts(body, undefined, 'agreement');
    expect(a.map((f) => f.args)).toEqual([{ parties: ['org:sco'], title: 'Концепция развития ШОС на 2026–2035 годы' }]);
    expect(facts(body, undefined, 'meeting')).toEqual([]);
    // The two leaders named at the summit's edge are a pair: their talks and their documents stay theirs.
    const pair = facts(
      'На полях саммита ШОС в Астане Касым-Жомарт Токаев провёл переговоры с Шавкатом Мирзиёевым. По итогам переговоров лидеры двух стран подписали соглашение о транзите.',
      undefined,
    );
    expect(pair.find((f) => f.type === 'agreement')?.args.parties).toEqual(['country:KZ', 'country:UZ']);
    expect(pair.filter((f) => f.type === 'meeting')).toHaveLength(1);
  });
  it('agreements at a summit of a region and a state: every state of it signs', () => {
    const a = facts(
      'В Душанбе прошел второй саммит «Центральная Азия – Индия». По итогам саммита главы государств подписали Договор о транзите, энергетике и связи, а также приняли Душанбинскую декларацию.',
      '2025-10-02',
      'agreement',
    );
    expect(a.map((f) => f.args.title)).toEqual(['Договор о транзите, энергетике и связи', 'Душанбинская декларация']);
    for (const f of a)
      expect([...(f.args.parties as string[])].sort()).toEqual([
        'country:IN',
        'country:KG',
        'country:KZ',
        'country:TJ',
        'country:TM',
        'country:UZ',
      ]);
  });
  it('trade: a report’s period carries to its figures by country, its totals are no pair', () => {
    const t = facts(
      'Внешнеторговый оборот Казахстана за январь – июнь 2025 года составил 68 млрд долларов. Экспорт достиг 38 млрд долларов. ' +
        'Объем товарооборота с Китаем составил 12 млрд долларов. Аналитики полагают, что товарооборот с Китаем может превысить 25 млрд долларов.',
      '2025-07-20',
      'trade',
    );
    expect(t.map((f) => [f.args.parties, (f.args.amount as { value: number }).value, f.args.period])).toEqual([
      [['country:KZ', 'country:CN'], 12_000_000_000, '2025-H1'],
    ]);
  });
  it('trade: "долларов США" is a currency, and "двух стран" the two just met', () => {
    const t = facts(
      'Путин и Си Цзиньпин провели переговоры. Ранее в тот же день Путин встретился с премьер-министром Индии Нарендрой Моди. Товарооборот двух стран по итогам 2023 года достиг 65 млрд долларов США.',
      '2024-10-23',
      'trade',
    );
    expect(t.map((f) => [...(f.args.parties as string[])].sort())).toEqual([['country:IN', 'country:RU']]);
  });
  it('names: capitalised titles of official style are no name', () => {
    const r = read(
      'Министр провел переговоры с Заместителем Председателя Правительства Российской Федерации Д.В.Мантуровым.',
      '2023-12-27',
    );
    expect(r.mentions.map((m) => m.id)).not.toContain('person:predsedatelya-pravitelstv');
    expect(r.mentions.map((m) => m.id)).toContain('person:denis-manturov');
  });
  it('agreements: the document singled out may open the next paragraph, with a long official title', () => {
    const f = facts(
      'По итогам переговоров подписан пакет из 9 документов между Казахстаном и Таджикистаном.\nВ их числе – Соглашение между Правительством Республики Казахстан и Правительством Республики Таджикистан о сотрудничестве в области водных ресурсов.',
      '2025-02-20',
      'agreement',
    );
    expect(f.map((x) => x.args.count ?? x.args.title)).toEqual([
      9,
      'Соглашение между Правительством Республики Казахстан и Правительством Республики Таджикистан о сотрудничестве в области водных ресурсов',
    ]);
  });
  it('meetings: "по итогам встречи лидеры ..." after the meeting was told is that meeting, not another', () => {
    const m = facts(
      'В Вашингтоне состоялась встреча Никола Пашиняна, Ильхама Алиева и Дональда Трампа. По итогам встречи лидеры трех стран подписали совместную декларацию.',
      '2025-08-09',
      'meeting',
    );
    expect(m).toHaveLength(1);
  });
  it('agreements: a document singled out of a package, one in the genitive, and a project named in Latin', () => {
    const f = facts(
      'Президенты Казахстана и Китая провели переговоры. По итогам переговоров стороны подписали 20 соглашений. ' +
        'В их числе - межправительственное соглашение о строительстве железной дороги Достык - Мойынты. ' +
        'Министры парафировали текст Договора о границе. Завершено строительство линии электропередачи CASA-1000.',
      '2025-03-13',
    );
    expect(f.filter((x) => x.type === 'agreement').map((x) => x.args.count ?? x.args.title)).toEqual([
      20,
      'Межправительственное соглашение о строительстве железной дороги Достык - Мойынты',
      'Договор о границе',
    ]);
    expect(f.filter((x) => x.type === 'project_milestone').map((x) => [x.args.project, x.args.stage])).toEqual([
      ['project:dostyk-moyynty-railway', 'agreed'],
      ['project:casa-1000-power-line', 'completed'],
    ]);
  });
  it('investments: an amount of trade in the same sentence is not invested', () => {
    const body =
      'Президент Узбекистана отметил, что товарооборот Узбекистана с Китаем по итогам 2024 года достиг 13,8 млрд долларов, а объем китайских инвестиций в экономику республики вырос втрое.';
    expect(facts(body, '2025-06-17', 'investment')).toEqual([]);
  });
  it('summits: ordinal, organisation, place, planned', () => {
    const [s] = facts('В Бишкеке 14 октября состоялся 25-й саммит глав государств СНГ.', undefined, 'summit');
    expect(s.args).toMatchObject({ organization: 'org:cis', place: 'place:bishkek', ordinal: 25 });
    const [p] = facts('Очередной саммит ШОС пройдет в Тяньцзине осенью следующего года.', undefined, 'summit');
    expect(p.status).toBe('planned');
    expect(facts('Саммит на Аляске стал неожиданностью для многих.', undefined, 'summit')).toEqual([]);
  });
  it('trade and investment figures need an amount and a period', () => {
    const [t] = facts('Товарооборот России и Индии в 2024 году составил 66 млрд долларов.', undefined, 'trade');
    expect(t.args).toMatchObject({ metric: 'trade_turnover', period: '2024', amount: { value: 66e9, currency: 'USD' } });
    expect(facts('Товарооборот двух стран вырос на 12%.', undefined, 'trade')).toEqual([]);
    expect(
      facts(
        'Президенты Казахстана и Китая провели переговоры. Внешнеторговый оборот Казахстана в 2023 году составил 139 млрд долларов.',
        undefined,
        'trade',
      ),
    ).toEqual([]);
    expect(facts('Товарооборот Армении со странами ЕАЭС в 2023 году составил 8 млрд долларов.', undefined, 'trade')).toEqual([]);
    expect(facts('Товарооборот может достичь 100 млрд долларов к 2030 году.', undefined, 'trade')).toEqual([]);
    const [i] = facts('Турция вложила в экономику Туркменистана 5 млрд долларов.', undefined, 'investment');
    expect(i.args).toMatchObject({ recipient: 'country:TM', investor: 'country:TR' });
  });
  it('milestones: construction started, completed, launched', () => {
    const m = facts(
      'В Джизакской области началось строительство медеплавильного завода. Ранее в эксплуатацию введена Рогунская ГЭС. Завершено строительство моста Термез – Хайратон.',
      undefined,
      'project_milestone',
    );
    // Put into service is launched (decision 027); the end of building is completed.
    expect(m.map((f) => f.args.stage)).toEqual(['construction_started', 'launched', 'completed']);
  });
  it('hedges, wishes and negations are not facts', () => {
    const body =
      'Стороны надеются подписать соглашение о свободной торговле. Президент Ирана может посетить Ташкент. Предполагается, что лидеры встретятся в Душанбе. Визит министра так и не состоялся.';
    expect(facts(body)).toEqual([]);
  });
  it('teams, citizens and banks of a country are not the country acting', () => {
    const body =
      'Сборная Сербии сыграет со сборной Японии в Токио. Граждане Армении прибыли в Грузию на отдых. Центробанк России и Народный банк Китая провели переговоры.';
    expect(facts(body)).toEqual([]);
  });
  it('a summit named by a compound adjective, placed by its relative clause', () => {
    const s = facts(
      'Премьер-министры обсудили подготовку к казахстанско-турецкому саммиту, который пройдет в Анкаре в апреле.',
      '2025-02-03',
      'summit',
    );
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ status: 'planned', args: { name: 'Kazakhstan–Türkiye summit', place: 'place:ankara' } });
    expect(s[0].when).toEqual({ value: '2025-04', precision: 'month' });
  });
  it('evidence offsets point into the original text', () => {
    const text = 'Заголовок\nПрезидент России Владимир Путин прибыл в Пекин с государственным визитом 16 мая.';
    const r = readRussian(text, { published: '2024-05-17' });
    for (const f of r.facts) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    for (const m of r.mentions) expect(m.end).toBeGreaterThan(m.start);
  });
});

describe('lists and statistics notes', () => {
  it('reads "1 млрд 214 млн долларов" as one amount', () => {
    expect(findMoney('составил 2 млрд 350 млн долларов', 0).map((m) => m.value)).toEqual([2_350_000_000]);
  });
  it('reads each document a signing singles out, after "В частности" and "среди принятых документов"', () => {
    const a = facts(
      'Президент Казахстана Касым-Жомарт Токаев и президент Монголии Ухнаагийн Хурэлсух провели переговоры в Астане. По итогам переговоров подписано 9 документов. В частности, подписаны соглашение о воздушном сообщении и меморандум о сотрудничестве в сфере туризма. Среди принятых документов – программа культурного обмена на 2025–2027 годы и заявление о расширении торговли.',
      '2025-06-03',
      'agreement',
    );
    expect(a.map((f) => f.args.title ?? f.args.count)).toEqual([
      9,
      'Соглашение о воздушном сообщении',
      'Меморандум о сотрудничестве в сфере туризма',
      'Программа культурного обмена на 2025–2027 годы',
      'Заявление о расширении торговли',
    ]);
    for (const f of a) expect(f.args.parties).toEqual(['country:KZ', 'country:MN']);
  });
  it("reads a note's figures by country with its reporting country, and a ranked list after them", () => {
    const t = facts(
      'Внешнеторговый оборот Армении в январе–июне 2025 года составил 9,1 млрд долларов. Товарооборот с Россией составил 3,2 млрд долларов. Товарооборот с Китаем вырос до 1,1 млрд долларов. Далее следуют Иран (420 млн долларов) и Грузия (1 млрд 15 млн долларов).',
      '2025-07-20',
      'trade',
    );
    expect(t.map((f) => [...(f.args.parties as string[]), (f.args.amount as { value: number }).value, f.args.period])).toEqual([
      ['country:AM', 'country:RU', 3_200_000_000, '2025-H1'],
      ['country:AM', 'country:CN', 1_100_000_000, '2025-H1'],
      ['country:AM', 'country:IR', 420_000_000, '2025-H1'],
      ['country:AM', 'country:GE', 1_015_000_000, '2025-H1'],
    ]);
  });
});

describe('sessions and agreed projects', () => {
  it("reads a commission's session the sides agreed to hold as a planned meeting of the two", () => {
    const m = facts(
      'Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Монголии Ухнаагийн Хурэлсухом в Астане. Казахстан и Монголия договорились расширять торговлю. Стороны договорились провести седьмое заседание межправительственной комиссии по экономическому сотрудничеству в октябре в Улан-Баторе. Условлено, что очередное заседание российско-иранской комиссии пройдет в июне в Тегеране.',
      '2025-05-14',
      'meeting',
    );
    expect(m.slice(1).map((f) => [f.args.participants, f.args.place, f.when?.value, f.status])).toEqual([
      [['country:KZ', 'country:MN'], 'place:ulaanbaatar', '2025-10', 'planned'],
      [['country:RU', 'country:IR'], 'place:tehran', '2025-06', 'planned'],
    ]);
  });
  it('reads "соглашение о её создании" as the project just named, agreed by the two countries', () => {
    const f = facts(
      'Российская промышленная зона в Египте остается главным проектом. Россия и Египет подписали межправительственное соглашение о ее создании в 2018 году.',
      '2025-02-01',
    );
    expect(f.map((x) => [x.type, x.args.project ?? x.args.parties, x.args.stage])).toEqual([
      ['agreement', ['country:RU', 'country:EG'], undefined],
      ['project_milestone', 'project:russia-industrial-zone', 'agreed'],
    ]);
  });
  it('gives a signing told in the passive, no one named, to the two countries of the article', () => {
    const a = facts(
      'Посол России в Египте рассказал о сотрудничестве России и Египта. Россия и Египет развивают торговлю. — Соглашение о промышленной кооперации было подписано еще в 2019 году.',
      '2025-02-01',
      'agreement',
    );
    expect(a[0].args.parties).toEqual(['country:RU', 'country:EG']);
  });
});

describe('fifth blind round: customs notes, packages, wind farms', () => {
  it("reads a customs office's note: its country reports, a share of the total is no total, partners in turn", () => {
    const t = facts(
      'По данным Государственного таможенного комитета Киргизии, в январе–июне 2025 года внешнеторговый оборот страны составил 7,1 млрд долларов. Крупнейшим партнером остается Китай: товарооборот с КНР составил 3,2 млрд долларов, или 45% от общего объема внешней торговли. Товарооборот с Казахстаном вырос на 5% и составил 780 млн долларов, с Турцией — 410 млн долларов.',
      '2025-07-20',
      'trade',
    );
    expect(t.map((f) => [...(f.args.parties as string[]).slice().sort(), (f.args.amount as { value: number }).value])).toEqual([
      ['country:CN', 'country:KG', 3_200_000_000],
      ['country:KG', 'country:KZ', 780_000_000],
      ['country:KG', 'country:TR', 410_000_000],
    ]);
  });
  it('reads the documents "В пакет вошли" a paragraph after the signing', () => {
    const a = facts(
      'Премьеры России и Вьетнама провели переговоры. В присутствии глав правительств было подписано 9 документов.\nПеред этим премьеры осмотрели выставку.\nВ пакет вошли, в частности, соглашение о сотрудничестве в области ядерной науки и технологий и соглашение о взаимном признании дипломов.',
      '2025-01-15',
      'agreement',
    );
    expect(a.map((f) => f.args.title ?? f.args.count)).toEqual([
      9,
      'Соглашение о сотрудничестве в области ядерной науки и технологий',
      'Соглашение о взаимном признании дипломов',
    ]);
  });
  it('reads a wind farm named in straight quotes, put into commercial operation', () => {
    const [m] = facts(
      'Компания Masdar ввела в промышленную эксплуатацию ветроэлектростанцию (ВЭС) "Зарафшан" мощностью 500 МВт в Навоийской области.',
      '2025-04-17',
      'project_milestone',
    );
    expect(m.args).toMatchObject({ project: 'project:zarafshan-wind-farm', stage: 'launched' });
  });
});

describe('officials of commissions and governments', () => {
  it('reads РК and ИРИ, two co-chairs, and a reception told in the passive', () => {
    const m = facts(
      'Заседание прошло под председательством Заместителя Премьер-министра – министра торговли РК Армана Шаккалиева и министра промышленности ИРИ Мохаммада Атабака. В рамках рабочего визита в Тегеран Арман Шаккалиев был принят первым вице-президентом ИРИ Мохаммадом Резой Арефом.',
      '2025-02-26',
      'meeting',
    );
    expect(m.map((f) => f.args.participants)).toEqual([
      ['person:arman-shakkaliyev', 'person:mokhammad-atabak'],
      ['person:arman-shakkaliyev', 'person:mohammad-reza-aref'],
    ]);
  });
  it('reads "глава российского кабмина" as the prime minister the text named', () => {
    const m = facts(
      'Председатель правительства РФ Михаил Мишустин прибыл в Ханой. Днем глава российского кабмина встретился с генеральным секретарем ЦК Компартии Вьетнама То Ламом.',
      '2025-01-15',
      'meeting',
    );
    expect(m[0].args.participants).toEqual(['person:mikhail-mishustin', 'person:to-lam']);
  });
});

describe('events told in a participial clause', () => {
  it('reads "X, посетивший Астану с государственным визитом в июле 2024 года, ..." as a visit', () => {
    const [v] = facts(
      'Си Цзиньпин, посетивший Астану с государственным визитом в июле 2024 года, назвал транзит приоритетом.',
      '2025-02-20',
      'visit',
    );
    expect(v.args).toEqual({ visitor: 'person:xi-jinping', host: 'country:KZ', place: 'place:astana', kind: 'state' });
    expect(v.when).toEqual({ value: '2024-07', precision: 'month' });
  });
});

describe('sixth blind round: initials, talks told after the fact, customs notes', () => {
  it('finds a register person named by an initial and a declined family name', () => {
    const m = facts(
      '28 июля в Куала-Лумпуре состоялись переговоры Министра иностранных дел Российской Федерации С.В.Лаврова с Министром иностранных дел Малайзии М.Хасаном.',
      '2024-07-28',
      'meeting',
    );
    expect(m[0]?.args.participants).toEqual(['person:sergey-lavrov', 'person:mohamad-hasan']);
  });
  it('reads presidents who talked in a city, and talks a relative clause tells', () => {
    const a = facts(
      'Владимир Путин принял в Кремле Николаса Мадуро. Напомню, что до этого президенты подробно беседовали в октябре прошлого года в Казани.',
      '2025-06-11',
      'meeting',
    );
    expect(a.map((f) => f.when?.value)).toContain('2024-10');
    const b = facts(
      'Визит Владимира Путина в Улан-Батор принес плоды. Тогда по итогам переговоров, которые российский лидер провел 3 сентября с президентом Монголии, были подписаны два соглашения.',
      '2025-01-16',
      'meeting',
    );
    expect(b[0]?.args).toMatchObject({ participants: ['person:vladimir-putin', 'country:MN'], format: 'talks' });
  });
  it('ends a sentence after a figure’s "млрд." and keeps a customs note’s country first', () => {
    expect(splitSentences('Оборот составил $25,1 млрд. Экспорт вырос.').length).toBe(2);
    const t = facts(
      'Внешнеторговый оборот Монголии с Россией в 2024 году составил $2,68 млрд. Товарооборот с КНР за прошлый год достиг $17,63 млрд. Экспорт в соседний Китай составил $13,14 млрд.',
      '2025-01-16',
      'trade',
    );
    expect(t.map((f) => [f.args.parties, f.args.metric])).toEqual([
      [['country:MN', 'country:RU'], 'trade_turnover'],
      [['country:MN', 'country:CN'], 'trade_turnover'],
      [['country:MN', 'country:CN'], 'exports'],
    ]);
  });
});

describe('sixth blind round: meetings told two to a sentence', () => {
  it('reads "встретился с X, а ... беседа с Y" as two meetings, and named people over "стороны"', () => {
    const f = facts(
      'Уже в первый вечер Путин встретился с премьер-министром Армении Николом Пашиняном, а наиболее заметной стала беседа с премьер-министром Индии Нарендрой Моди 1 сентября: до места переговоров лидеры доехали вместе. После переговоров Путина и Си Цзиньпина в Пекине стороны подписали более двадцати документов.',
      '2025-09-04',
      'meeting',
    );
    expect(f.map((x) => x.args.participants)).toEqual([
      ['person:vladimir-putin', 'person:nikol-pashinyan'],
      ['person:vladimir-putin', 'person:narendra-modi'],
      ['person:vladimir-putin', 'person:xi-jinping'],
    ]);
  });
  it('reads "российского и китайского лидеров" as the two leaders named before', () => {
    const f = facts(
      'Путин провел переговоры с Си Цзиньпином. Меморандуму предшествовала трехсторонняя встреча российского и китайского лидеров с президентом Монголии.',
      '2025-09-04',
      'meeting',
    );
    expect(f[1]?.args.participants).toEqual(['person:vladimir-putin', 'person:xi-jinping', 'country:MN']);
  });
});

describe('sixth blind round: a railway section agreed earlier, and a state loan', () => {
  it('reads "соглашение о его строительстве" after a section named with its length, a loan, and an older memorandum', () => {
    const f = facts(
      'Россия и Иран подписали договор в январе. Ключевым проектом остается железнодорожный участок Решт — Астара протяженностью 162 км, который должен замкнуть коридор «Север — Юг». Межправительственное соглашение о его строительстве было подписано в мае 2023 года; в соответствии с ним Россия предоставляет Ирану государственный кредит в размере 1,3 млрд евро.',
      '2025-04-08',
    );
    expect(f.filter((x) => x.type === 'agreement').map((x) => x.when?.value)).toEqual(['2025-01', '2023-05']);
    expect(f.find((x) => x.type === 'project_milestone')?.args.project).toBe('project:rasht-astara-railway');
    expect(f.find((x) => x.type === 'investment')?.args).toEqual({
      recipient: 'country:IR',
      investor: 'country:RU',
      amount: { value: 1.3e9, currency: 'EUR' },
    });
  });
});

describe('seventh blind round: participles, delegations and the visit’s own genitive', () => {
  it('reads "X, прибывший в Y с официальным визитом" as X’s visit to Y, not the visit of the one X met', () => {
    const f = facts(
      'Глава МИД России Сергей Лавров, прибывший в Браззавиль с официальным визитом, провел переговоры с президентом Республики Конго Дени Сассу-Нгессо.',
      '2024-06-04',
      'visit',
    );
    expect(f.map((x) => x.args)).toEqual([
      { visitor: 'person:sergey-lavrov', host: 'country:CG', place: 'place:brazzaville', kind: 'official' },
    ]);
  });
  it('reads "государственный визит Президента России в Азербайджан", whoever speaks of it', () => {
    const f = facts(
      'Как отметил Алексей Оверчук, импульс отношениям придал государственный визит Президента России Владимира Путина в Азербайджан в августе.',
      '2024-10-11',
      'visit',
    );
    expect(f[0]?.args).toMatchObject({ visitor: 'person:vladimir-putin', host: 'country:AZ', kind: 'state' });
  });
  it('reads imperfective "посещал" and "возглавит делегацию в" (planned)', () => {
    const f = facts(
      'Прошлый раз ангольский президент посещал Россию в 2019 году. Российскую делегацию в Найроби возглавит министр Сергей Лавров.',
      '2025-05-20',
      'visit',
    );
    expect(f.map((x) => [x.args.visitor, x.args.host, x.status])).toEqual([
      ['country:AO', 'country:RU', undefined],
      ['person:sergey-lavrov', 'country:KE', 'planned'],
    ]);
  });
  it('reads bilateral talks with two countries’ ministers as a meeting with each (and does not loop)', () => {
    const f = facts('Глава МИД России провел двусторонние беседы с министрами иностранных дел Катара и Кувейта.', '2024-09-09', 'meeting');
    expect(f.map((x) => x.args.participants)).toEqual([
      ['country:RU', 'country:QA'],
      ['country:RU', 'country:KW'],
    ]);
  });
});

describe('seventh blind round: names, goals and totals', () => {
  it('declines Arabic names past their particles ("Мухаммедом бен Заидом Аль Нахайяном")', () => {
    const f = facts(
      'В Абу-Даби Владимир Путин провел переговоры с Президентом ОАЭ шейхом Мухаммедом бен Заидом Аль Нахайяном.',
      '2023-12-06',
      'meeting',
    );
    expect(f[0]?.args.participants).toEqual(['person:vladimir-putin', 'person:mohamed-bin-zayed-al-nahyan']);
  });
  it('keeps a signing whose document states a goal in a relative clause', () => {
    const f = facts(
      'Премьер-министр Индии прибыл в Москву. По итогам переговоров Владимира Путина и Нарендры Моди было подписано заявление, в котором стороны поставили цель довести товарооборот до $100 млрд.',
      '2024-07-10',
    );
    expect(f.filter((x) => x.type === 'meeting').map((x) => x.args.participants)).toEqual([
      ['person:vladimir-putin', 'person:narendra-modi'],
    ]);
    expect(f.some((x) => x.type === 'agreement')).toBe(true);
  });
  it('places a summit told in a relative clause where the visit went', () => {
    const f = facts(
      'Обсуждение продолжилось в ходе визита премьер-министра Индии в Москву 8 июля, который прошел в рамках 22-го ежегодного российско-индийского саммита.',
      '2024-07-10',
      'summit',
    );
    expect(f[0]?.args).toMatchObject({ place: 'place:moscow', ordinal: 22 });
  });
  it('reads no bilateral figure in a country’s total foreign trade split off a longer sentence', () => {
    const f = facts(
      'Товарооборот России и Индии в первом полугодии 2024 года составил $33,4 млрд. По данным ФТС, общий внешнеторговый оборот России за первое полугодие составил $346,6 млрд; экспорт сократился на 1,2%.',
      '2024-08-02',
      'trade',
    );
    expect(f.map((x) => (x.args.amount as { value: number }).value)).toEqual([33.4e9]);
  });
  it('names «Сила Сибири 2» as the Power of Siberia 2', () => {
    const f = facts('Россия и Китай подписали соглашение о строительстве газопровода «Сила Сибири 2».', '2025-09-03', 'project_milestone');
    expect(f[0]?.args.project).toBe('project:power-of-siberia-2-gas-pipeline');
  });
});

describe('seventh blind round: the head of diplomacy, a leadership, the country left behind', () => {
  it('reads "глава российской дипломатии" as the foreign minister the text named', () => {
    const f = facts(
      'Министр иностранных дел России Сергей Лавров прибыл в Конакри. Ранее глава российской дипломатии провел переговоры со своим ганским коллегой Самуэлем Окудзето Аблаквой.',
      '2024-06-04',
      'meeting',
    );
    expect(f[0]?.args.participants).toEqual(expect.arrayContaining(['person:sergey-lavrov']));
  });
  it('reads talks "с руководством Буркина-Фасо" as talks with the country', () => {
    const f = facts('Сергей Лавров провел переговоры с руководством Буркина-Фасо.', '2024-06-05', 'meeting');
    expect(f[0]?.args.participants).toEqual(['person:sergey-lavrov', 'country:BF']);
  });
  it('reads "прилетел из Гвинеи, где встретился" as a visit to Guinea as well', () => {
    const f = facts('В Браззавиль Сергей Лавров прилетел из Гвинеи, где в понедельник встретился с президентом.', '2024-06-04', 'visit');
    expect(f.map((x) => x.args.host)).toEqual(['country:GN', 'country:CG']);
  });
  it('reads a summit named in straight quotes ("Россия - Африка")', () => {
    const f = facts(
      'Стороны обсудили договоренности второго саммита "Россия - Африка", который прошел в Санкт-Петербурге в июле прошлого года.',
      '2024-06-04',
      'summit',
    );
    expect(f[0]?.args).toMatchObject({ name: 'Russia–Africa summit', place: 'place:saint-petersburg', ordinal: 2 });
  });
});

describe('seventh blind round: the head of state, a contrast, a patronymic, where a trip led', () => {
  it('reads "Глава Российского государства находится в ... с визитом" as the president’s visit', () => {
    const f = facts(
      'Президент России Владимир Путин прибыл в Ташкент. Глава Российского государства находится в Узбекистане с государственным визитом.',
      '2024-05-27',
      'visit',
    );
    expect(f[0]?.args).toMatchObject({ visitor: 'person:vladimir-putin', host: 'country:UZ', kind: 'state' });
  });
  it('keeps a visit and a signing before ", однако ... не удалось"', () => {
    const f = facts(
      'Во время государственного визита господина Путина в Пекин лидеры подписали совместное заявление, однако газовой сделки добиться не удалось.',
      '2025-09-03',
    );
    expect(f.map((x) => x.type)).toEqual(['visit', 'agreement']);
  });
  it('reads "Сергей Викторович побывал в Бразилиа, где был принят президентом Лулой" as a visit and a meeting', () => {
    const f = facts(
      'Министр иностранных дел Сергей Лавров дал интервью. В феврале Сергей Викторович побывал в Бразилиа, где был принят президентом Лулой.',
      '2025-06-23',
    );
    expect(f.map((x) => [x.type, x.type === 'visit' ? x.args.visitor : (x.args.participants as string[]).join(',')])).toEqual([
      ['visit', 'person:sergey-lavrov'],
      ['meeting', 'person:sergey-lavrov,person:luiz-inacio-lula-da-silva'],
    ]);
  });
});

describe('seventh blind round: a state loan named by its size', () => {
  it('reads "транша российского государственного кредита в размере 400 млн евро" as Russia’s loan to the other state, for the railway', () => {
    const f = facts(
      'Россия и Иран подписали протокол о финансировании строительства железной дороги Решт – Астара. Документ определяет условия предоставления первого транша российского государственного кредита в размере 400 млн евро.',
      '2025-04-22',
      'investment',
    );
    expect(f[0]?.args).toEqual({
      recipient: 'country:IR',
      investor: 'country:RU',
      amount: { value: 400e6, currency: 'EUR' },
      project: 'project:rasht-astara-railway',
    });
  });
});

describe('eighth blind round: the guest received', () => {
  it('reads "его принял" and "гостя принял" as meetings with the visitor, not with the last person named', () => {
    const m = facts(
      'Президент Казахстана Касым-Жомарт Токаев прибыл в Ханой с официальным визитом. В тот же день его принял президент Вьетнама Лыонг Кыонг. Его также принял премьер-министр Фам Минь Тинь. Казахстанского гостя принял и генеральный секретарь То Лам.',
      '2025-05-10',
      'meeting',
    ).map((f) => f.args.participants);
    expect(m).toEqual([
      ['person:kassym-jomart-tokayev', 'person:luong-cuong'],
      ['person:kassym-jomart-tokayev', 'person:pham-minh-chinh'],
      ['person:kassym-jomart-tokayev', 'person:to-lam'],
    ]);
  });
  it('keeps "его" as a possessive elsewhere', () => {
    const m = facts('Его коллега Сергей Лавров провел переговоры с Ван И в Пекине.', '2025-05-10', 'meeting');
    expect(m[0]?.args.participants).toEqual(['person:sergey-lavrov', 'person:wang-yi']);
  });
});

describe('eighth blind round: a capital by its adjective, partners ranked with "с"', () => {
  it('reads "в сербской столице" as Belgrade, and the guest received there', () => {
    const f = facts(
      'Министр энергетики Азербайджана Парвиз Шахбазов подписал соглашение. Азербайджанский министр находился в сербской столице с рабочим визитом; в тот же день его принял президент Александр Вучич.',
      '2025-02-12',
    );
    expect(f.find((x) => x.type === 'visit')?.args).toMatchObject({ host: 'country:RS', place: 'place:belgrade', kind: 'working' });
    expect(f.find((x) => x.type === 'meeting')?.args.participants).toEqual(['person:parviz-shahbazov', 'person:aleksandar-vucic']);
  });
  it('reads partners ranked after a country’s total as its trade with each', () => {
    const f = facts(
      'Внешнеторговый оборот Армении за январь–сентябрь 2025 года составил 9,4 млрд долларов, сообщил статистический комитет республики. Первое место среди партнеров занимает Россия с 3,2 млрд долларов. На втором месте Китай с 1,1 млрд долларов, на третьем – Иран с 0,5 млрд долларов.',
      '2025-10-20',
      'trade',
    );
    expect(f.map((x) => [x.args.parties, (x.args.amount as { value: number }).value])).toEqual([
      [['country:AM', 'country:RU'], 3.2e9],
      [['country:AM', 'country:CN'], 1.1e9],
      [['country:AM', 'country:IR'], 0.5e9],
    ]);
  });
});

describe('eighth blind round: received by a monarch, or by a name alone', () => {
  it('reads "Президента Монголии принял ... Император" and "его принял <name>" as meetings with the guest', () => {
    const m = facts(
      'Президент Монголии Ухнаагийн Хурэлсух прибыл в Токио с официальным визитом. В тот же день Президента Монголии принял в Императорском дворце Император Японии Нарухито. На следующий день его принял Фумио Кисида.',
      '2022-11-29',
      'meeting',
    ).map((f) => f.args.participants);
    expect(m).toEqual([
      ['person:ukhnaagiin-khurelsukh', 'person:naruhito'],
      ['person:ukhnaagiin-khurelsukh', 'person:fumio-kishida'],
    ]);
  });
});

describe('ninth blind round: calls, a guest to be received, bare figures of a ranked list', () => {
  it('reads "созвонился с" as a phone call and "нашего гостя примет" as a meeting ahead', () => {
    const f = facts(
      'Российский лидер Владимир Путин прилетел в таджикскую столицу с государственным визитом накануне вечером, в аэропорту его встречал президент. Сегодня нашего гостя примет Президент Таджикистана Эмомали Рахмон, сообщили в пресс-службе. Днем ранее Путин созвонился с президентом Бразилии Луисом Инасиу Лулой да Силвой, и они обсудили торговлю.',
      '2025-10-09',
      'meeting',
    );
    expect(f.map((x) => [x.args.participants, x.args.format, x.status])).toEqual([
      [['person:vladimir-putin', 'person:emomali-rahmon'], undefined, 'planned'],
      [['person:vladimir-putin', 'person:luiz-inacio-lula-da-silva'], 'phone call', undefined],
    ]);
  });
  it('reads "Турция (3,9 млрд)" after a total in dollars as 3.9 billion dollars', () => {
    const f = facts(
      'Внешнеторговый оборот Казахстана за январь–сентябрь 2025 года составил 105 млрд долларов, сообщило бюро национальной статистики. Крупнейшим партнером остается Китай с 21,4 млрд долларов, на втором месте Россия с 20,1 млрд долларов. Далее следуют Турция (3,9 млрд), Узбекистан (3,1 млрд) и Нидерланды (2,8 млрд).',
      '2025-10-20',
      'trade',
    );
    expect(f.map((x) => [(x.args.parties as string[])[1], x.args.amount])).toEqual([
      ['country:CN', { value: 21.4e9, currency: 'USD' }],
      ['country:RU', { value: 20.1e9, currency: 'USD' }],
      ['country:TR', { value: 3.9e9, currency: 'USD' }],
      ['country:UZ', { value: 3.1e9, currency: 'USD' }],
      ['country:NL', { value: 2.8e9, currency: 'USD' }],
    ]);
  });
});
