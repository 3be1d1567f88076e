// Unit tests of the Chinese reader, one construction at a time (sentences written for these tests).
import { describe, expect, it } from 'vitest';
import type { Fact } from '../types.js';
import { findDates, anchorOf } from './dates.js';
import { findMentions } from './entities.js';
import { fold } from './fold.js';
import { readChinese } from './index.js';
import { findMoney, parseChineseNumeral, parseCount } from './numbers.js';
import { splitSentences } from './sentences.js';

const read = (text: string, published = '2024-06-20'): Fact[] => readChinese(text, { published }).facts;
const ids = (text: string): string[] => findMentions(fold(text)).flatMap((m) => m.ids ?? [m.id]);

describe('folding', () => {
  it('folds traditional characters one for one', () => {
    const t = '國務院副總理將赴美國出席聯委會，雙邊貿易額達到一千億美元。';
    const f = fold(t);
    expect(f.length).toBe(t.length);
    expect(f).toBe('国务院副总理将赴美国出席联委会,双边贸易额达到一千亿美元。');
  });
  it('leaves simplified text alone', () => {
    const t = '中方愿同哈方一道推动合作';
    expect(fold(t)).toBe(t);
  });
});

describe('numbers and money', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('三十四')).toBe(34);
    expect(parseChineseNumeral('十九')).toBe(19);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    expect(parseChineseNumeral('三千五百万')).toBe(35_000_000);
    expect(parseCount('12')).toBe(12);
  });
  it('reads amounts with 万 and 亿 and currencies', () => {
    expect(findMoney('金额约为3120亿美元')[0]).toMatchObject({ value: 312_000_000_000, currency: 'USD' });
    expect(findMoney('贷款18.6亿美元')[0]).toMatchObject({ value: 1_860_000_000, currency: 'USD' });
    expect(findMoney('投入2.5万亿元人民币')[0]).toMatchObject({ value: 2_500_000_000_000, currency: 'CNY' });
    expect(findMoney('合同额4,500万欧元')[0]).toMatchObject({ value: 45_000_000, currency: 'EUR' });
    expect(findMoney('约三十亿卢布')[0]).toMatchObject({ value: 3_000_000_000, currency: 'RUB' });
    expect(findMoney('人口超过1400万')).toEqual([]);
  });
});

describe('dates', () => {
  const a = anchorOf('2024-03-15');
  const v = (s: string) => findDates(s, a).map((d) => `${d.value}/${d.precision}`);
  it('reads full and partial dates', () => {
    expect(v('2023年9月7日在阿拉木图')).toEqual(['2023-09-07/day']);
    expect(v('1992年1月两国建交')).toEqual(['1992-01/month']);
    expect(v('2019年,两国')).toEqual(['2019/year']);
  });
  it('takes the first day of a range and bare days of the publication month', () => {
    expect(v('将于4月2日至5日在北京举行')).toEqual(['2024-04-02/day']);
    expect(v('12日下午,部长会见')).toEqual(['2024-03-12/day']);
    expect(v('20日,代表团抵达')).toEqual(['2024-02-20/day']);
  });
  it('resolves relative years and months', () => {
    expect(v('去年,贸易额')).toEqual(['2023/year']);
    expect(v('三年前,我们')).toEqual(['2021/year']);
    expect(v('上月,工程')).toEqual(['2024-02/month']);
    expect(findDates('去年', undefined)).toEqual([]);
  });
});

describe('sentences', () => {
  it('splits on full stops and lines, not inside quotes', () => {
    const s = fold('标题\n他说：“合作很好。我们满意。”双方签署协议。\n第二段！');
    const parts = splitSentences(s).map((x) => s.slice(x.start, x.end));
    expect(parts).toEqual(['标题', '他说:“合作很好。我们满意。”', '双方签署协议。', '第二段!']);
  });
});

describe('entities', () => {
  it('finds countries by full, short and side names', () => {
    expect(ids('中华人民共和国和吉尔吉斯共和国')).toEqual(['country:CN', 'country:KG']);
    expect(ids('塔方表示感谢')).toEqual(['country:TJ']);
  });
  it('reads compounds of abbreviations as pairs and triples of countries', () => {
    expect(ids('中俄两国')).toEqual(['country:CN', 'country:RU']);
    expect(ids('中哈塔三国边境')).toEqual(['country:CN', 'country:KZ', 'country:TJ']);
    expect(ids('其中美国')).toEqual(['country:US']);
    expect(ids('中乌关系与乌克兰')).toEqual(['country:CN', 'country:UA', 'country:UA']);
  });
  it('reads one-character countries after verbs', () => {
    expect(ids('总统首次访华')).toEqual(['country:CN']);
    expect(ids('会议将在俄举行')).toEqual(['country:RU']);
  });
  it('tells a capital as a place from a capital as a government', () => {
    expect(ids('代表团抵达莫斯科')).toEqual(['place:moscow']);
    expect(ids('华盛顿方面拒绝评论')).toEqual(['country:US']);
    expect(ids('西安和喀山')).toEqual(['place:xian', 'place:kazan']);
  });
  it('finds organisations by full and short names', () => {
    expect(ids('上合组织和独联体以及欧亚经济联盟')).toEqual(['org:sco', 'org:cis', 'org:eaeu']);
  });
  it('names unknown Chinese officials from their title, family name first', () => {
    const ms = findMentions(fold('商务部新闻发言人束珏婷表示'));
    expect(ms.find((m) => m.kind === 'person')).toMatchObject({ id: 'person:shu-jueting', country: 'country:CN' });
    const vm = findMentions(fold('外交部副部长马朝旭会见'));
    expect(vm.find((m) => m.kind === 'person')?.id).toBe('person:ma-zhaoxu');
  });
  it('keeps register names with a title before or after', () => {
    expect(ids('俄罗斯总统普京')).toContain('person:vladimir-putin');
    expect(ids('拉夫罗夫外长说')).toContain('person:sergey-lavrov');
  });
});

