// The Chinese reader's dictionary: countries, places, organisations, projects and titles, with the
// same ids as the English gazetteer (`country:KZ`, `place:xian`, `org:sco`). Every phrase is folded
// to simplified characters, and looked up by longest match from its first character.
import { PEOPLE } from '../people.js';
import { COUNTRIES_ZH } from './countries.data.js';
import { fold } from './fold.js';

export type LexKind = 'country' | 'place' | 'org' | 'project' | 'person' | 'region';

export interface LexEntry {
  phrase: string;
  kind: LexKind;
  id: string;
  /** Country a place belongs to (`country:CN`). */
  country?: string;
  /** Capitals and seats of government can stand for their country. */
  capital?: boolean;
  /** English display name (places, organisations, projects, summits). */
  en?: string;
}

/** One-character country abbreviations of compounds (中美, 中吉乌) and of "X方" (哈方). */
export const ABBREV: ReadonlyMap<string, string> = new Map(
  (
    '中CN 美US 俄RU 哈KZ 吉KG 乌UZ 塔TJ 土TM 日JP 韩KR 朝KP 印IN 巴PK 蒙MN 越VN 老LA 柬KH 泰TH 缅MM 英GB 法FR ' +
    '德DE 意IT 西ES 葡PT 澳AU 加CA 新SG 菲PH 伊IR 沙SA 埃EG 匈HU 塞RS 希GR 波PL 白BY 秘PE 智CL 墨MX 格GE 肯KE 赞ZM'
  )
    .split(' ')
    .map((p) => [p[0], 'country:' + p.slice(1)] as [string, string])
    .filter(([k], i, a) => a.findIndex(([x]) => x === k) === i),
);

/** Other readings of an abbreviation, chosen when the document names that country in full (乌 = Ukraine). */
export const ABBREV_ALT: ReadonlyMap<string, string[]> = new Map([
  ['乌', ['country:UA']],
  ['土', ['country:TR']],
  ['巴', ['country:BR', 'country:PA']],
  ['阿', ['country:AR', 'country:DZ']],
  ['新', ['country:NZ']],
]);

/** Country names beyond the generated list: official names, short forms, "X方" sides. */
const COUNTRY_EXTRA = `CN|中华人民共和国|中方|我国|新中国|中南海;US|美利坚合众国|美方|白宫;RU|俄罗斯联邦|俄方|俄国|克里姆林宫;KZ|哈萨克斯坦共和国|哈方;
KG|吉尔吉斯共和国|吉尔吉斯|吉方;UZ|乌兹别克斯坦共和国|乌兹别克|乌方;TJ|塔吉克斯坦共和国|塔吉克|塔方;TM|土库曼斯坦;
JP|日方;KR|韩方|大韩民国;KP|朝方|朝鲜民主主义人民共和国;IN|印方;PK|巴方|巴基斯坦伊斯兰共和国;MN|蒙古国|蒙方;VN|越方;
LA|老方;KH|柬方;TH|泰方;MM|缅方;GB|英方|大不列颠及北爱尔兰联合王国;FR|法方|法兰西共和国;DE|德方|德意志联邦共和国;
IT|意方;ES|西班牙王国;PT|葡方;AU|澳方;CA|加方;SG|新方;PH|菲方;IR|伊方|伊朗伊斯兰共和国;SA|沙特|沙方;EG|埃方;AE|阿联酋;
HU|匈方;RS|塞方;BY|白俄罗斯;ID|印度尼西亚|印尼;AZ|阿塞拜疆;BR|巴方;CF|中非共和国;CD|刚果民主共和国;CG|刚果共和国;
NZ|紐西蘭;AU|澳洲;IT|義大利;SA|沙烏地阿拉伯|沙烏地;KZ|哈薩克;KG|吉爾吉斯;UZ|烏茲別克;TJ|塔吉克;TM|土庫曼;LA|寮國;
AE|阿聯;KE|肯亞;NG|奈及利亞;ET|衣索比亞;TZ|坦尚尼亞;HR|克羅埃西亞;YE|葉門;QA|卡達;BD|孟加拉;KP|北韓;KR|南韓;GE|喬治亞;
AZ|亞塞拜然;CY|賽普勒斯;SG|星國;VE|委內瑞拉;CO|哥倫比亞;GT|瓜地馬拉;HN|宏都拉斯;PY|巴拉圭;HT|海地;SN|塞內加爾;ZM|尚比亞;
ZW|辛巴威;MZ|莫三比克;RW|盧安達;GH|迦納;CM|喀麥隆;SO|索馬利亞;LY|利比亞;MV|馬爾地夫;BN|汶萊;TL|東帝汶`;

