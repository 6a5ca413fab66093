import type { CaseInput } from '@courtrisk/core';

/**
 * Synthetic demo cases, written for the demo (no real case text): ordinary disputes plus a few
 * with planted risks in each domain, so a new installation shows warnings to triage.
 */
const PLAIN_FACTS = [
  (n: number) => `原告与被告签订买卖合同，约定被告购买钢材一批，货款${n}万元。原告依约交货后，被告仅支付部分货款，余款经催要未付。`,
  (n: number) => `原告与被告系邻居，因被告装修房屋导致原告家中墙面渗水，原告要求被告赔偿维修费用${n}千元，协商未果。`,
  (n: number) => `原告于今年租用被告商铺一间，租期三年。被告提前收回商铺，原告要求返还押金${n}千元并赔偿装修损失。`,
  (n: number) => `原、被告婚后育有一子，因性格不合长期分居，原告请求离婚并分割共同财产，财产价值约${n}万元。`,
];

const PLANTED: { causes: string[]; facts: string; claims: string; parties: CaseInput['parties']; amount: string; caseType?: CaseInput['caseType']; typeCode: string }[] = [
  {
    typeCode: '民初',
    causes: ['民间借贷纠纷'],
    facts:
      '被告某某财富管理有限公司自2022年起通过召开推介会、发放宣传单等方式向社会公众宣传其理财产品，承诺年化收益18%、按月返利、到期还本付息，' +
      '向不特定对象吸收资金共计八千余万元。后被告资金链断裂，无法兑付，原告等投资人多次到公司讨要未果。',
    claims: '判令被告返还原告投资款50万元及利息。',
    parties: [{ role: '原告', name: '演示投资人甲' }, { role: '被告', name: '某某财富管理有限公司' }],
    amount: '500000',
  },
  {
    typeCode: '民初',
    causes: ['劳动争议'],
    facts:
      '原告等三十六名农民工受雇于被告承建的住宅项目，被告拖欠工资共计一百二十万元。原告多次讨薪未果，部分工人扬言要到市政府集体上访，' +
      '并称若再不支付工资就从楼顶跳下去。',
    claims: '判令被告支付拖欠的劳动报酬。',
    parties: [...Array.from({ length: 12 }, (_, i) => ({ role: '原告' as const, name: `演示务工人员${i + 1}` })), { role: '被告', name: '某某建筑劳务有限公司' }],
    amount: '1200000',
  },
  {
    typeCode: '刑初',
    caseType: 'criminal',
    causes: ['帮助信息网络犯罪活动'],
    facts:
      '被告人明知他人利用信息网络实施诈骗犯罪，仍将本人办理的银行卡及手机卡出租给他人使用，为电信网络诈骗提供支付结算帮助，' +
      '经查该卡内流入被害人被骗资金共计六十余万元。',
    claims: '',
    parties: [{ role: '被告人', name: '演示被告人乙' }],
    amount: '600000',
  },
  {
    typeCode: '民初',
    causes: ['商品房预售合同纠纷'],
    facts:
      '原告与被告某某置业有限公司签订商品房预售合同，约定2023年底交房。被告至今逾期交房，项目停工，同一小区二百余户购房人陆续起诉，' +
      '业主多次聚集在售楼处维权，并在网上发帖引发社会广泛关注。',
    claims: '判令被告交付房屋并支付逾期交房违约金。',
    parties: [{ role: '原告', name: '演示购房人丙' }, { role: '被告', name: '某某置业有限公司' }],
    amount: '2300000',
  },
];

/**
 * 职业放贷人名单 of every demo court (synthetic names). The first is the plaintiff of the third demo
 * case, an ordinary private loan whose text raises nothing: only the list flags it (FIN-PRO-LENDER-01).
 */
export const DEMO_WATCH_LIST = { name: '职业放贷人名单', names: ['演示放贷人甲', '演示放贷人乙'], note: '演示数据（虚构名称）' } as const;

const LISTED_LENDER_CASE = 2;

/** `count` cases for one court: every fifth carries a planted risk, the third a listed lender. */
export function demoCases(courtCode: string, count: number, year: number): CaseInput[] {
  return Array.from({ length: count }, (_, i) => {
    const serial = i + 1;
    const month = String((i % 9) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    const filedOn = `${year}-${month}-${day}`;
    if (i % 5 === 4) {
      const planted = PLANTED[Math.floor(i / 5) % PLANTED.length]!;
      return {
        caseNumber: `(${year})${courtCode}${planted.typeCode}${serial}号`,
        ...(planted.caseType ? { caseType: planted.caseType } : {}),
        causes: planted.causes,
        filedOn,
        judgeName: '承办法官',
        departmentName: planted.caseType === 'criminal' ? '刑事审判庭' : '民事审判第一庭',
        amount: planted.amount,
        facts: planted.facts,
        claims: planted.claims,
        parties: planted.parties,
      };
    }
    if (i === LISTED_LENDER_CASE) {
      return {
        caseNumber: `(${year})${courtCode}民初${serial}号`,
        causes: ['民间借贷纠纷'],
        filedOn,
        judgeName: '承办法官',
        departmentName: '民事审判第一庭',
        amount: '80000',
        facts: '原告与被告签订借款合同，约定原告出借人民币八万元，借期六个月。借款到期后，被告未按约归还借款，经原告多次催要未果。',
        claims: '判令被告归还借款八万元及逾期利息。',
        parties: [{ role: '原告', name: DEMO_WATCH_LIST.names[0] }, { role: '被告', name: `演示借款人${serial}` }],
      };
    }
    const facts = PLAIN_FACTS[i % PLAIN_FACTS.length]!(3 + (i % 17));
    return {
      caseNumber: `(${year})${courtCode}民初${serial}号`,
      causes: [['买卖合同纠纷', '相邻关系纠纷', '房屋租赁合同纠纷', '离婚纠纷'][i % 4]!],
      filedOn,
      judgeName: '承办法官',
      departmentName: '民事审判第一庭',
      amount: String((3 + (i % 17)) * 1000),
      facts,
      claims: '判令被告承担相应责任。',
      parties: [{ role: '原告', name: `演示原告${serial}` }, { role: '被告', name: `演示被告${serial}` }],
    };
  });
}
