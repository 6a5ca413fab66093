import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRulePacks, listReferencedWatchLists } from './compile.js';
import { parseRulePackFiles } from './parse-rule-pack.js';
import { RISK_DOMAINS } from './rule-schema.js';
import type { ScreeningInput, ScreeningParty } from './screening-input.js';

// The default packs ship as data next to the sources; the test reads them as the server will.
const rulesDir = new URL('../../rules/', import.meta.url);
const files = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(new URL(name, rulesDir), 'utf8') }));
const parsed = parseRulePackFiles(files);
if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
const packs = parsed.packs;
const compiled = compileRulePacks(packs, { watchLists: { 职业放贷人名单: ['职业放贷人甲'] } });
if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
const screener = compiled.screener;

const criminal = (facts: string): ScreeningInput => ({ caseType: '刑事', causes: [], facts, claims: '', parties: [] });
const civil = (overrides: Partial<ScreeningInput>): ScreeningInput => ({ caseType: '民事', causes: [], facts: '', claims: '', parties: [], ...overrides });
const person = (name: string, role: string, flags: string[] = []): ScreeningParty => ({ name, role, kind: 'natural', flags });
const many = (count: number, role: string): ScreeningParty[] => Array.from({ length: count }, (_, index) => person(`${role}${index + 1}`, role));
const firedRules = (input: ScreeningInput) => screener.screen(input).map((finding) => finding.ruleId);