/** Capitals and seats of government: "中文|English|CC". */
const CAPITALS = `北京|Beijing|CN;霍尼亚拉|Honiara|SB;苏瓦|Suva|FJ;阿皮亚|Apia|WS;努库阿洛法|Nuku'alofa|TO;莫尔兹比港|Port Moresby|PG;
维拉港|Port Vila|VU;塔拉瓦|Tarawa|KI;马朱罗|Majuro|MH;帕利基尔|Palikir|FM;阿瓦鲁阿|Avarua|CK;富纳富提|Funafuti|TV;华盛顿|Washington|US;莫斯科|Moscow|RU;阿斯塔纳|Astana|KZ;努尔苏丹|Nur-Sultan|KZ;
比什凯克|Bishkek|KG;塔什干|Tashkent|UZ;杜尚别|Dushanbe|TJ;阿什哈巴德|Ashgabat|TM;东京|Tokyo|JP;首尔|Seoul|KR;
平壤|Pyongyang|KP;新德里|New Delhi|IN;伊斯兰堡|Islamabad|PK;乌兰巴托|Ulaanbaatar|MN;河内|Hanoi|VN;万象|Vientiane|LA;
金边|Phnom Penh|KH;曼谷|Bangkok|TH;内比都|Naypyidaw|MM;伦敦|London|GB;巴黎|Paris|FR;柏林|Berlin|DE;罗马|Rome|IT;
马德里|Madrid|ES;里斯本|Lisbon|PT;堪培拉|Canberra|AU;渥太华|Ottawa|CA;马尼拉|Manila|PH;德黑兰|Tehran|IR;利雅得|Riyadh|SA;
开罗|Cairo|EG;阿布扎比|Abu Dhabi|AE;布达佩斯|Budapest|HU;贝尔格莱德|Belgrade|RS;雅典|Athens|GR;华沙|Warsaw|PL;
明斯克|Minsk|BY;基辅|Kyiv|UA;安卡拉|Ankara|TR;巴库|Baku|AZ;第比利斯|Tbilisi|GE;埃里温|Yerevan|AM;雅加达|Jakarta|ID;
吉隆坡|Kuala Lumpur|MY;布鲁塞尔|Brussels|BE;维也纳|Vienna|AT;伯尔尼|Bern|CH;巴西利亚|Brasilia|BR;布宜诺斯艾利斯|Buenos Aires|AR;
利马|Lima|PE;圣地亚哥|Santiago|CL;墨西哥城|Mexico City|MX;哈瓦那|Havana|CU;加拉加斯|Caracas|VE;比勒陀利亚|Pretoria|ZA;
内罗毕|Nairobi|KE;亚的斯亚贝巴|Addis Ababa|ET;阿布贾|Abuja|NG;达喀尔|Dakar|SN;阿尔及尔|Algiers|DZ;拉巴特|Rabat|MA;
多哈|Doha|QA;科威特城|Kuwait City|KW;马斯喀特|Muscat|OM;巴格达|Baghdad|IQ;大马士革|Damascus|SY;安曼|Amman|JO;
贝鲁特|Beirut|LB;喀布尔|Kabul|AF;加德满都|Kathmandu|NP;科伦坡|Colombo|LK;达卡|Dhaka|BD;惠灵顿|Wellington|NZ;
斯德哥尔摩|Stockholm|SE;奥斯陆|Oslo|NO;赫尔辛基|Helsinki|FI;哥本哈根|Copenhagen|DK;布拉格|Prague|CZ;索非亚|Sofia|BG;
布加勒斯特|Bucharest|RO;都柏林|Dublin|IE;阿姆斯特丹|Amsterdam|NL`;

