/**
 * Deterministic synthetic corpus for the screening benchmark: Chinese case facts assembled from
 * phrase pools written for this benchmark (no real case text), driven by a seeded PRNG so every
 * run, on every machine, screens exactly the same cases.
 */
import type { ScreeningInput, ScreeningParty } from '@courtrisk/core';

/** Mulberry32: small, fast, good enough for test data; the same seed gives the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const PLACE_SYLLABLES = '青山河东西南北安平宁远新兴华阳长丰永和清水云龙泉石桥湖林德江海城广春明泰康定乐宝丰庆昌盛隆源';
const PLACE_TYPES = ['市', '县', '区', '镇', '乡', '街道'];
const VENUES = ['农贸市场', '物流园', '工业园区', '小区门口', '停车场', '加油站', '写字楼', '批发市场', '汽车站', '商业街', '村委会', '建筑工地', '服务区', '仓库'];
const ORGANISATION_SUFFIXES = ['商贸有限公司', '建筑工程有限公司', '投资管理有限公司', '物流有限公司', '农业专业合作社', '科技有限公司', '房地产开发有限公司', '信息咨询服务部'];
const GOODS = ['钢材', '水泥', '化肥', '木材', '手机', '电动车', '茶叶', '服装', '药材', '粮食', '建材', '电缆', '家具', '饲料'];

const ACTS = ['收取', '转移', '隐匿', '截留', '挪用', '侵占', '套取', '虚报', '冒领', '伪造', '变造', '骗取', '拖欠', '垫付', '代收', '划转', '冻结', '退还', '结算', '抵扣', '转借', '兑付', '追缴', '返还', '扣押', '查封', '拍卖', '变卖', '催要', '核销'];
const OBJECTS = ['资金', '账款', '票据', '印章', '合同', '货物', '补偿款', '保证金', '工程款', '租金', '押金', '货款', '佣金', '利息', '本金', '税款', '运费', '定金', '分红', '社保费', '公积金', '罚没款', '赔偿金', '安置费', '拆迁款', '承包费', '管理费', '服务费', '手续费', '违约金'];
const ROLES = ['经理', '会计', '出纳', '法定代表人', '实际控制人', '业务员', '仓库管理员', '项目负责人', '股东', '司机', '保安', '销售员'];

/** Places and organisations: synthetic proper nouns, distinct and plentiful. */
function placeName(random: Random): string {
  return pick(random, PLACE_SYLLABLES) + pick(random, PLACE_SYLLABLES) + pick(random, PLACE_TYPES);
}

function organisationName(random: Random): string {
  return pick(random, PLACE_SYLLABLES) + pick(random, PLACE_SYLLABLES) + pick(random, ORGANISATION_SUFFIXES);
}

function personName(random: Random, prefix: string): string {
  return `${prefix}${pick(random, SURNAMES)}某${random() < 0.3 ? pick(random, '甲乙丙丁') : ''}`;
}

function date(random: Random): string {
  return `${integer(random, 2012, 2024)}年${integer(random, 1, 12)}月${integer(random, 1, 28)}日`;
}

function yuan(random: Random): string {
  return `${integer(random, 1, 9999)}${random() < 0.3 ? `.${integer(random, 10, 99)}` : ''}元`;
}

/**
 * Synthetic vocabulary used both as benchmark keywords and inside the texts: act + object pairs
 * ("截留补偿款"), goods, roles and venues — the kind of terms a court's own rules would add.
 */
export function syntheticKeywords(): string[] {
  const terms = new Set<string>();
  for (const act of ACTS) for (const object of OBJECTS) terms.add(act + object);
  for (const object of OBJECTS) for (const role of ROLES) terms.add(object + role);
  for (const goods of GOODS) for (const venue of VENUES) terms.add(goods + venue);
  return [...terms];
}

