import { OpinionResponseInput, type OpinionItemDetailView, type OpinionMatchView, type OpinionResponseInput as ResponseBody } from '@courtrisk/core';
import { ElMessageBox, type FormRules } from 'element-plus';
import { computed, ref, shallowRef } from 'vue';
import { addOpinionSnapshot, decideOpinionMatch, getOpinionItem, respondToOpinion } from '../../api/opinion';
import { showError, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { buildHighlightSegments } from '../../utils/highlight';
import { requiredChoice, zodRule } from '../../utils/form-rules';
import { analysedText, beijing, buildMetricsOption, opinionHighlights, splitAtTitle, toMetricsInput, type OpinionForm } from '../opinion/opinion-view';

export interface ResponseForm {
  respondedAt: string;
  channel: ResponseBody['channel'] | undefined;
  responder: string;
  content: string;
  url: string;
}

const blankResponse = (): ResponseForm => ({ respondedAt: '', channel: undefined, responder: '', content: '', url: '' });

export function toResponseInput(form: ResponseForm): ResponseBody {
  if (!form.channel) throw new Error('channel is checked by the form rules');
  return { respondedAt: beijing(form.respondedAt), channel: form.channel, responder: form.responder.trim(), content: form.content.trim(), ...(form.url.trim() ? { url: form.url.trim() } : {}) };
}

export const responseRules: FormRules = {
  respondedAt: [requiredChoice('请选择回应时间')],
  channel: [requiredChoice('请选择回应渠道')],
  responder: [zodRule(OpinionResponseInput.shape.responder)],
  content: [zodRule(OpinionResponseInput.shape.content)],
  url: [zodRule(OpinionResponseInput.shape.url, { required: false })],
};

type SnapshotForm = Pick<OpinionForm, 'capturedAt' | 'reads' | 'reposts' | 'comments' | 'likes'>;

/** 舆情详情: the item, its highlighted text and charts, and the decisions and records staff add. */
export function useOpinionDetail(id: () => string) {
  const item = shallowRef<OpinionItemDetailView | null>(null);
  const loading = ref(false);
  const deciding = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      item.value = await getOpinionItem(id());
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  /** The title line and the body, split after highlighting so the offsets stay right. */
  const textSegments = computed(() => (item.value ? splitAtTitle(buildHighlightSegments(analysedText(item.value), opinionHighlights(item.value)), item.value.title.length) : { title: [], body: [] }));
  const legend = [
    { label: zh.opinion.legendNegative, level: 'red' as const },
    { label: zh.opinion.legendPositive, level: 'blue' as const },
    { label: zh.opinion.legendMatch, level: null },
  ].map(({ label, level }) => [{ text: label, start: 0, end: label.length, highlighted: true, notes: [], level }]);
  const metricsOption = computed(() => (item.value && item.value.snapshots.length ? buildMetricsOption(item.value.snapshots) : null));

  async function decide(match: OpinionMatchView, decision: 'confirm' | 'reject'): Promise<void> {
    let note: string | undefined;
    if (decision === 'reject') {
      try {
        const answer = await ElMessageBox.prompt(`${match.caseNumber}`, zh.opinion.rejectTitle, {
          inputPlaceholder: zh.opinion.rejectPlaceholder,
          inputValidator: (value) => (value && value.trim().length > 0) || '排除关联请说明理由',
          confirmButtonText: zh.opinion.reject,
          cancelButtonText: zh.common.cancel,
        });
        note = answer.value.trim();
      } catch {
        return;
      }
    }
    deciding.value = match.caseId;
    try {
      item.value = await decideOpinionMatch(id(), { caseId: match.caseId, decision, ...(note ? { note } : {}) });
      showSuccess(zh.common.saved);
    } catch (error) {
      showError(error);
    } finally {
      deciding.value = null;
    }
  }

  const response = useFormDialog<ResponseForm, null, OpinionItemDetailView>({
    blank: blankResponse,
    save: (form) => respondToOpinion(id(), toResponseInput(form)),
    successMessage: zh.opinion.responded,
    onSaved: (next) => {
      item.value = next;
    },
  });
  const snapshot = useFormDialog<SnapshotForm, null, OpinionItemDetailView>({
    blank: () => ({ capturedAt: '', reads: undefined, reposts: undefined, comments: undefined, likes: undefined }),
    // The dialog's rules require at least one counter, so there are metrics to send.
    save: (form) => addOpinionSnapshot(id(), toMetricsInput(form, () => new Date().toISOString())!),
    onSaved: (next) => {
      item.value = next;
    },
  });

  const snapshotRules: FormRules = {
    reads: [
      {
        trigger: 'change',
        validator: (_rule, _value, callback: (error?: Error) => void) =>
          callback(toMetricsInput(snapshot.form.value, () => '') ? undefined : new Error('请至少填写一项传播指标')),
      },
    ],
  };

  return { item, loading, load, snapshotRules, textSegments, legend, metricsOption, decide, deciding, response, snapshot };
}