/** Other cities and regions (never a government): "中文|English|CC" (CC empty for regions across borders). */
const CITIES = `上海|Shanghai|CN;天津|Tianjin|CN;西安|Xi'an|CN;广州|Guangzhou|CN;深圳|Shenzhen|CN;重庆|Chongqing|CN;
成都|Chengdu|CN;武汉|Wuhan|CN;杭州|Hangzhou|CN;南京|Nanjing|CN;青岛|Qingdao|CN;大连|Dalian|CN;厦门|Xiamen|CN;
乌鲁木齐|Urumqi|CN;喀什|Kashgar|CN;霍尔果斯|Khorgos|CN;连云港|Lianyungang|CN;昆明|Kunming|CN;哈尔滨|Harbin|CN;
香港|Hong Kong|CN;澳门|Macau|CN;博鳌|Boao|CN;阿拉木图|Almaty|KZ;奥什|Osh|KG;撒马尔罕|Samarkand|UZ;布哈拉|Bukhara|UZ;
索契|Sochi|RU;圣彼得堡|Saint Petersburg|RU;喀山|Kazan|RU;符拉迪沃斯托克|Vladivostok|RU;海参崴|Vladivostok|RU;
纽约|New York|US;旧金山|San Francisco|US;洛杉矶|Los Angeles|US;日内瓦|Geneva|CH;达沃斯|Davos|CH;伊斯坦布尔|Istanbul|TR;
迪拜|Dubai|AE;孟买|Mumbai|IN;卡拉奇|Karachi|PK;瓜达尔|Gwadar|PK;蒙巴萨|Mombasa|KE;约翰内斯堡|Johannesburg|ZA;
圣保罗|Sao Paulo|BR;里约热内卢|Rio de Janeiro|BR;钱凯|Chancay|PE;比雷埃夫斯|Piraeus|GR;汉堡|Hamburg|DE;杜伊斯堡|Duisburg|DE`;

const REGIONS = `中亚|Central Asia|;东亚|East Asia|;东北亚|Northeast Asia|;亚太|Asia-Pacific|;中美洲|Central America|;南美|South America|;北美|North America|;东欧|Eastern Europe|;西亚|West Asia|;北非|North Africa|;阿拉伯国家|Arab States|;太平洋岛国|Pacific Island Countries|;中东欧|Central and Eastern Europe|;克里米亚|Crimea|UA;东南亚|Southeast Asia|;南亚|South Asia|;中东|Middle East|;非洲|Africa|;欧洲|Europe|;亚洲|Asia|;
拉美|Latin America|;拉丁美洲|Latin America|;欧亚|Eurasia|;里海|Caspian Sea|;新疆|Xinjiang|CN;西藏|Tibet|CN;广东|Guangdong|CN;
云南|Yunnan|CN;福建|Fujian|CN;海南|Hainan|CN;内蒙古|Inner Mongolia|CN`;