describe('facts', () => {
  it('reads a state visit: who, where, which kind, when', () => {
    const f = read('标题\n18日,吉尔吉斯斯坦总统扎帕罗夫抵达北京,对中国进行国事访问。');
    const v = f.find((x) => x.type === 'visit')!;
    expect(v.args).toMatchObject({ visitor: 'person:sadyr-japarov', host: 'country:CN', place: 'place:beijing', kind: 'state' });
    expect(v.when).toEqual({ value: '2024-06-18', precision: 'day' });
  });
  it('marks announced visits as planned and reads the day ahead', () => {
    const f = read('标题\n国家主席习近平将于25日至27日对塔吉克斯坦进行国事访问。', '2024-06-20');
    expect(f[0]).toMatchObject({ type: 'visit', status: 'planned', when: { value: '2024-06-25' } });
  });
  it('drops invitations, hopes and negated events', () => {
    expect(read('标题\n拉赫蒙总统邀请李强总理明年访问塔吉克斯坦。')).toEqual([]);
    expect(read('标题\n中方希望双方早日签署合作协议。')).toEqual([]);
    expect(read('标题\n两国尚未签署自由贸易协定。')).toEqual([]);
    expect(read('标题\n专家认为,明年中塔贸易额有望达到50亿美元。')).toEqual([]);
  });
  it('reads talks and phone calls between named people', () => {
    const f = read('标题\n王毅同土耳其外长费丹通电话。');
    expect(f[0]).toMatchObject({ type: 'meeting', args: { format: 'phone call' } });
    expect((f[0].args.participants as string[])[0]).toBe('person:wang-yi');
  });
  it('resolves "the two heads of state" to the leaders named in the text', () => {
    const f = read('标题\n俄罗斯总统普京抵达北京。\n国家主席习近平表示欢迎。两国元首举行了小范围会谈。');
    const m = f.find((x) => x.type === 'meeting')!;
    expect([...(m.args.participants as string[])].sort()).toEqual(['person:vladimir-putin', 'person:xi-jinping']);
  });
  it('reads agreements with their count, title and parties', () => {
    const f = read('标题\n会谈后,中哈两国签署了二十余份合作文件。');
    expect(f[0]).toMatchObject({ type: 'agreement', args: { parties: ['country:CN', 'country:KZ'], count: 20 } });
    const g = read('标题\n双方签署《中华人民共和国和蒙古国联合声明》。\n中蒙关系不断发展。');
    expect(g[0].args.title).toBe('中华人民共和国和蒙古国联合声明');
  });
  it('reads trade figures: turnover, exports, imports, the reporting country first', () => {
    const f = read('标题\n2023年,哈萨克斯坦同中国双边贸易额为410亿美元。\n其中哈方对华出口185亿美元。');
    expect(f[0].args).toMatchObject({ parties: ['country:CN', 'country:KZ'], metric: 'trade_turnover', period: '2023' });
    expect(f.find((x) => x.args.metric === 'exports')?.args.amount).toEqual({ value: 18_500_000_000, currency: 'USD' });
  });
  it('reads investment with its recipient and investor', () => {
    const f = read('标题\n截至2023年底,中国对吉尔吉斯斯坦直接投资存量达18亿美元。');
    expect(f[0]).toMatchObject({ type: 'investment', args: { recipient: 'country:KG', investor: 'country:CN' } });
  });
  it('reads named summits with ordinal, organisation and place', () => {
    const f = read('标题\n上海合作组织成员国元首理事会第二十四次会议4日在阿斯塔纳举行。', '2024-07-05');
    expect(f[0]).toMatchObject({
      type: 'summit',
      args: { ordinal: 24, organization: 'org:sco', place: 'place:astana' },
      when: { value: '2024-07-04' },
    });
    expect(read('标题\n双方同意,中美峰会取得成果。').filter((x) => x.type === 'summit')).toEqual([]);
  });
  it('reads project milestones and their stage', () => {
    const f = read('标题\n中吉乌铁路项目27日在贾拉拉巴德正式开工。');
    expect(f[0]).toMatchObject({
      type: 'project_milestone',
      args: { project: 'project:china-kyrgyzstan-uzbekistan-railway', stage: 'construction_started' },
    });
    const g = read('标题\n杜尚别2号热电厂二期工程全面建成投产。');
    expect(g[0]?.args.stage).toBe('launched');
    expect(read('标题\n中哈第三条铁路预计明年建成。')).toEqual([]);
  });
  it('cuts evidence from the original traditional text', () => {
    const text = '標題\n國家主席習近平同哈薩克斯坦總統托卡耶夫舉行會談。';
    const f = read(text);
    expect(f[0].type).toBe('meeting');
    expect(text.slice(f[0].evidence.start, f[0].evidence.end)).toBe(f[0].evidence.text);
    expect(f[0].evidence.text).toContain('習近平');
  });
  it('dates a statement by the visit it refers to', () => {
    const f = read('标题\n9日,越南国家主席苏林抵达北京,对中国进行国事访问。\n访问期间,双方签署了14项合作文件。');
    expect(f.find((x) => x.type === 'agreement')?.when?.value.slice(0, 7)).toBe('2024-06');
  });
  it('gives a visit to each of coordinated hosts', () => {
    const f = read('标题\n国务院总理李强将于下月对马来西亚、泰国进行正式访问。');
    expect(f.filter((x) => x.type === 'visit').map((x) => x.args.host)).toEqual(['country:MY', 'country:TH']);
  });
  it('reads the visitor of a relative clause (来华访问的X)', () => {
    const f = read('标题\n外交部长王毅在北京会见来华访问的巴基斯坦外长达尔。');
    const v = f.find((x) => x.type === 'visit');
    expect(v?.args.host).toBe('country:CN');
    expect(v?.args.visitor).not.toBe('person:wang-yi');
  });
  it('states nothing in questions, and no new meeting for those who attend one', () => {
    expect(read('标题\n问:俄罗斯外长拉夫罗夫是否将访华?')).toEqual([]);
    const f = read('标题\n王毅会见拉夫罗夫。\n外交部副部长马朝旭参加会见。');
    expect(f.filter((x) => x.type === 'meeting')).toHaveLength(1);
  });
  it('keeps spokespersons as sources, not participants', () => {
    const f = read('标题\n外交部发言人毛宁宣布:王毅将访问俄罗斯。\n毛宁表示,访问期间王毅将同拉夫罗夫举行会谈。');
    const m = f.find((x) => x.type === 'meeting')!;
    expect(m.args.participants).toEqual(['person:wang-yi', 'person:sergey-lavrov']);
    expect(m.status).toBe('planned');
  });
  it('reads a figure, not a threshold that describes something', () => {
    expect(read('标题\n越南是东盟首个对华贸易额突破2000亿美元的国家。').filter((x) => x.type === 'trade')).toEqual([]);
  });
  it("reads informal leaders' meetings with the ordinal before them as summits", () => {
    const f = read('标题\n国家主席习近平出席亚太经合组织第三十次领导人非正式会议。');
    expect(f[0]).toMatchObject({ type: 'summit', args: { ordinal: 30, organization: 'org:apec' } });
  });
  it('reads months with a relative year, and a bare month before a verb', () => {
    const a = anchorOf('2023-09-20');
    expect(findDates('是在今年3月,当时', a).map((d) => d.value)).toEqual(['2023-03']);
    expect(findDates('将于10月对中国进行访问', a).map((d) => d.value)).toEqual(['2023-10']);
    expect(findDates('1至8月', a).map((d) => d.value)).toEqual(['2023-08']);
  });
  it('takes a trade figure from the clause that follows, and no pair for a region', () => {
    const f = read('标题\n今年前7个月,中哈贸易额同比增长20%,达到250亿美元。');
    expect(f[0]?.args.amount).toEqual({ value: 25_000_000_000, currency: 'USD' });
    expect(read('标题\n中哈关系很好。2023年,中国同中东欧国家贸易额达到1300亿美元。').filter((x) => x.type === 'trade')).toEqual([]);
  });
  it('reads seats of government that are not people (克里姆林宫)', () => {
    expect(ids('克里姆林宫发言人佩斯科夫')).toEqual(['country:RU', 'person:dmitry-peskov']);
  });
  it('finds a short register name only where the segmenter sees a word', () => {
    expect(ids('中韩正式建交')).toEqual(['country:CN', 'country:KR']);
    expect(ids('韩正会见')).toEqual(['person:han-zheng']);
  });
  it('reads 京 and 沪 after a verb as Beijing and Shanghai', () => {
    expect(ids('第三届论坛在京举行')).toEqual(['place:beijing']);
    const f = read('标题\n乌兹别克斯坦总统米尔济约耶夫23日抵京,开始对中国进行国事访问。');
    expect(f[0]?.args).toMatchObject({ visitor: 'person:shavkat-mirziyoyev', host: 'country:CN', kind: 'state' });
  });
  it('reads a meeting referred to again as the same meeting', () => {
    const f = read('标题\n国家主席习近平4日在阿斯塔纳会见印度总理莫迪。\n这次会见是两国领导人今年以来的首次会晤。');
    expect(f.filter((x) => x.type === 'meeting')).toHaveLength(1);
  });
  it('reads Taiwan and Hong Kong forms of country names and of a state visit', () => {
    expect(ids('紐西蘭、澳洲與哈薩克')).toEqual(['country:NZ', 'country:AU', 'country:KZ']);
    const f = read('標題\n吉爾吉斯總統扎帕羅夫抵達北京，對中國進行國是訪問。');
    expect(f[0]?.args).toMatchObject({ host: 'country:CN', kind: 'state' });
  });
  it('resolves "he" to the person named before', () => {
    const f = read('标题\n俄罗斯总统普京16日抵达北京。\n他还会见了国务院总理李强。');
    const m = f.find((x) => x.type === 'meeting');
    expect(m?.args.participants).toEqual(['person:vladimir-putin', 'person:li-qiang']);
  });
  it('reads "分别会见A和B" as one meeting with each', () => {
    const f = read('标题\n国家主席习近平在北京分别会见吉尔吉斯斯坦总统扎帕罗夫和塔吉克斯坦总统拉赫蒙。');
    expect(f.filter((x) => x.type === 'meeting').map((x) => (x.args.participants as string[])[1])).toEqual([
      'person:sadyr-japarov',
      'person:emomali-rahmon',
    ]);
  });
  it('does not read 日前 (recently) as Japan', () => {
    expect(ids('在日前举行的发布会上')).toEqual([]);
  });
  it('names new people and organisations in English', () => {
    const r = readChinese('标题\n商务部新闻发言人束珏婷说,通用电气公司将扩大投资。', { published: '2024-01-01' });
    expect(r.names.get('person:shu-jueting')?.name).toBe('Shu Jueting');
    expect(r.names.get('org:ge')?.name).toBe('General Electric');
  });
  it('reads customs wording: 进出口总值, 贸易规模', () => {
    const f = read('标题\n据海关统计,2023年中国与俄罗斯进出口总值为1.7万亿元人民币。');
    expect(f[0]?.args).toMatchObject({
      parties: ['country:CN', 'country:RU'],
      metric: 'trade_turnover',
      amount: { value: 1.7e12, currency: 'CNY' },
    });
  });
  it('names summits of regions and forums', () => {
    const f = read('标题\n首届中国—阿拉伯国家峰会9日在利雅得举行。\n第十九届东亚峰会10日在万象举行。', '2024-12-12');
    expect(f.map((x) => [x.args.name, x.args.ordinal])).toEqual([
      ['China–Arab States summit (中国—阿拉伯国家峰会)', 1],
      ['East Asia summit (东亚峰会)', 19],
    ]);
  });
  it('reads an annual leaders’ meeting as a summit, and a title in 《》 as no event', () => {
    const f = read(
      '题\n新华社惠灵顿5月3日电 当地时间5月3日，国务院总理李强在惠灵顿同新西兰总理拉克森举行第八轮中新总理年度会晤。双方发表了《第八轮中新总理年度会晤联合声明》。',
      '2025-05-03',
    );
    const summit = f.find((x) => x.type === 'summit');
    expect(summit?.args).toMatchObject({ ordinal: 8, place: 'place:wellington' });
    expect(String(summit?.args.name)).toMatch(/^China–New Zealand annual leaders’ meeting/);
    // The statement's title names the meeting; it is one more document, not one more meeting.
    expect(f.filter((x) => x.type === 'meeting')).toHaveLength(1);
    expect(f.filter((x) => x.type === 'agreement').map((x) => x.args.title)).toEqual(['第八轮中新总理年度会晤联合声明']);
  });
  it('tells signings of one day apart by their fields, and reads exchanged texts as signed', () => {
    const f = read(
      '题\n5月8日，习近平同托卡耶夫举行会谈。两国元首共同见证双方交换农业、卫生等领域合作文件文本。访问期间，中方企业同哈方签署了涉及能源和化工等领域的投资协议。',
      '2025-05-09',
    ).filter((x) => x.type === 'agreement');
    expect(f.map((x) => x.args.domain)).toEqual(['农业、卫生', '能源和化工']);
  });
  it('reads Australian dollars, and a country’s total trade as no pair', () => {
    expect(findMoney('3150亿澳元')[0]).toMatchObject({ value: 315_000_000_000, currency: 'AUD' });
    const f = read('题\n中方同哈方举行会谈。今年前三季度我国货物贸易进出口总值31.5万亿元。同期，中哈贸易额为320亿美元。', '2024-10-14');
    expect(f.filter((x) => x.type === 'trade').map((x) => (x.args.amount as { value: number }).value)).toEqual([32_000_000_000]);
  });
  it('reads an investment by where it is built, and names a project without its capacity or country', () => {
    const f = read(
      '题\n6月10日，两国元首共同宣布由中方企业投资约8亿美元建设的撒马尔罕州500兆瓦光伏项目开工。12月25日，中国企业承建的塔吉克斯坦杜尚别—丹加拉公路改造项目全线通车。',
      '2025-12-26',
    );
    expect(f.find((x) => x.type === 'investment')?.args).toMatchObject({
      investor: 'country:CN',
      amount: { value: 800_000_000, currency: 'USD' },
    });
    expect(f.filter((x) => x.type === 'project_milestone').map((x) => [x.args.project, x.args.stage])).toEqual([
      ['project:samarkand-solar-power-plant', 'construction_started'],
      ['project:dushanbe-danjiala-highway', 'launched'],
    ]);
  });
  it('does not read a foreign surname inside a longer name (卡拉 in 卡拉干达)', () => {
    expect(ids('哈萨克斯坦卡拉干达州铁合金项目竣工。')).not.toContain('person:jusuf-kalla');
    expect(ids('印度尼西亚副总统卡拉表示欢迎。')).toContain('person:jusuf-kalla');
  });
  it('reads a project’s total investment and a purchase as investments in its country', () => {
    const f = read(
      '题\n中国同柬埔寨举行会谈。\n在柬埔寨，由中国企业投资建设的金港高速公路本月通车，该项目总投资约20亿美元。\n2019年，中国一家企业出资3000万美元收购了西哈努克港一家水泥厂。',
      '2025-12-20',
    ).filter((x) => x.type === 'investment');
    expect(f.map((x) => [x.args.recipient, (x.args.amount as { value: number }).value])).toEqual([
      ['country:KH', 2_000_000_000],
      ['country:KH', 30_000_000],
    ]);
  });
  it('reads trade with a bloc as no pair of countries', () => {
    const f = read('题\n前三季度，中国同东盟贸易额为5.13万亿元。中俄贸易额为1800亿美元。', '2024-10-18').filter((x) => x.type === 'trade');
    expect(f.map((x) => x.args.parties)).toEqual([['country:CN', 'country:RU']]);
  });
  it('names a hydropower station and a ring road as Xinhua’s English does', () => {
    const f = read('题\n中国企业承建的乌干达伊辛巴水电站近日竣工。肯尼亚蒙巴萨环城公路本月全线通车。', '2024-09-27').filter(
      (x) => x.type === 'project_milestone',
    );
    expect(f.map((x) => String(x.args.project))).toEqual([
      expect.stringMatching(/-hydropower-station$/),
      expect.stringMatching(/-ring-road$/),
    ]);
  });
});

