import {
  clockKindLabel,
  riskDomainLabel,
  type AssessmentView,
  type InstructionView,
  type RiskLinkedWarning,
  type RiskTimelineEntryView,
  type RiskView,
  type TaskView,
} from '@courtrisk/core';
import { computed, ref, shallowRef, watch } from 'vue';
import { ApiError } from '../../api/http';
import { getRisk, getRiskTimeline, listAssessments, listInstructions, listRiskTasks, listRiskWarnings, riskDossierUrl } from '../../api/risks';
import { showError } from '../../components/feedback';

/**
 * One risk's file: the register entry with its clocks and abilities, and the sections below it
 * (关联预警, timeline, assessments, plan tasks, instructions). Everything reloads after any change, since one
 * action can touch several sections (an assessment adds a timeline row and re-scores the risk).
 */
export function useRiskDetail(riskId: () => string) {
  const risk = shallowRef<RiskView | null>(null);
  const timeline = shallowRef<RiskTimelineEntryView[]>([]);
  const assessments = shallowRef<AssessmentView[]>([]);
  const tasks = shallowRef<TaskView[]>([]);
  const instructions = shallowRef<InstructionView[]>([]);
  /** 关联预警 of every source the account may read (the server leaves the others out). */
  const warnings = shallowRef<RiskLinkedWarning[]>([]);
  const loading = ref(false);
  const missing = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    const id = riskId();
    loading.value = true;
    try {
      const [view, ...sections] = await Promise.allSettled([getRisk(id), getRiskTimeline(id), listAssessments(id), listRiskTasks(id), listInstructions(id), listRiskWarnings(id)]);
      if (ticket !== latest) return;
      if (view.status === 'rejected') throw view.reason;
      risk.value = view.value;
      missing.value = false;
      const [timelineResult, assessmentResult, taskResult, instructionResult, warningResult] = sections;
      timeline.value = timelineResult.status === 'fulfilled' ? timelineResult.value.items : [];
      assessments.value = assessmentResult.status === 'fulfilled' ? assessmentResult.value.items : [];
      tasks.value = taskResult.status === 'fulfilled' ? taskResult.value.items : [];
      instructions.value = instructionResult.status === 'fulfilled' ? instructionResult.value.items : [];
      warnings.value = warningResult.status === 'fulfilled' ? warningResult.value.items : [];
      // One message for a section that failed; the rest of the file still shows.
      const failed = sections.find((section) => section.status === 'rejected');
      if (failed) showError(failed.reason);
    } catch (error) {
      if (ticket !== latest) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.code === 'invalid_input')) {
        risk.value = null;
        missing.value = true;
      } else showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  const domainText = computed(() => (risk.value ? `${riskDomainLabel[risk.value.domain]} · ${risk.value.subtype}` : ''));
  /** Clocks in the order of the lifecycle (报告院领导, 首次研判, 处置方案, 复查). */
  const clocks = computed(() => {
    const order = Object.keys(clockKindLabel);
    return [...(risk.value?.clocks ?? [])].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  });
  const dossierUrl = computed(() => (risk.value ? riskDossierUrl(risk.value.id) : ''));
  const pendingInstructions = computed(() => instructions.value.filter((instruction) => !instruction.acknowledgedAt).length);

  watch(riskId, load, { immediate: true });

  return { risk, timeline, assessments, tasks, instructions, warnings, loading, missing, load, domainText, clocks, dossierUrl, pendingInstructions };
}