/** Organisations, companies and funds: "slug|English name|中文|中文...". */
const ORGS = `sco|Shanghai Cooperation Organization|上海合作组织|上合组织|上合
brics|BRICS|金砖国家|金砖
un|United Nations|联合国
unsc|UN Security Council|联合国安理会|安理会
unga|UN General Assembly|联合国大会|联大
asean|Association of Southeast Asian Nations|东南亚国家联盟|东盟
eu|European Union|欧洲联盟|欧盟
european-commission|European Commission|欧盟委员会|欧委会
cis|Commonwealth of Independent States|独立国家联合体|独联体
csto|Collective Security Treaty Organization|集体安全条约组织|集安组织
eaeu|Eurasian Economic Union|欧亚经济联盟
nato|North Atlantic Treaty Organization|北大西洋公约组织|北约
wto|World Trade Organization|世界贸易组织|世贸组织
imf|International Monetary Fund|国际货币基金组织
world-bank|World Bank|世界银行|世行
aiib|Asian Infrastructure Investment Bank|亚洲基础设施投资银行|亚投行
adb|Asian Development Bank|亚洲开发银行
ndb|New Development Bank|新开发银行
silk-road-fund|Silk Road Fund|丝路基金
cdb|China Development Bank|国家开发银行|国开行
china-exim-bank|Export-Import Bank of China|中国进出口银行
g20|G20|二十国集团
g7|G7|七国集团
apec|Asia-Pacific Economic Cooperation|亚太经合组织|亚太经济合作组织
pif|Pacific Islands Forum|太平洋岛国论坛
au|African Union|非洲联盟|非盟
arab-league|Arab League|阿拉伯国家联盟|阿盟
gcc|Gulf Cooperation Council|海湾阿拉伯国家合作委员会|海合会
opec|Organization of the Petroleum Exporting Countries|石油输出国组织|欧佩克
who|World Health Organization|世界卫生组织|世卫组织
iaea|International Atomic Energy Agency|国际原子能机构
cpc|Communist Party of China|中国共产党|中共
npc|National People's Congress|全国人民代表大会|全国人大
celac|Community of Latin American and Caribbean States|拉美和加勒比国家共同体|拉共体
ots|Organization of Turkic States|突厥国家组织
cica|Conference on Interaction and Confidence-Building Measures in Asia|亚洲相互协作与信任措施会议|亚信
focac|Forum on China-Africa Cooperation|中非合作论坛
china-arab-states-cooperation-forum|China-Arab States Cooperation Forum|中阿合作论坛
china-celac-forum|China-CELAC Forum|中拉论坛
boao-forum-for-asia|Boao Forum for Asia|博鳌亚洲论坛
ge|General Electric|通用电气公司|通用电气
boeing|Boeing|波音公司|波音
airbus|Airbus|空中客车公司|空客
huawei|Huawei|华为公司|华为
zte|ZTE|中兴通讯|中兴
byd|BYD|比亚迪
catl|CATL|宁德时代
cnpc|China National Petroleum Corporation|中国石油天然气集团|中石油
sinopec|Sinopec|中国石化|中石化
cnooc|CNOOC|中国海油|中海油
state-grid|State Grid|国家电网
crec|China Railway Group|中国中铁
crcc|China Railway Construction Corporation|中国铁建
cccc|China Communications Construction Company|中国交建
cosco|COSCO|中远海运
powerchina|PowerChina|中国电建
gazprom|Gazprom|俄罗斯天然气工业股份公司|俄气
rosneft|Rosneft|俄罗斯石油公司
rosatom|Rosatom|俄罗斯国家原子能公司
kazmunaygas|KazMunayGas|哈萨克斯坦国家石油天然气公司
tesla|Tesla|特斯拉
apple|Apple|苹果公司`;

/** Named projects and initiatives: "slug|English name|中文|中文...". */
const PROJECTS = `belt-and-road-initiative|Belt and Road Initiative|一带一路|丝绸之路经济带
cpec|China-Pakistan Economic Corridor|中巴经济走廊
middle-corridor|Middle Corridor|跨里海国际运输走廊
china-europe-railway-express|China-Europe Railway Express|中欧班列
jakarta-bandung-high-speed-railway|Jakarta-Bandung High-Speed Railway|雅万高铁
budapest-belgrade-railway|Budapest-Belgrade Railway|匈塞铁路
mombasa-nairobi-railway|Mombasa-Nairobi Railway|蒙内铁路`;

let byFirst: ReadonlyMap<string, readonly LexEntry[]> | undefined;
/** Lexicon entries by their first character, longest first; built on first use, since only Chinese text needs them. */
export function lexByFirst(): ReadonlyMap<string, readonly LexEntry[]> {
  byFirst ??= build();
  return byFirst;
}