describe('fourth blind round: names, sessions, visits told in passing, agreed projects', () => {
  it('reads 中格 as China and Georgia', () => {
    const [t] = read('标题\n据海关统计,2024年中格贸易额为18.6亿美元。', '2025-03-01');
    expect(t.args).toMatchObject({ parties: ['country:CN', 'country:GE'], amount: { value: 1_860_000_000, currency: 'USD' } });
  });
  it('keeps a two-part transliterated name whole, never the register person its first part names', () => {
    const f = read('标题\n签约仪式上,中国能建董事长宋海良与某公司董事长穆罕默德·阿布纳扬举行会谈。', '2025-06-20');
    expect(f.map((x) => x.args.participants)).toEqual([['person:song-hailiang', 'person:muhanmode-abunayang']]);
  });
  it('reads a commission co-chaired (共同主持中哈...), talks of two countries joined by 和', () => {
    const a = read('标题\n14日,丁薛祥与哈萨克斯坦第一副总理斯克利亚尔在阿斯塔纳共同主持中哈合作委员会第十二次会议。', '2025-05-15');
    expect(a[0].args).toEqual({ participants: ['person:ding-xuexiang', 'person:roman-sklyar'], place: 'place:astana' });
    const b = read('标题\n发言人主持例行记者会。记者:伊朗和美国19日在罗马举行了第二轮间接会谈。', '2025-04-21');
    expect(b[0].args).toMatchObject({ participants: ['country:IR', 'country:US'], place: 'place:rome' });
  });
  it('reads a visit told as 是...访问的 and one first told by 访问期间', () => {
    const a = read('标题\n丁薛祥是应哈萨克斯坦政府邀请,于13日至15日对哈萨克斯坦进行正式访问的。', '2025-05-15');
    expect(a[0].args).toEqual({ visitor: 'person:ding-xuexiang', host: 'country:KZ', kind: 'official' });
    const b = read('标题\n去年10月李强总理对巴基斯坦进行正式访问期间,两国总理共同为瓜达尔新国际机场揭幕。', '2025-05-15');
    expect(b.find((f) => f.type === 'visit')?.args).toEqual({ visitor: 'person:li-qiang', host: 'country:PK', kind: 'official' });
  });
  it('reads a signed document on a project as the project agreed', () => {
    const f = read('标题\n今年6月6日,中吉乌三国政府在北京签署了中吉乌铁路建设项目政府间协定。', '2025-06-20');
    expect(f.map((x) => [x.type, x.args.project ?? x.args.parties, x.args.stage])).toEqual([
      ['agreement', ['country:CN', 'country:KG', 'country:UZ'], undefined],
      ['project_milestone', 'project:china-kyrgyzstan-uzbekistan-railway', 'agreed'],
    ]);
  });
});