// Hand-written synthetic examples, one or more per rule (never taken from the labelled data).
const examples: [ruleId: string, input: ScreeningInput][] = [
  ['POL-TERRORISM-01', criminal('被告人通过网络群组下载、传播宣扬恐怖主义、极端主义的音视频资料，并组织他人观看。')],
  ['POL-SEPARATISM-01', criminal('被告人多次在境外社交平台发布煽动分裂国家的言论，鼓吹民族分裂。')],
  ['POL-SUBVERSION-01', criminal('被告人组织他人编写宣传材料，煽动颠覆国家政权、推翻社会主义制度。')],
  ['POL-ESPIONAGE-01', criminal('被告人接受境外间谍组织布置的任务，多次拍摄港口军事设施，并向对方非法提供国家秘密。')],
  ['POL-ESPIONAGE-01', criminal('被告人为获取报酬，窃取单位保管的涉密文件并出卖给境外人员。')],
  ['POL-SECRET-01', criminal('被告人违反保密规定，将标注机密级的文件拍照发送给他人，泄露国家秘密。')],
  ['POL-CULT-01', criminal('被告人多次在居民小区散发邪教宣传品，发展组织成员。')],
  ['POL-FOREIGN-01', civil({ causes: ['买卖合同纠纷'], parties: [person('张三', '原告'), person('John Smith', '被告', ['foreign'])] })],
  ['POL-HYPE-01', civil({ claims: '原告称如不支持其诉请，将联系境外媒体借案炒作。' })],
  ['CYB-TELECOM-FRAUD-01', criminal('被告人冒充网购平台客服，通过电话和短信联系被害人，谎称其订单异常需要退款，骗取被害人转账人民币五万元。')],
  ['CYB-TELECOM-FRAUD-01', criminal('被告人在境外诈骗窝点担任话务员，按照诈骗话术与被害人聊天。')],
  ['CYB-AID-01', criminal('被告人明知他人利用信息网络实施诈骗，仍将本人名下五张银行卡出售给他人，用于转移诈骗资金。')],
  ['CYB-PERSONAL-INFO-01', criminal('被告人通过网络群组出售公民个人信息三万余条，获利两万元。')],
  ['CYB-INTRUSION-01', criminal('被告人利用木马程序侵入某公司服务器，非法获取计算机信息系统中存储的数据。')],
  ['CYB-INTRUSION-01', criminal('被告人指使员工用棉纱堵塞在线监测设备的采样管，干扰监测数据。')],
  ['CYB-NETWORK-ABUSE-01', criminal('被告人设立用于实施诈骗的网站，发布虚假招聘信息。')],
  ['CYB-PSEUDO-BASE-01', criminal('被告人驾车携带伪基站设备在闹市区发送诈骗短信。')],
  ['SOC-PROVOCATION-01', criminal('被告人酒后在夜市随意殴打过往行人，致二人轻微伤。')],
  ['SOC-PROVOCATION-02', criminal('被告人因琐事在烧烤店内持啤酒瓶击打被害人头部，致其轻微伤。')],
  ['SOC-PROVOCATION-02', criminal('被告人酒后在饭店无故殴打邻桌顾客及其妻子，致二人轻微伤。')],
  ['SOC-OBSTRUCTION-01', criminal('被告人酒后驾车被交警拦停，拒不配合检查，撕扯执勤民警，致一名民警轻微伤。')],
  ['SOC-OBSTRUCTION-01', criminal('被告人在被公安人员带离时与公安人员撕扯，拒不上车。')],
  ['SOC-OBSTRUCTION-01', criminal('民警盘问时被告人挥拳反抗，致民警面部擦伤。')],
  ['SOC-OBSTRUCTION-01', criminal('巡逻中上前制止时，被告人将其手中的执法记录仪抢走后扔进河里。')],
  // 第二百九十三条的“随意”与行为之间隔着宾语
  ['SOC-PROVOCATION-02', criminal('被告人为泄愤，无故将小区电梯门踹坏，经鉴定损失一万余元。')],
  // 前罪（因犯抢劫罪被判刑）说的是另一案，不排除本案的寻衅滋事
  ['SOC-PROVOCATION-02', criminal('被告人因琐事在夜市持剪刀刺伤他人。被告人曾因犯抢劫罪被判处有期徒刑。')],
  // 被害人的女友在场，不是双方之间的感情纠纷
  ['SOC-PROVOCATION-02', criminal('被告人纠集三人拦住被害人及其同行的女友，用随身携带的小刀将被害人划伤。')],
  ['SOC-WAGE-ARREARS-01', criminal('被告人承包工程后拖欠三十名农民工工资共计四十万元，经人社部门责令支付后仍逃匿。')],
  ['SOC-WAGE-ARREARS-01', criminal('被告人拖欠十二名工人劳务费八万元，收到限期整改指令书后仍不支付。')],
  ['SOC-GATHERING-01', criminal('被告人煽动村民聚集，在施工现场设置路障阻止施工，致使工程停工十余日。')],
  ['SOC-GATHERING-01', criminal('被告人多次到天安门地区上访，先后被公安机关训诫。')],
  ['SOC-LOOTING-01', criminal('货车侧翻后，被告人伙同村民哄抢车上货物。')],
  ['SOC-HOAX-01', criminal('被告人酒后拨打报警电话，谎称在火车站放置了炸弹。')],
  ['SOC-EXTREME-01', civil({ claims: '原告在立案窗口扬言自杀，要求立即判决。' })],
  ['SOC-MASS-DISPUTE-01', civil({ causes: ['财产损害赔偿纠纷'], parties: [...many(12, '原告'), person('某公司', '被告')] })],
  ['SOC-LABOUR-01', civil({ causes: ['追索劳动报酬纠纷'], parties: [...many(3, '原告'), person('某公司', '被告')] })],
  ['SOC-REAL-ESTATE-01', civil({ causes: ['商品房预售合同纠纷'], facts: '开发商至今逾期交房，原告多次催告无果。' })],
  ['SOC-LAND-01', civil({ causes: ['房屋拆迁安置补偿合同纠纷'] })],
  ['FIN-DEPOSIT-01', criminal('被告人以高额回报为诱饵，通过发放传单向社会不特定对象吸收资金八百万元，承诺到期还本付息。')],
  ['FIN-DEPOSIT-02', { ...criminal('被告人以投资养老项目为名非法集资。'), amount: '60000000' }],
  ['FIN-DEPOSIT-03', criminal('被告人在村里组织标会，收取会员会款后无力兑付。')],
  ['FIN-FUNDRAISING-FRAUD-01', criminal('被告人以非法占有为目的，虚构投资项目集资，后携款逃匿。')],
  ['FIN-PYRAMID-01', criminal('被告人要求参加者缴纳入门费并发展下线，按发展人员数量计酬。')],
  ['FIN-PYRAMID-01', criminal('参加者须购买套餐取得加入资格，再按直推人数领取推荐奖。')],
  ['FIN-CREDIT-CARD-01', criminal('被告人持信用卡透支消费，经发卡银行两次催收后超过三个月仍不归还。')],
  ['FIN-CREDIT-CARD-01', criminal('被告人拾得他人银行卡后，在自动取款机上取款八千元。')],
  ['FIN-CREDIT-CARD-01', criminal('被告人群发含钓鱼链接的短信，获取被害人网银密码后，从其银行卡内转走存款两万元。')],
  ['FIN-CARD-MANAGEMENT-01', criminal('被告人从他人处收购银行卡二十张，准备转卖牟利。')],
  ['FIN-CARD-MANAGEMENT-01', criminal('公安机关在被告人车内查获以他人身份开户的银行卡八张。')],
  ['FIN-LOAN-FRAUD-01', criminal('被告人提供虚假的购销合同向农商行申请贷款五十万元，到期后未归还。')],
  // 借款人（不是金融机构工作人员）的欺骗手段
  ['FIN-LOAN-FRAUD-01', criminal('被告人利用担任村委会主任的便利，冒用五名村民的名义向信用社申请贷款，所得款项用于个人经营。')],
  ['FIN-LOAN-FRAUD-01', criminal('被告人先将其伪造的房产证复印件交给中介，由中介备齐全部申请材料，又找来两位同乡在担保书上签字，随后某市农村商业银行城东支行向其发放流动资金贷款四十万元。')],
  ['FIN-BILL-FRAUD-01', criminal('被告人使用伪造的银行承兑汇票向他人贴现。')],
  ['FIN-INSURANCE-FRAUD-01', criminal('被告人故意制造交通事故，向保险公司申请理赔，骗取保险金三万元。')],
  ['FIN-INSURANCE-FRAUD-01', criminal('被告人明知其父已患有晚期肝病，仍以其父为被保险人向某人寿保险公司投保重疾险。')],
  ['FIN-BANK-DUTY-01', criminal('被告人担任信用社信贷员期间，违反规定向不符合条件的借款人发放贷款。')],
  ['FIN-MARKET-01', criminal('被告人在重组公告前利用内幕信息买入该公司股票。')],
  ['FIN-TAOLU-LOAN-01', criminal('出借人以收取砍头息的方式放贷，并恶意垒高借款金额。')],
  ['FIN-PRO-LENDER-01', civil({ causes: ['民间借贷纠纷'], parties: [person('职业放贷人甲', '原告'), person('李四', '被告')] })],
  ['FIN-MASS-DEBT-01', civil({ causes: ['民间借贷纠纷'], parties: [...many(10, '原告'), person('某投资公司', '被告')] })],
  ['FIN-FALSE-LITIGATION-01', civil({ causes: ['民间借贷纠纷'], facts: '原告与被告系近亲属，所称借款均为现金交付，被告当庭自认全部借款。' })],
  ['INT-STAFF-PARTY-01', civil({ parties: [person('王五', '原告', ['court_staff']), person('赵六', '被告')] })],
  ['INT-JUDGE-COMPLAINT-01', civil({ claims: '原告认为审理不公，要求更换法官。' })],
  ['INT-IMPROPER-CONTACT-01', civil({ facts: '被告庭前托关系找人向承办人说情。' })],
  ['INT-SIMPLE-PROCEDURE-MASS-01', civil({ procedure: '简易程序', parties: [...many(12, '原告'), person('某公司', '被告')] })],
  ['INT-SMALL-CLAIMS-FOREIGN-01', civil({ procedure: '小额诉讼程序', parties: [person('张三', '原告'), person('Jane Doe', '被告', ['foreign'])] })],
  ['INT-SENSITIVE-CASE-01', { ...civil({ facts: '原告认为被告的征收行为损害社会公共利益。' }), caseType: '行政', parties: [person('张三', '原告'), { name: '某区人民政府', role: '被告', kind: 'state_organ', flags: [] }] }],
];