function rows(s: string): string[][] {
  return s
    .split(/;\s*|\n/)
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => r.split('|'));
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function build(): Map<string, LexEntry[]> {
  const all: LexEntry[] = [];
  for (const [code, ...names] of rows(COUNTRIES_ZH + '\n' + COUNTRY_EXTRA)) {
    for (const n of names) all.push({ phrase: n, kind: 'country', id: 'country:' + code });
  }
  for (const [zh, en, cc] of rows(CAPITALS))
    all.push({ phrase: zh, kind: 'place', id: 'place:' + slug(en), country: 'country:' + cc, capital: true, en });
  for (const [zh, en, cc] of rows(CITIES)) all.push({ phrase: zh, kind: 'place', id: 'place:' + slug(en), country: 'country:' + cc, en });
  for (const [zh, en, cc] of rows(REGIONS)) {
    all.push({ phrase: zh, kind: 'region', id: 'place:' + slug(en), country: cc ? 'country:' + cc : undefined, en });
  }
  for (const [id, en, ...zh] of rows(ORGS)) for (const n of zh) all.push({ phrase: n, kind: 'org', id: 'org:' + id, en });
  for (const [id, en, ...zh] of rows(PROJECTS)) for (const n of zh) all.push({ phrase: n, kind: 'project', id: 'project:' + id, en });
  // Foreign names are usually written by their family name alone (唐纳德·特朗普 -> 特朗普), but not a part that
  // ends several people's names (穆罕默德 of 马哈蒂尔·穆罕默德 and of 穆萨·法基·穆罕默德).
  const lastOf = new Map<string, Set<string>>();
  for (const p of PEOPLE)
    for (const n of p.zh) {
      const parts = n.split(/[·・•]/);
      if (parts.length < 2) continue;
      const last = parts[parts.length - 1];
      if (!lastOf.has(last)) lastOf.set(last, new Set());
      lastOf.get(last)!.add(p.id);
    }
  for (const p of PEOPLE) {
    for (const n of p.zh) {
      all.push({ phrase: n, kind: 'person', id: p.id, en: p.name });
      const parts = n.split(/[·・•]/);
      const last = parts[parts.length - 1];
      if (parts.length > 1 && last.length >= 2 && lastOf.get(last)!.size === 1)
        all.push({ phrase: last, kind: 'person', id: p.id, en: p.name });
    }
  }
  const map = new Map<string, LexEntry[]>();
  const seen = new Set<string>();
  for (const e of all) {
    e.phrase = fold(e.phrase);
    if (seen.has(e.phrase)) continue;
    seen.add(e.phrase);
    const l = map.get(e.phrase[0]) ?? [];
    l.push(e);
    map.set(e.phrase[0], l);
  }
  for (const l of map.values()) l.sort((a, b) => b.phrase.length - a.phrase.length);
  return map;
}

/** English names of country ids for summit names and project slugs. */
export const COUNTRY_EN: ReadonlyMap<string, string> = new Map(
  (
    'CN China;US United States;RU Russia;KZ Kazakhstan;KG Kyrgyzstan;UZ Uzbekistan;TJ Tajikistan;TM Turkmenistan;' +
    'JP Japan;KR South Korea;KP North Korea;IN India;PK Pakistan;MN Mongolia;VN Vietnam;LA Laos;KH Cambodia;TH Thailand;' +
    'MM Myanmar;GB Britain;FR France;DE Germany;IT Italy;ES Spain;PT Portugal;AU Australia;CA Canada;SG Singapore;' +
    'PH Philippines;IR Iran;SA Saudi Arabia;EG Egypt;AE UAE;HU Hungary;RS Serbia;GR Greece;PL Poland;BY Belarus;AR Argentina;' +
    'PE Peru;CL Chile;MX Mexico;UA Ukraine;TR Turkey;BR Brazil;NZ New Zealand;ID Indonesia;MY Malaysia;ZA South Africa;KE Kenya;' +
    'NG Nigeria;ET Ethiopia;AZ Azerbaijan;GE Georgia;AM Armenia;AF Afghanistan'
  )
    .split(';')
    .map((p) => ['country:' + p.slice(0, 2), p.slice(3)] as [string, string]),
);

/** Titles: Chinese form -> English title, whether it makes its holder the leader of a country. */
export interface TitleInfo {
  en: string;
  leader?: boolean;
  /** The holder is a source, not an actor (spokespersons, reporters). */
  source?: boolean;
}