describe('fifth blind round: customs notes, statements and packages', () => {
  it("reads a customs note's figures by partner as China's, and its national total as no pair", () => {
    const f = read(
      '标题\n据海关总署统计,前8个月,我国进出口28.6万亿元。日本为我第五大贸易伙伴,我与日本贸易总值为1.5万亿元,增长2%。其中,对泰国进出口6512.3亿元,增长5.1%;对印度尼西亚进出口5301亿元,增长3%。',
      '2024-09-10',
    );
    expect(f.map((x) => [...(x.args.parties as string[]), (x.args.amount as { value: number }).value])).toEqual([
      ['country:CN', 'country:JP', 1_500_000_000_000],
      ['country:CN', 'country:TH', 651_230_000_000],
      ['country:CN', 'country:ID', 530_100_000_000],
    ]);
  });
  it('reads a statement signed with a package of documents as two facts, and 投入商业运营 as launched', () => {
    const a = read(
      '标题\n会谈后,两国元首共同签署《中华人民共和国和老挝人民民主共和国联合声明》,并见证签署经贸、农业等领域12份合作文件。',
      '2024-05-08',
    );
    expect(a.map((x) => [x.args.title ?? null, x.args.count ?? null])).toEqual([
      ['中华人民共和国和老挝人民民主共和国联合声明', null],
      [null, 12],
    ]);
    const [m] = read('标题\n2023年5月,中老铁路沿线的南俄水电站全面投入商业运营。', '2024-05-08');
    expect(m.args.stage).toBe('launched');
  });
});