describe('default rule packs', () => {
  it('cover all five domains, one file per domain named after it', () => {
    expect(packs.map((pack) => pack.domain).sort()).toEqual([...RISK_DOMAINS].sort());
    for (const file of files) expect(file.name).toBe(`${packs.find((pack) => file.text.includes(`pack: ${pack.pack}`))!.domain}.yaml`);
  });

  it('cite a dated source for every rule', () => {
    for (const rule of packs.flatMap((pack) => pack.rules)) {
      expect(rule.source.length, rule.id).toBeGreaterThan(0);
      for (const citation of rule.source) expect(citation.edition, rule.id).toMatch(/\d{4}|〔\d{4}〕/);
    }
  });

  it('have a hand-written example for every enabled rule', () => {
    const enabled = packs.flatMap((pack) => pack.rules.filter((rule) => rule.enabled).map((rule) => rule.id));
    expect(new Set(examples.map(([ruleId]) => ruleId))).toEqual(new Set(enabled));
  });

  it('name the watch-lists a deployment must supply', () => {
    expect(listReferencedWatchLists(packs)).toEqual(['职业放贷人名单']);
  });

  it.each(examples)('%s fires on its example', (ruleId, input) => {
    expect(firedRules(input)).toContain(ruleId);
  });

  it.each([
    ['a traffic accident', criminal('被告人驾驶小型轿车与行人相撞，致行人受伤，负事故全部责任。')],
    ['a theft', criminal('被告人趁被害人不备，从其挎包内窃取手机一部，价值人民币三千元。')],
    ['a horror film in an ordinary quarrel', criminal('被告人与同伴在影院看完恐怖片后，在门口与他人推搡。')],
    ['a domestic dispute', criminal('被告人因家庭琐事与妻子发生口角，持木棍将其打伤。')],
    ['domestic abuse “without cause”', criminal('被告人与被害人结婚后，经常无故对其辱骂、殴打。')],
    ['a fight over a former girlfriend', criminal('被告人因与前女友的感情纠葛，纠集二人持菜刀到其家中将其父亲砍伤，致轻微伤。')],
    ['a brawl that killed the victim', criminal('被告人在饭店因琐事与被害人（殁年四十岁）争吵，持刀将其刺伤。')],
    ['exam cheating with covert devices', criminal('被告人在考试期间使用窃听窃照专用器材作弊，获取试题答案。')],
    ['a credit-card denial', criminal('被告人否认恶意透支。')],
    ['false testimony about someone else’s assault', criminal('被告人向公安机关作虚假证言，称看到甲在饭店门口持酒瓶殴打乙，致乙轻微伤。')],
    ['harbouring an assailant', criminal('被告人明知甲在饭店内持刀砍伤他人后负案在逃，仍资助其逃跑。')],
    ['police attending an injured victim', criminal('民警赶到现场后，将受伤的被害人送往医院救治。')],
    ['an insurance payout after an accident', criminal('交通事故发生后，保险公司依保险合同向被害人支付了赔偿金。被告人另因伪造居住证明受过行政处罚。')],
    ['a bank warning against phishing', criminal('银行工作人员提醒客户不要点击陌生链接，并协助其修改网银密码。')],
    // 解释（法释〔2013〕18号）第一条第三款：邻里纠纷中的殴打一般不认定为寻衅滋事
    ['a quarrel with the upstairs neighbour over a leak', criminal('被告人与住在其楼上的被害人因房屋漏水发生口角，持水果刀将其刺伤，致轻微伤。')],
    // 刑法第二百三十七条：对身体隐私部位的侵害是强制猥亵、侮辱，殴打只是其手段
    ['an indecent assault', criminal('被告人为发泄情绪，无故对路边睡觉的被害人实施殴打，扒光其衣服，抓摸其下体。')],
    // 刑法第二百四十三条：诬告陷害案中点名的寻衅滋事是被诬告的事
    ['a false accusation of 寻衅滋事', criminal('公安机关以涉嫌寻衅滋事罪刑事拘留二人，后查明系被告人诬告陷害，指使员工作虚假证明。')],
    // 刑法第二百七十一条、第二百七十二条：信贷员利用职务便利虚构贷款占用资金，是职务侵占或挪用资金，不是借款人骗贷
    ['a loan officer inventing loans', criminal('被告人任信用社信贷员期间，利用职务之便，虚构贷款理由，以村民名义从信用社贷款十万元归个人使用。')],
    ['an ordinary sales dispute', civil({ causes: ['买卖合同纠纷'], parties: [person('张三', '原告'), person('李四', '被告')], amount: '8000' })],
  ])('raises nothing on %s', (_, input) => {
    expect(firedRules(input)).toEqual([]);
  });

  it('keeps a hoax bomb threat in social stability, not political security', () => {
    const findings = screener.screen(criminal('被告人编造虚假恐怖信息，谎称商场内放置了炸弹。'));
    expect(findings.map((finding) => finding.domain)).toEqual(['social_stability']);
  });

  it('does not treat threats narrated in criminal facts as a petitioner’s extreme statement', () => {
    expect(firedRules(criminal('被告人持刀扬言要与被害人同归于尽。'))).not.toContain('SOC-EXTREME-01');
  });

  it('does not read a prior conviction as this case’s offence', () => {
    expect(firedRules(criminal('被告人曾因寻衅滋事被判处有期徒刑一年，本案中其盗窃电动车一辆。'))).toEqual([]);
  });
});
