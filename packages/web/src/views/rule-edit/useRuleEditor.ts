import type { RulePackDetailView, RuleProblemView } from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { ApiError } from '../../api/http';
import {
  dryRunRules,
  getBackgroundJob,
  getRulePack,
  ruleProblemsOf,
  saveRulePack,
  startBacktest,
  type DryRunResult,
  type RulePackSaveResult,
} from '../../api/rules';
import { showError, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { useJobPolling } from '../../composables/useJobPolling';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { keywordRanges } from '../../utils/evidence';
import { buildHighlightSegments } from '../../utils/highlight';
import { problemMarks } from './problems';
import { toDryRunInput, type DryRunForm } from './rules';

type SaveOutcome = { saved: RulePackSaveResult } | { problems: RuleProblemView[] };

/**
 * 规则编辑 of one pack: the YAML (read-only without `rule.manage`, or while an old version is
 * shown), saving as a new version with a comment (problems marked at their lines), the version
 * history, 试运行 on pasted text and 回测 over stored cases, both with the text in the editor.
 */
export function useRuleEditor(packName: () => string, courtIdOf: () => string | undefined) {
  const auth = useAuthStore();
  const canManage = computed(() => auth.can('rule.manage'));

  const detail = shallowRef<RulePackDetailView | null>(null);
  const historical = shallowRef<RulePackDetailView | null>(null);
  const draft = ref('');
  const saved = ref('');
  const loading = ref(false);
  const missing = ref(false);
  const problems = shallowRef<RuleProblemView[]>([]);

  const dirty = computed(() => canManage.value && draft.value !== saved.value);
  const readonly = computed(() => !canManage.value || historical.value !== null);
  /** What the editor shows: an old version while one is being viewed, else the working draft. */
  const editorText = computed({
    get: () => historical.value?.yaml ?? draft.value,
    set: (text: string) => {
      if (!readonly.value) draft.value = text;
    },
  });
  const marks = computed(() => problemMarks(problems.value));
  const courtId = () => courtIdOf() || undefined;

  /** Reads the current version; the draft follows unless it holds unsaved edits worth keeping. */
  async function load(keepDraft = false): Promise<void> {
    loading.value = true;
    try {
      const result = await getRulePack(packName(), { courtId: courtId() });
      detail.value = result;
      saved.value = result.yaml;
      if (!keepDraft) draft.value = result.yaml;
      missing.value = false;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) missing.value = true;
      else showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function viewVersion(version: number): Promise<void> {
    if (version === detail.value?.version) {
      historical.value = null;
      return;
    }
    try {
      historical.value = await getRulePack(packName(), { courtId: courtId(), version });
    } catch (error) {
      showError(error);
    }
  }

  const backToCurrent = () => {
    historical.value = null;
  };

  /** Puts the shipped default (a newer revision than the court's copy) in the editor, unsaved. */
  function loadDefault(): void {
    if (!detail.value?.defaultYaml) return;
    historical.value = null;
    draft.value = detail.value.defaultYaml;
    problems.value = [];
  }
  /** The editor holds the shipped default as it is: the save comment can say so. */
  const draftIsDefault = computed(() => !!detail.value?.defaultYaml && draft.value === detail.value.defaultYaml);

  /** Problems from the server: marked in the editor and announced once. */
  function reportProblems(found: RuleProblemView[]): void {
    problems.value = found;
    ElMessage.error({ message: zh.ruleEdit.problemsTitle(found.length), grouping: true, showClose: true });
  }

  const rescreen = useJobPolling(getBackgroundJob);

  const saveDialog = useFormDialog<{ comment: string }, null, SaveOutcome>({
    blank: () => ({ comment: '' }),
    save: async (form) => {
      try {
        return { saved: await saveRulePack(packName(), { courtId: courtId(), yaml: draft.value, comment: form.comment }) };
      } catch (error) {
        const found = ruleProblemsOf(error);
        if (found) return { problems: found };
        throw error;
      }
    },
    successMessage: false,
    onSaved: async (outcome) => {
      if ('problems' in outcome) {
        reportProblems(outcome.problems);
        return;
      }
      problems.value = [];
      showSuccess(zh.ruleEdit.saved(outcome.saved.pack.version));
      await load();
      try {
        await rescreen.follow(await getBackgroundJob(outcome.saved.rescreenJobId));
      } catch (error) {
        showError(error);
      }
    },
  });

  // 试运行
  const dryForm = reactive<DryRunForm>({ facts: '', claims: '', causes: '', amount: '' });
  const dryRunning = ref(false);
  const dryResult = shallowRef<DryRunResult | null>(null);
  /** The facts as they were screened, so the marks stay right while the form is edited again. */
  const dryFacts = ref('');

  async function runDryRun(): Promise<void> {
    dryRunning.value = true;
    try {
      const input = toDryRunInput(dryForm);
      const result = await dryRunRules({ courtId: courtId(), pack: packName(), yaml: editorText.value, ...input });
      dryFacts.value = input.facts;
      dryResult.value = result;
      if (result.problems.length > 0) reportProblems(result.problems);
      else problems.value = [];
    } catch (error) {
      showError(error);
    } finally {
      dryRunning.value = false;
    }
  }

  const dryFactsSegments = computed(() =>
    buildHighlightSegments(dryFacts.value, keywordRanges(dryResult.value?.findings ?? [], 'facts')),
  );

  // 回测
  const backtest = useJobPolling(getBackgroundJob);
  const backtestStarting = ref(false);

  async function runBacktest(): Promise<void> {
    backtestStarting.value = true;
    try {
      await backtest.follow(await startBacktest({ courtId: courtId(), pack: packName(), yaml: editorText.value }));
    } catch (error) {
      const found = ruleProblemsOf(error);
      if (found) reportProblems(found);
      else showError(error);
    } finally {
      backtestStarting.value = false;
    }
  }

  watch([packName, courtIdOf], () => {
    historical.value = null;
    problems.value = [];
    void load();
  }, { immediate: true });

  return {
    canManage,
    detail,
    historical,
    loading,
    missing,
    problems,
    marks,
    dirty,
    readonly,
    editorText,
    viewVersion,
    backToCurrent,
    loadDefault,
    draftIsDefault,
    saveDialog,
    rescreen,
    dryForm,
    dryRunning,
    dryResult,
    dryFactsSegments,
    runDryRun,
    backtest,
    backtestStarting,
    runBacktest,
  };
}