describe('a milestone told in a relative clause', () => {
  it('reads "2017年5月31日通车的蒙内铁路" as the railway launched that day', () => {
    const [m] = read('标题\n在非洲,2017年5月31日通车的蒙内铁路已安全运营7年多。', '2025-01-06');
    expect(m.args).toMatchObject({ project: 'project:mombasa-nairobi-railway', stage: 'launched' });
    expect(m.when).toEqual({ value: '2017-05-31', precision: 'day' });
  });
});

describe('sixth blind round: ceremonies, several summits and meetings in a sentence, earlier trips', () => {
  it('reads talks after a welcome ceremony, which hedges nothing', () => {
    const f = read('标题\n当天上午，哈萨克斯坦总统托卡耶夫在阿斯塔纳为习近平举行隆重欢迎仪式，随后两国元首举行会谈。', '2024-07-03');
    expect(f.find((x) => x.type === 'meeting')?.args.participants).toEqual(['person:kassym-jomart-tokayev', 'person:xi-jinping']);
  });
  it('reads one meeting per clause, each with its counterpart, the crown prince found by his title', () => {
    const f = read('标题\n在沙期间，习近平主席将同萨勒曼国王举行会谈，同沙特王储兼首相穆罕默德举行会谈。', '2022-12-07').filter(
      (x) => x.type === 'meeting',
    );
    expect(f.map((x) => (x.args.participants as string[])[1])).toEqual([
      'person:salman-bin-abdulaziz-al-saud',
      'person:mohammed-bin-salman',
    ]);
  });
  it('keeps a state visit of another year apart from this one', () => {
    const f = read(
      '标题\n国家主席习近平将于12月7日至10日对沙特进行国事访问。2016年1月，习近平主席对沙特进行国事访问，两国宣布建立全面战略伙伴关系。',
      '2022-12-07',
    ).filter((x) => x.type === 'visit');
    expect(f.map((x) => x.when?.value.slice(0, 4))).toEqual(['2022', '2016']);
  });
  it('reads every summit a sentence names as attended', () => {
    const f = read('标题\n12月9日，习近平主席将在阿斯塔纳出席第二届中国—中亚峰会和上海合作组织峰会。', '2022-12-07').filter(
      (x) => x.type === 'summit',
    );
    expect(f).toHaveLength(2);
  });
});