/** One sentence of neutral narrative, the bulk of every fact. */
function narrativeSentence(random: Random): string {
  const defendant = personName(random, '被告人');
  const victim = personName(random, '被害人');
  const templates: (() => string)[] = [
    () => `${date(random)}${integer(random, 0, 23)}时许，${defendant}在${placeName(random)}${pick(random, VENUES)}附近与${victim}因${pick(random, GOODS)}交易发生争执`,
    () => `${defendant}以${organisationName(random)}名义与${organisationName(random)}签订${pick(random, GOODS)}购销合同，约定货款${yuan(random)}`,
    () => `经${placeName(random)}价格认证中心鉴定，涉案${pick(random, GOODS)}价值人民币${yuan(random)}`,
    () => `${defendant}担任${organisationName(random)}${pick(random, ROLES)}期间，负责${pick(random, ACTS)}${pick(random, OBJECTS)}等事务`,
    () => `${victim}于${date(random)}向公安机关报案，${placeName(random)}公安局于同日立案侦查`,
    () => `${defendant}于${date(random)}被公安机关抓获，到案后如实供述了上述事实`,
    () => `案发后，${defendant}的亲属代为${pick(random, ACTS)}${pick(random, OBJECTS)}${yuan(random)}，并取得${victim}的谅解`,
    () => `上述事实有证人证言、书证、鉴定意见、辨认笔录及${defendant}的供述等证据证实，足以认定`,
    () => `${defendant}驾驶车辆由${placeName(random)}行驶至${placeName(random)}${pick(random, VENUES)}，将${pick(random, GOODS)}交付给${personName(random, '证人')}`,
    () => `${placeName(random)}人民检察院指控，${defendant}多次${pick(random, ACTS)}${pick(random, OBJECTS)}，数额共计人民币${yuan(random)}`,
  ];
  return pick(random, templates)();
}

/** Picks a risk phrase from the rule keywords, so that some rules fire on some cases. */
function riskSentence(random: Random, riskKeywords: readonly string[]): string {
  const defendant = personName(random, '被告人');
  return `${defendant}在${placeName(random)}${pick(random, VENUES)}${pick(random, riskKeywords)}，${pick(random, riskKeywords)}`;
}

export interface CorpusOptions {
  readonly seed: number;
  readonly cases: number;
  /** Inclusive bounds on the length of each fact, in characters (UTF-16 code units). */
  readonly minLength: number;
  readonly maxLength: number;
  /** Keywords of the default rule packs, planted into some sentences. */
  readonly riskKeywords: readonly string[];
  /** Share of sentences that carry a risk phrase. */
  readonly riskSentenceRate: number;
}

/**
 * A fact of a length drawn uniformly from [minLength, maxLength], ending with a full stop. Returned
 * as a flat string, like text parsed from a database row or a JSON body: built by concatenation it
 * would be a rope, which every scanner reads more slowly.
 */
function generateFact(random: Random, options: CorpusOptions): string {
  const target = integer(random, options.minLength, options.maxLength);
  const sentences: string[] = [];
  let length = 0;
  while (length < target) {
    const sentence = `${random() < options.riskSentenceRate ? riskSentence(random, options.riskKeywords) : narrativeSentence(random)}。`;
    sentences.push(sentence);
    length += sentence.length;
  }
  return JSON.parse(JSON.stringify(`${sentences.join('').slice(0, target - 1)}。`)) as string;
}

function parties(random: Random, isMassCase: boolean): ScreeningParty[] {
  const plaintiffs = isMassCase ? integer(random, 10, 40) : integer(random, 1, 3);
  const list: ScreeningParty[] = [];
  for (let i = 0; i < plaintiffs; i++) list.push({ name: personName(random, ''), role: '原告', kind: 'natural', flags: [] });
  list.push({ name: organisationName(random), role: '被告', kind: 'legal', flags: random() < 0.02 ? ['foreign'] : [] });
  return list;
}

const CIVIL_CAUSES = ['民间借贷纠纷', '买卖合同纠纷', '追索劳动报酬纠纷', '商品房预售合同纠纷', '金融借款合同纠纷', '房屋租赁合同纠纷', '机动车交通事故责任纠纷'];

/** `options.cases` screening inputs: 60 % criminal facts, 40 % civil cases with causes, parties and amounts. */
export function generateCases(options: CorpusOptions): ScreeningInput[] {
  const random = createRandom(options.seed);
  const cases: ScreeningInput[] = [];
  for (let i = 0; i < options.cases; i++) {
    const facts = generateFact(random, options);
    if (random() < 0.6) {
      cases.push({ caseType: '刑事', procedure: '普通程序', causes: [], facts, claims: '', parties: [] });
      continue;
    }
    cases.push({
      caseType: '民事',
      procedure: pick(random, ['普通程序', '简易程序', '小额诉讼程序']),
      causes: [pick(random, CIVIL_CAUSES)],
      facts,
      claims: `判令被告支付${yuan(random)}及利息`,
      parties: parties(random, random() < 0.05),
      amount: `${integer(random, 1000, 80_000_000)}.${integer(random, 10, 99)}`,
      filedOn: `${integer(random, 2019, 2025)}-${String(integer(random, 1, 12)).padStart(2, '0')}-${String(integer(random, 1, 28)).padStart(2, '0')}`,
    });
  }
  return cases;
}
