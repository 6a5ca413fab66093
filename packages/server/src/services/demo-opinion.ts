import { chinaDateOf, type OpinionItemInput, type OpinionMetricsInput } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { createAccessChecker } from './access.js';
import type { Actor } from './actor.js';
import { createOpinionIntake } from './opinion-intake.js';
import { createOpinionService } from './opinion.service.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';

const HOUR_MS = 3_600_000;

/**
 * Demo 舆情 for the 中院 (written for the demo; no real posts, people or cases): a negative item
 * about the demo wage case whose heat spikes in the last hour and that names the case by 案号, a
 * negative post naming the demo investment company, a positive news report, a neutral notice and a
 * response already given. Entered through the service, as the API would, by the demo opinion officer.
 */
export async function seedDemoOpinion(deps: { store: Store; clock: Clock; rules: RuleRuntime }, court: { id: string; code: string }) {
  const { store, clock, rules } = deps;
  const account = await store.repos.accounts.getByUsername('zy_opinion');
  if (!account) return;
  const actor: Actor = {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    courtId: court.id,
    departmentId: account.departmentId,
    permissions: new Set(['opinion.read', 'opinion.manage']),
    scopeKind: 'court',
    scope: { courtIds: new Set([court.id]) },
    sessionId: 'demo-seed',
    ip: null,
    mustChangePassword: false,
  };
  const service = createOpinionService({ store, clock, access: createAccessChecker({ store, clock }), intake: createOpinionIntake({ rules }) });
  const now = clock.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR_MS).toISOString();
  const metrics = (hoursAgo: number, reads: number, reposts: number, comments: number, likes: number): OpinionMetricsInput => ({ capturedAt: at(hoursAgo), reads, reposts, comments, likes });
  // The demo cases are numbered in the judicial year the demo seeding used (see demo-seed.ts).
  const today = chinaDateOf(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '10-01' ? 1 : 0);

  const items: { input: OpinionItemInput; later: OpinionMetricsInput[] }[] = [
    {
      input: {
        sourceKind: 'weibo',
        sourceName: '示例城事',
        url: 'https://weibo.example.com/demo/9001',
        title: '三十多名农民工讨薪两年无果',
        text: `网帖称，(${year})${court.code}民初10号一案中，某某建筑劳务有限公司拖欠工资一百二十万元，案件迟迟没有结果，工人们非常失望和愤怒，部分工人称将集体上访。网友质疑法院审理拖延。`,
        author: '示例城事',
        publishedAt: at(80),
        metrics: metrics(72, 3000, 10, 20, 40),
      },
      later: [metrics(48, 5000, 20, 30, 60), metrics(24, 7000, 30, 45, 80), metrics(1, 60000, 900, 500, 1500)],
    },
    {
      input: {
        sourceKind: 'forum',
        sourceName: '示例论坛',
        url: 'https://bbs.example.com/thread/7001',
        title: '理财产品到期不兑付，投资人发帖求助',
        text: '帖子称，某某财富管理有限公司的理财产品到期无法兑付，投资人对处理进度不满，希望尽快有说法。',
        publishedAt: at(60),
        metrics: metrics(50, 1200, 5, 30, 10),
      },
      later: [metrics(20, 2600, 12, 55, 20)],
    },
    {
      input: {
        sourceKind: 'news',
        sourceName: '示例日报',
        url: 'https://news.example.com/court/5001',
        title: '示例中院诉前调解化解邻里纠纷',
        text: '示例市中级人民法院法官耐心释法，促成双方达成调解协议，当事人表示非常满意，称赞法官专业、高效。',
        author: '本报记者',
        publishedAt: at(40),
        metrics: metrics(30, 8000, 40, 25, 300),
      },
      later: [],
    },
    {
      input: {
        sourceKind: 'wechat',
        sourceName: '示例法院公众号转载',
        title: '关于执行款发放安排的公告',
        text: '现将近期执行款发放的时间和地点公告如下，请相关当事人携带身份证件办理。',
        publishedAt: at(30),
        metrics: metrics(28, 1500, 8, 3, 20),
      },
      later: [],
    },
  ];
  const ids: string[] = [];
  for (const { input, later } of items) {
    const { item } = await service.create(actor, input, 'api');
    for (const snapshot of later) await service.addSnapshot(actor, item.id, snapshot);
    ids.push(item.id);
  }
  await service.respond(actor, ids[1]!, {
    respondedAt: at(10),
    channel: 'thread_reply',
    responder: '宣传处',
    content: '本院已关注网帖反映的情况，相关案件正在依法审理，将依法保障投资人合法权益。',
  });
}
