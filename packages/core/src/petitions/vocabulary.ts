import type { CourtLevel } from '../courts/court.js';

/**
 * Vocabulary of the petition module (涉诉信访, PRODUCT.md §3): codes stored in the database and the
 * Chinese labels shown on screen. The contracts (`contracts/petition.ts`) validate against these.
 */

/** 信访渠道: how the petition reached the court. 12368 is the courts' litigation-service hotline. */
export const PETITION_CHANNELS = ['visit', 'letter', 'online', 'phone', 'hotline_12368', 'upper_transfer'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const petitionChannelLabel: Record<PetitionChannel, string> = {
  visit: '来访',
  letter: '来信',
  online: '网上信访',
  phone: '电话',
  hotline_12368: '12368 热线',
  upper_transfer: '上级转交',
};

/**
 * Where the petitioner went (信访去向), lowest first: the three court levels of 人民法院组织法 (2018)
 * 第十二条, the Supreme People's Court, and central organs outside the courts (国家信访局 and other
 * 中央和国家机关 in Beijing). 越级访 compares this with the level responsible for the matter.
 */
export const PETITION_VENUE_LEVELS = ['basic', 'intermediate', 'high', 'supreme', 'central'] as const;
export type PetitionVenueLevel = (typeof PETITION_VENUE_LEVELS)[number];
export const petitionVenueLevelLabel: Record<PetitionVenueLevel, string> = {
  basic: '基层人民法院',
  intermediate: '中级人民法院',
  high: '高级人民法院',
  supreme: '最高人民法院',
  central: '中央和国家机关',
};

/** Rank of a venue (0 = 基层); a court's own level maps onto the same scale. */
export function venueRank(level: PetitionVenueLevel | CourtLevel): number {
  return PETITION_VENUE_LEVELS.indexOf(level);
}

/**
 * 诉访分离: a petition about the merits of a case (涉诉) is routed into legal procedure (申请再审、
 * 申诉、执行异议…); other matters (工作作风、程序问题、执行不力的投诉、建议…) are handled as 信访.
 */
export const PETITION_NATURES = ['litigation', 'non_litigation'] as const;
export type PetitionNature = (typeof PETITION_NATURES)[number];
export const petitionNatureLabel: Record<PetitionNature, string> = {
  litigation: '涉诉（导入诉讼程序）',
  non_litigation: '非涉诉（按信访程序办理）',
};

/** 办理环节 recorded on a petition, in the order they usually happen. */
export const PETITION_STEP_KINDS = [
  'registered',
  'accepted',
  'not_accepted',
  'routed_to_litigation',
  'transferred',
  'extended',
  'replied',
  'review_requested',
  'review_replied',
  'recheck_requested',
  'recheck_replied',
  'hearing',
  'concluded',
] as const;
export type PetitionStepKind = (typeof PETITION_STEP_KINDS)[number];
export const petitionStepKindLabel: Record<PetitionStepKind, string> = {
  registered: '登记',
  accepted: '受理',
  not_accepted: '不予受理',
  routed_to_litigation: '导入诉讼程序',
  transferred: '转办',
  extended: '延长办理期限',
  replied: '出具处理意见',
  review_requested: '申请复查',
  review_replied: '出具复查意见',
  recheck_requested: '申请复核',
  recheck_replied: '出具复核意见',
  hearing: '听证',
  concluded: '办结',
};

/** 处理结果 of a petition as far as the petitioner's conduct goes. */
export const PETITION_OUTCOMES = ['settled', 'continuing', 'routed', 'terminated', 'pending'] as const;
export type PetitionOutcome = (typeof PETITION_OUTCOMES)[number];
export const petitionOutcomeLabel: Record<PetitionOutcome, string> = {
  settled: '息诉罢访',
  continuing: '继续信访',
  routed: '已导入法律程序',
  terminated: '终结（不再受理）',
  pending: '办理中',
};

/** Ways to reach a petitioner. */
export const CONTACT_KINDS = ['mobile', 'phone', 'email', 'wechat', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactKindLabel: Record<ContactKind, string> = { mobile: '手机', phone: '固定电话', email: '电子邮箱', wechat: '微信', other: '其他' };