describe('sixth blind round: bare titles, Pacific capitals and forums', () => {
  it('reads a communiqué named bare after its verb, and a forum’s leaders’ meeting in a Pacific capital', () => {
    const f = read(
      '标题\n2019年9月21日，中国同所罗门群岛签署建交联合公报。展望未来，第54届太平洋岛国论坛领导人会议将于今年9月在所罗门群岛首都霍尼亚拉举行。',
      '2025-06-03',
    );
    expect(f.find((x) => x.type === 'agreement')?.args.title).toBe('建交联合公报');
    expect(f.find((x) => x.type === 'summit')?.args).toMatchObject({ place: 'place:honiara', ordinal: 54, organization: 'org:pif' });
  });
});

describe('sixth blind round: a stake bought, a company contract of another year', () => {
  it('reads a stake bought as an investment and the companies’ contract as one of the two countries', () => {
    const f = read(
      '标题\n中国和秘鲁签署多项合作文件，中秘两国关系不断发展。2019年1月，中远海运港口有限公司与秘鲁沃尔坎矿业公司签署协议，以2.25亿美元收购钱凯港项目60%的股权。',
      '2024-11-15',
    );
    expect(f.find((x) => x.type === 'investment')?.args).toMatchObject({
      recipient: 'country:PE',
      amount: { value: 225e6, currency: 'USD' },
    });
    expect(f.filter((x) => x.type === 'agreement').map((x) => x.when?.value.slice(0, 4))).toContain('2019');
  });
  it('keeps a list of fields apart from the title before it', () => {
    const f = read(
      '标题\n两国元首共同见证签署《中华人民共和国政府和秘鲁共和国政府关于升级〈自由贸易协定〉的议定书》以及经贸、农业、科技等领域合作文件。',
      '2024-11-15',
    ).filter((x) => x.type === 'agreement');
    expect(f.map((x) => x.args.domain).filter(Boolean)).toEqual(['经贸、农业、科技']);
  });
});

describe('sixth blind round: earlier state visits told with 期间, and 来华', () => {
  it('reads a state visit of another year told with 期间, and a leader who came to China to attend', () => {
    const f = read(
      '标题\n国家主席习近平对塞尔维亚进行国事访问。双方回顾，2016年6月习近平主席对塞尔维亚进行国事访问期间，两国建立全面战略伙伴关系。双方积极评价武契奇总统2023年10月来华出席高峰论坛期间达成的共识。',
      '2024-05-08',
    ).filter((x) => x.type === 'visit');
    expect(f.map((x) => [x.args.visitor, x.args.host, x.when?.value])).toEqual([
      ['person:xi-jinping', 'country:RS', '2024-05'],
      ['person:xi-jinping', 'country:RS', '2016-06'],
      ['person:aleksandar-vucic', 'country:CN', '2023-10'],
    ]);
  });
});

