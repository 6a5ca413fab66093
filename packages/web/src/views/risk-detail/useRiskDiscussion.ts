import { InstructionInput, RiskCommentInput, type InstructionView, type RiskView } from '@courtrisk/core';
import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, ref } from 'vue';
import { acknowledgeInstruction, addInstruction, addRiskComment } from '../../api/risks';
import { runRowAction, showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';

/** 批示 may be given by an upper court's leader on a risk reported up to it (docs/risk-api.md). */
export function canInstruct(risk: Pick<RiskView, 'courtId' | 'reportedUpward'>, myCourtId: string | undefined, mayInstruct: boolean): boolean {
  return mayInstruct && !!myCourtId && myCourtId !== risk.courtId && risk.reportedUpward !== null;
}

/**
 * The conversation on a risk: comments with @-mentions (notified), the upper court's 批示 and the
 * risk court's 签收. Each posts once at a time and reloads the risk's file after.
 */
export function useRiskDiscussion(risk: () => RiskView | null, reload: () => Promise<void>) {
  const auth = useAuthStore();

  const comment = ref({ body: '', mentionIds: [] as string[] });
  const instruction = ref({ content: '', replyBy: '' });
  const posting = ref(false);

  const mayInstruct = computed(() => {
    const current = risk();
    return current ? canInstruct(current, auth.account?.courtId, auth.can('risk.instruct')) : false;
  });

  async function post<T>(validate: () => string | null, send: (riskId: string) => Promise<T>, success: string, clear: () => void): Promise<void> {
    const current = risk();
    if (!current || posting.value) return;
    const problem = validate();
    if (problem) {
      ElMessage.warning(problem);
      return;
    }
    posting.value = true;
    try {
      await send(current.id);
      clear();
      showSuccess(success);
      await reload();
    } catch (error) {
      showError(error);
    } finally {
      posting.value = false;
    }
  }

  const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : (result.error?.issues[0]?.message ?? zh.errors.unexpected));

  const postComment = () =>
    post(
      () => firstIssue(RiskCommentInput.safeParse(comment.value)),
      (riskId) => addRiskComment(riskId, { body: comment.value.body.trim(), mentionIds: comment.value.mentionIds }),
      zh.riskDetail.commented,
      () => (comment.value = { body: '', mentionIds: [] }),
    );

  const postInstruction = () => {
    const input = { content: instruction.value.content.trim(), ...(instruction.value.replyBy ? { replyBy: instruction.value.replyBy } : {}) };
    return post(
      () => firstIssue(InstructionInput.safeParse(input)),
      (riskId) => addInstruction(riskId, input),
      zh.riskDetail.instructed,
      () => (instruction.value = { content: '', replyBy: '' }),
    );
  };

  /** 签收 with an optional note (what the court will do about it). */
  async function acknowledge(item: InstructionView): Promise<void> {
    let note = '';
    try {
      const answer = await ElMessageBox.prompt(zh.riskDetail.ackPrompt(item.fromCourtName), zh.riskDetail.acknowledge, {
        confirmButtonText: zh.riskDetail.acknowledge,
        cancelButtonText: zh.common.cancel,
        inputPlaceholder: zh.riskDetail.ackPlaceholder,
        inputValidator: (value: string) => (value ?? '').trim().length <= 500 || zh.riskDetail.ackTooLong,
      });
      note = answer.value ?? '';
    } catch {
      return;
    }
    await runRowAction({ run: () => acknowledgeInstruction(item.id, note), success: zh.riskDetail.acknowledged, reload });
  }

  return { comment, instruction, posting, mayInstruct, postComment, postInstruction, acknowledge };
}
