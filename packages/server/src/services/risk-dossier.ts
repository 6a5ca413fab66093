import {
  assessmentFormLabel,
  assigneeKindLabel,
  clockStatusLabel,
  formatChineseDate,
  riskDomainLabel,
  riskLevelLabel,
  riskStatusLabel,
  riskTimelineEventLabel,
  taskStatusLabel,
  type AssessmentView,
  type InstructionView,
  type LocalDate,
  type RiskLevel,
  type RiskTimelineEntryView,
  type RiskView,
  type TaskView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { formatBeijingInstant } from './beijing-time.js';
import { loadCjkFonts } from './cjk-font.js';
import { createPdfWriter } from './dossier-pdf.js';
import type { RiskService } from './risk.service.js';
import type { Store } from './store.js';
import type { TaskService } from './task.service.js';

/** The colours of 突发事件应对法（2024年修订）第六十三条, as printed. */
const LEVEL_COLOUR: Record<RiskLevel, string> = { red: '#cf1322', orange: '#d46b08', yellow: '#ad8b00', blue: '#0958d9' };

const when = (iso: string | null | undefined) => (iso ? formatBeijingInstant(iso) : '—');
const day = (date: string | null) => (date ? formatChineseDate(date as LocalDate) : '—');

interface Dossier {
  risk: RiskView;
  timeline: RiskTimelineEntryView[];
  assessments: AssessmentView[];
  tasks: TaskView[];
  instructions: InstructionView[];
  generatedBy: string;
  generatedAt: string;
}

/** Lays out the dossier: header, description, cases, clocks, assessments, plan and tasks, 批示, outcome, timeline. */
async function renderDossier({ risk, timeline, assessments, tasks, instructions, generatedBy, generatedAt }: Dossier): Promise<Buffer> {
  const pdf = createPdfWriter({ title: `风险事项卷宗：${risk.title}`, author: risk.courtName, subject: '风险事项卷宗' }, await loadCjkFonts());
  pdf.paragraph(risk.courtName, { size: 11, color: '#595959' });
  pdf.paragraph('风险事项卷宗', { size: 20, weight: 'bold' });
  pdf.gap(4);
  pdf.paragraph(risk.title, { size: 14, weight: 'bold' });
  pdf.gap(4);
  pdf.swatch(`${riskLevelLabel[risk.level]} · ${riskStatusLabel[risk.status]}`, LEVEL_COLOUR[risk.level]);
  pdf.gap(4);
  pdf.fields([
    ['风险领域', `${riskDomainLabel[risk.domain]} / ${risk.subtype}`],
    ['风险评分', `可能性 ${risk.score.likelihood} × 影响程度 ${risk.score.impact} = ${risk.score.score}（评分矩阵第 ${risk.score.criteria.matrixVersion} 版）`],
    ['责任人', risk.ownerName ?? '未指定'],
    ['责任部门', risk.departmentName ?? '未指定'],
    ['登记时间', when(risk.createdAt)],
    ['初始等级', riskLevelLabel[risk.initialLevel]],
    ['报告院领导', when(risk.reportedToLeaderAt)],
    ['上报上级法院', risk.reportedUpward ? `${when(risk.reportedUpward.at)}（${risk.reportedUpward.automatic ? '自动上报' : '人工上报'}）` : '未上报'],
    ['下次复查', day(risk.nextReviewOn)],
    ['标签', risk.tags.join('、')],
  ]);

  pdf.heading('风险描述');
  pdf.paragraph(risk.description);

  pdf.heading('关联案件');
  pdf.paragraph(risk.linkedCases.length > 0 ? risk.linkedCases.map((c) => c.caseNumber).join('；') : '无');

  if (risk.clocks.length > 0) {
    pdf.heading('处置时限');
    pdf.table(
      [
        { title: '时限', share: 0.16 },
        { title: '状态', share: 0.12 },
        { title: '到期时间', share: 0.22 },
        { title: '完成时间', share: 0.22 },
        { title: '依据', share: 0.28 },
      ],
      risk.clocks.map((c) => [c.label, `${clockStatusLabel[c.status]}${c.late ? '（逾期完成）' : ''}`, when(c.dueAt), when(c.satisfiedAt), c.basis]),
    );
  }

  pdf.heading('研判记录');
  if (assessments.length === 0) pdf.paragraph('尚无研判记录');
  for (const a of assessments) {
    pdf.paragraph(`${day(a.heldOn)} · ${assessmentFormLabel[a.form]} · 记录人 ${a.recordedByName}`, { weight: 'bold' });
    pdf.paragraph(`参加人员：${a.participants.map((p) => (p.kind === 'agency' ? `${p.name}（${p.agencyName ?? '协同单位'}）` : p.name)).join('、')}`, {}, 12);
    pdf.paragraph(`研判结论：${a.conclusion}`, {}, 12);
    if (a.levelChange) pdf.paragraph(`等级调整：${riskLevelLabel[a.levelChange.from]} → ${riskLevelLabel[a.levelChange.to]}，理由：${a.levelChange.reason}`, {}, 12);
    pdf.gap(4);
  }

  pdf.heading('处置方案与任务');
  if (tasks.length === 0) pdf.paragraph('尚未制定处置方案');
  else {
    pdf.table(
      [
        { title: '承办对象', share: 0.18 },
        { title: '任务内容', share: 0.34 },
        { title: '办理期限', share: 0.14 },
        { title: '状态', share: 0.12 },
        { title: '反馈', share: 0.22 },
      ],
      tasks.map((t) => [`${t.assignee.name}（${assigneeKindLabel[t.assignee.kind]}）`, t.description, day(t.dueOn), `${taskStatusLabel[t.status]}${t.overdue ? '（逾期）' : ''}`, t.feedback ?? t.returnReason ?? '']),
    );
  }

  if (instructions.length > 0) {
    pdf.heading('批示与交办');
    for (const i of instructions) {
      pdf.paragraph(`${when(i.createdAt)} ${i.fromCourtName} ${i.authorName}：${i.content}`);
      pdf.paragraph(i.acknowledgedAt ? `已签收：${i.acknowledgedByName ?? ''} ${when(i.acknowledgedAt)}${i.acknowledgeNote ? `，${i.acknowledgeNote}` : ''}` : '尚未签收', { color: '#595959' }, 12);
    }
  }

  if (risk.resolution || risk.closure) {
    pdf.heading('化解与销号');
    if (risk.resolution) pdf.paragraph(`化解情况（${when(risk.resolution.at)}）：${risk.resolution.summary}；剩余风险等级：${riskLevelLabel[risk.resolution.residualLevel]}`);
    for (const approval of risk.approvals) pdf.paragraph(`销号审批（${when(approval.at)}）：${approval.opinion}`);
    if (risk.closure) pdf.paragraph(`已销号：${when(risk.closure.at)}`);
  }

  pdf.heading('时间线');
  pdf.table(
    [
      { title: '时间', share: 0.2 },
      { title: '事项', share: 0.14 },
      { title: '操作人', share: 0.16 },
      { title: '内容', share: 0.5 },
    ],
    timeline.map((e) => [when(e.at), riskTimelineEventLabel[e.event], e.actorCourtName && e.actorCourtName !== risk.courtName ? `${e.actorName}（${e.actorCourtName}）` : e.actorName, e.summary]),
  );

  return pdf.finish(`${risk.courtName} · 风险事项卷宗 · ${generatedBy} 生成于 ${formatBeijingInstant(generatedAt)}`);
}

type Deps = {
  store: Store;
  clock: Clock;
  risks: Pick<RiskService, 'get' | 'timeline' | 'assessments' | 'instructions'>;
  tasks: Pick<TaskService, 'listForRisk'>;
};

/**
 * 风险事项卷宗 (PDF): printable record of one risk with its timeline. Reads through the register's
 * services, so permission and scope are theirs (risk.read; outside the scope 404); the export itself
 * is audited.
 */
export function createRiskDossierService({ store, clock, risks, tasks }: Deps) {
  return {
    async render(actor: Actor, riskId: string): Promise<{ fileName: string; pdf: Buffer }> {
      const risk = await risks.get(actor, riskId);
      const [timeline, assessments, riskTasks, instructions] = await Promise.all([
        risks.timeline(actor, riskId),
        risks.assessments(actor, riskId),
        tasks.listForRisk(actor, riskId),
        risks.instructions(actor, riskId),
      ]);
      const generatedAt = clock.now().toISOString();
      const pdf = await renderDossier({
        risk,
        timeline: timeline.items,
        assessments: assessments.items,
        tasks: riskTasks.items,
        instructions: instructions.items,
        generatedBy: actor.displayName,
        generatedAt,
      });
      await store.transaction((trx) =>
        writeAudit(trx, clock, auditActorOf(actor), {
          courtId: risk.courtId,
          action: 'risk.export',
          targetType: 'risk',
          targetId: riskId,
          summary: `导出风险事项卷宗「${risk.title}」（PDF，${Math.ceil(pdf.length / 1024)} KB）`,
        }),
      );
      return { fileName: `风险事项卷宗-${risk.title}.pdf`, pdf };
    },
  };
}
export type RiskDossierService = ReturnType<typeof createRiskDossierService>;