describe('seventh blind round: abbreviated summits, hosts, 10+1 and ceremonies', () => {
  it('reads 中阿峰会 and 中海峰会 as the China–Arab States and China–GCC summits, but not 中美峰会', () => {
    const f = read('标题\n外长表示，第二届中阿峰会和第二届中海峰会将于明年在中国举行。中美峰会也将于明年举行。', '2025-12-10').filter(
      (x) => x.type === 'summit',
    );
    expect(f.map((x) => [String(x.args.name).replace(/ \([^)]*\)$/, ''), x.args.place, x.args.ordinal, x.args.organization])).toEqual([
      ['China–Arab States summit', 'country:CN', 2, undefined],
      ['China–Gulf Cooperation Council (GCC) summit', 'country:CN', 2, 'org:gcc'],
    ]);
  });
  it('reads the host of a summit named before 主办, and a 10+1 leaders’ meeting', () => {
    const f = read(
      '标题\n双方支持吉尔吉斯斯坦于2026年主办第三届中国—中亚峰会。11月5日，第27次中国—东盟（10+1）领导人会议在老挝万象举行。',
      '2025-06-20',
    ).filter((x) => x.type === 'summit');
    expect(f.map((x) => [x.args.place, x.args.ordinal])).toEqual([
      ['country:KG', 3],
      ['place:vientiane', 27],
    ]);
  });
  it('reads talks with the leaders of each country visited (分别举行会谈)', () => {
    const f = read('标题\n去年12月，国家主席习近平对老挝、泰国进行国事访问，同两国领导人分别举行会谈。', '2025-03-01').filter(
      (x) => x.type === 'meeting',
    );
    expect(f.map((x) => x.args.participants)).toEqual([
      ['person:xi-jinping', 'country:LA'],
      ['person:xi-jinping', 'country:TH'],
    ]);
  });
  it('reads a railway section’s opening ceremony (举行开通仪式) as its launch', () => {
    const f = read('标题\n12月5日，中老铁路万象至万荣段举行开通仪式。', '2025-12-06').filter((x) => x.type === 'project_milestone');
    expect(f[0]?.args).toMatchObject({ project: 'project:china-laos-railway', stage: 'launched' });
  });
});

describe('seventh blind round: imports from a partner, a region’s total', () => {
  it('reads 自巴西进口 as China’s imports from Brazil, and no pair in 与拉美地区贸易额', () => {
    const f = read(
      '标题\n前4个月，我国对墨西哥出口1637.5亿元。其中，自巴西进口2792.2亿元，下降0.2%。2024年我国与巴西双边贸易额为1880亿美元，与拉美地区贸易额首次突破5000亿美元。',
      '2025-05-10',
    ).filter((x) => x.type === 'trade');
    expect(f.map((x) => [x.args.parties, x.args.metric, (x.args.amount as { value: number }).value])).toEqual([
      [['country:CN', 'country:MX'], 'exports', 163.75e9],
      [['country:CN', 'country:BR'], 'imports', 279.22e9],
      [['country:CN', 'country:BR'], 'trade_turnover', 188e9],
    ]);
  });
});

describe('seventh blind round: a loan signed with a bank', () => {
  it('reads 匈方与中国进出口银行签署贷款协议 as an agreement of Hungary and the bank, whatever else the sentence names', () => {
    const f = read(
      '标题\n匈牙利段由中匈企业联合体承建，匈方2020年与中国进出口银行签署了总额约18.55亿欧元的贷款协议。',
      '2025-10-05',
    ).filter((x) => x.type === 'agreement');
    expect(f[0]?.args.parties).toEqual(['country:HU', 'org:china-exim-bank']);
  });
});

describe('eighth blind round: meetings clause by clause', () => {
  const meetings = (text: string, published: string) =>
    read(text, published)
      .filter((x) => x.type === 'meeting')
      .map((x) => x.args.participants);
  it('gives each host of a visit its own meeting with the visitor, "他" included', () => {
    expect(
      meetings(
        '标题\n应国务院总理李强邀请，越南政府总理范明政将于5月12日至15日对中国进行正式访问。访问期间，习近平主席将会见范明政总理，李强总理将同他举行会谈，赵乐际委员长将同他会见。',
        '2025-05-08',
      ),
    ).toEqual([
      ['person:xi-jinping', 'person:pham-minh-chinh'],
      ['person:li-qiang', 'person:pham-minh-chinh'],
      ['person:zhao-leji', 'person:pham-minh-chinh'],
    ]);
  });
  it('reads a title standing for the visitor, and 会见 of two people as two meetings', () => {
    expect(
      meetings(
        '标题\n应国家主席习近平邀请，哈萨克斯坦总统托卡耶夫将于9月2日对中国进行国事访问。在北京，总统将同习近平主席举行会谈，并会见李强总理和赵乐际委员长。',
        '2025-08-30',
      ),
    ).toEqual([
      ['person:kassym-jomart-tokayev', 'person:xi-jinping'],
      ['person:kassym-jomart-tokayev', 'person:li-qiang'],
      ['person:kassym-jomart-tokayev', 'person:zhao-leji'],
    ]);
  });
  it('reads 分别同A和B举行会谈 as a meeting with each', () => {
    expect(meetings('标题\n8月8日，在三方会晤前，普京分别同阿利耶夫和帕希尼扬举行了双边会谈。', '2025-08-09')).toEqual([
      ['person:vladimir-putin', 'person:ilham-aliyev'],
      ['person:vladimir-putin', 'person:nikol-pashinyan'],
    ]);
  });
  it('reads 两国总理举行会谈 after a visit as the visitor and the host’s prime minister', () => {
    const m = meetings(
      '标题\n去年11月，莫迪总理对日本进行正式访问，日本首相石破茂在东京机场迎接。访问期间，两国总理举行会谈。',
      '2025-03-01',
    );
    expect(m).toContainEqual(['person:narendra-modi', 'person:shigeru-ishiba']);
  });
});