const TITLE_LIST = `国家主席|President|L;主席|President|L;总统|President|L;副总统|Vice President;国务院总理|Premier;总理|Prime Minister;
首相|Prime Minister;国务院副总理|Vice Premier;副总理|Deputy Prime Minister;国王|King|L;埃米尔|Emir|L;苏丹|Sultan|L;王储|Crown Prince;
总书记|General Secretary;国务委员|State Councilor;外长|Foreign Minister;外交部长|Foreign Minister;国务卿|Secretary of State;
部长|Minister;副部长|Vice Minister;商务部长|Commerce Minister;商务部部长|Commerce Minister;外交部副部长|Vice Foreign Minister;
商务部副部长|Vice Commerce Minister;贸易代表|Trade Representative;农业部长|Agriculture Minister;财政部长|Finance Minister;
能源部长|Energy Minister;国防部长|Defence Minister;经济部长|Economy Minister;大使|Ambassador;特使|Envoy;秘书长|Secretary-General;
议长|Speaker;委员长|Chairman;总干事|Director-General;主任|Director;董事长|Chairman;总裁|President;总经理|General Manager;
首席执行官|CEO;国务秘书|State Secretary;外秘|Foreign Secretary;外交秘书|Foreign Secretary;市长|Mayor;省长|Governor;州长|Governor;副代表|Deputy Representative;代表|Representative;
发言人|Spokesperson||S;新闻发言人|Spokesperson||S;记者|Reporter||S;特约记者|Reporter||S`;

export const TITLES: ReadonlyMap<string, TitleInfo> = new Map(
  rows(TITLE_LIST).map(
    ([zh, en, l, s]) => [fold(zh), { en, leader: l === 'L' || undefined, source: s === 'S' || undefined }] as [string, TitleInfo],
  ),
);

/** Titles by length, longest first, for matching at a position. */
export const TITLE_KEYS: readonly string[] = [...TITLES.keys()].sort((a, b) => b.length - a.length);

/** Titles by their first character, longest first. */
export const TITLES_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const t of TITLE_KEYS) m.set(t[0], [...(m.get(t[0]) ?? []), t]);
  return m;
})();

/** Full names of each country id (to tell which reading of an abbreviation a text means). */
let countryNamesMap: Map<string, string[]> | undefined;
let listed: Map<string, string> | undefined;
/** The Chinese name an organisation or project is listed under ("org:sco" -> 上海合作组织): its full name, first. */
export function listedName(id: string): string | undefined {
  if (!listed) {
    listed = new Map();
    for (const [slug, , zh] of rows(ORGS)) if (zh) listed.set(`org:${slug}`, zh);
    for (const [slug, , zh] of rows(PROJECTS)) if (zh) listed.set(`project:${slug}`, zh);
  }
  return listed.get(id);
}

export function countryNames(): ReadonlyMap<string, readonly string[]> {
  if (countryNamesMap) return countryNamesMap;
  const m = new Map<string, string[]>();
  for (const list of lexByFirst().values()) {
    for (const e of list)
      if (e.kind === 'country' && e.phrase.length >= 2 && !e.phrase.endsWith('方')) m.set(e.id, [...(m.get(e.id) ?? []), e.phrase]);
  }
  countryNamesMap = m;
  return m;
}

/** Common Chinese family names (compound ones first). */
export const SURNAMES_2 = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯']);
export const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾' +
    '夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤俞常温晏孙辛易柴翟康牛耿管庞艾' +
    '乔甘包左施阎殷裴倪鲁卓屈樊祝安兰洪单葛蓝柳习栗刁骆束凌舒邢聂童岳游滕臧缪蒲邵褚尤毕焦宁车穆霍谷饶纪房解申盛宫连' +
    '闵苗符柏娄鞠钮邬应宗丛冀苑竺迟巩芦晋隋仲匡桂荣闻商庄季佘耿汲卫储伍欧庞阮詹鲍'
  ).split(''),
);