describe('eighth blind round: names and partners', () => {
  it('does not read the start of a longer transliterated name as someone in the register', () => {
    expect(ids('新西兰总理克里斯托弗·拉克森将访华。')).toContain('person:christopher-luxon');
    expect(ids('新西兰总理克里斯托弗·拉克森将访华。')).not.toContain('person:john-kerry');
  });
  it('reads a one-character country reporting its own trade, and figures given respectively', () => {
    const f = read(
      '标题\n据哈萨克斯坦统计局数据，今年前9个月，哈对华出口120亿美元，自华进口95亿美元。乌兹别克斯坦、吉尔吉斯斯坦分列第二、三位，哈萨克斯坦与两国的贸易额分别为31亿美元和19亿美元。',
      '2025-10-20',
    ).filter((x) => x.type === 'trade');
    expect(f.map((x) => [x.args.parties, x.args.metric, (x.args.amount as { value: number }).value])).toEqual([
      [['country:KZ', 'country:CN'], 'exports', 12e9],
      [['country:KZ', 'country:CN'], 'imports', 9.5e9],
      [['country:KZ', 'country:UZ'], 'trade_turnover', 3.1e9],
      [['country:KZ', 'country:KG'], 'trade_turnover', 1.9e9],
    ]);
  });
});

describe('eighth blind round: visits and milestones', () => {
  it('reads A和B均抵达 as a visit of each, 前往 with a purpose as a trip, and 这是...首次访华 as the same visit', () => {
    const v = read(
      '标题\n普京和卢卡申科均于5日抵达阿斯塔纳，对哈萨克斯坦进行工作访问。这是普京总统今年首次访问哈萨克斯坦。莫迪总理将于20日前往日本首都东京，出席两国年度峰会。',
      '2025-06-06',
    ).filter((x) => x.type === 'visit');
    expect(v.map((x) => [x.args.visitor, x.args.host]).sort()).toEqual([
      ['person:alexander-lukashenko', 'country:KZ'],
      ['person:narendra-modi', 'country:JP'],
      ['person:vladimir-putin', 'country:KZ'],
    ]);
  });
  it('reads 为...揭幕 and 落成 as completions, and a project named as the subject of an earlier clause', () => {
    const f = read(
      '标题\n访问期间，两国总理共同为瓜达尔新国际机场揭幕。由中国企业投资建设的苏基克纳里水电站装机容量88万千瓦，已于2024年3月全面投入商业运营。',
      '2025-02-03',
    ).filter((x) => x.type === 'project_milestone');
    expect(f.map((x) => [x.args.project, x.args.stage])).toEqual([
      ['project:gwadar-new-international-airport', 'completed'],
      ['project:sujikenali-hydropower-station', 'launched'],
    ]);
  });
});

describe('ninth blind round: an interview’s 我国', () => {
  it('reads 我国 in a foreign leader’s answers as their country, and their 我 as the traveller', () => {
    const f = read(
      '专访\n记者：您如何评价两国合作？\n扎帕罗夫：去年中国企业在我国新增直接投资5.6亿美元。2023年5月，我赴西安出席首届中国—中亚峰会，同时对中国进行了国事访问。',
      '2025-02-03',
    );
    expect(f.find((x) => x.type === 'investment')?.args).toMatchObject({ recipient: 'country:KG', investor: 'country:CN' });
    expect(f.find((x) => x.type === 'visit')?.args).toMatchObject({ visitor: 'person:sadyr-japarov', host: 'country:CN' });
  });
});

describe('ninth blind round: a summit’s declaration, its next meeting, an informal summit', () => {
  it('reads 会议通过了《宣言》 as the organisation’s, 下一届峰会 as the next of that summit, and 非正式峰会', () => {
    const f = read(
      '标题\n7月4日，上海合作组织成员国元首理事会第二十四次会议在阿斯塔纳举行。会议通过了《阿斯塔纳宣言》。成员国领导人商定，下一届峰会将于2025年在中国举行。\n各国领导人商定，12月将在圣彼得堡举行独联体非正式峰会。',
      '2024-07-06',
    );
    expect(f.find((x) => x.type === 'agreement')?.args).toMatchObject({ parties: ['org:sco'], title: '阿斯塔纳宣言' });
    const s = f.filter((x) => x.type === 'summit').map((x) => [x.args.organization, x.args.place, x.status]);
    expect(s).toEqual([
      ['org:sco', 'place:astana', undefined],
      ['org:sco', 'country:CN', 'planned'],
      ['org:cis', 'place:saint-petersburg', 'planned'],
    ]);
  });
});

describe('ninth blind round: investment deals signed at a forum', () => {
  it('reads 签署了总额约54亿美元的投资协议 as investment in the visiting country', () => {
    const f = read(
      '标题\n乌兹别克斯坦总统米尔济约耶夫对中国进行国事访问。23日在北京举行的乌中商务论坛上，两国企业签署了总额约54亿美元的投资协议。',
      '2024-01-24',
    ).filter((x) => x.type === 'investment');
    expect(f[0]?.args).toMatchObject({ recipient: 'country:UZ', amount: { value: 5.4e9, currency: 'USD' } });
  });
});
