import { addDays, chinaDateOf, OpinionItemInput, opinionSourceKindLabel, sentimentLabelText, type OpinionItemDetailView, type OpinionTrendView } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { ElMessage } from 'element-plus';
import { computed, shallowRef } from 'vue';
import { useRouter } from 'vue-router';
import { createOpinionItem, getOpinionTrend, listOpinionItems, opinionExportUrl, type OpinionFilters } from '../../api/opinion';
import { showError } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { usePagedList } from '../../composables/usePagedList';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';
import { labelOptions } from '../../utils/options';
import { blankOpinionForm, buildTrendOption, toOpinionInput, type OpinionForm } from './opinion-view';

export const sourceOptions = labelOptions(opinionSourceKindLabel);
export const sentimentOptions = labelOptions(sentimentLabelText);
export const TREND_DAYS = 14;

const blankFilters = (): OpinionFilters => ({
  keyword: '', sourceKind: undefined, sentiment: undefined, minHeat: undefined, publishedFrom: undefined, publishedTo: undefined, hasMatches: undefined, hasWarnings: undefined, sort: 'publishedAt', order: 'desc',
});

export const opinionRules: FormRules = {
  sourceKind: [requiredChoice('请选择来源类型')],
  sourceName: [zodRule(OpinionItemInput.shape.sourceName)],
  url: [zodRule(OpinionItemInput.shape.url, { required: false })],
  title: [zodRule(OpinionItemInput.shape.title)],
  text: [zodRule(OpinionItemInput.shape.text)],
  publishedAt: [requiredChoice('请选择发布时间')],
};

/** 舆情列表: filters, export, the 登记舆情 dialog (opens the item afterwards) and the heat trend. */
export function useOpinionList() {
  const router = useRouter();
  const list = usePagedList(listOpinionItems, blankFilters);
  const exportUrl = computed(() => opinionExportUrl(list.query()));
  const dialog = useFormDialog<OpinionForm, null, OpinionItemDetailView>({
    blank: blankOpinionForm,
    save: (form) => createOpinionItem(toOpinionInput(form, () => new Date().toISOString())),
    successMessage: false,
    onSaved: async (item) => {
      ElMessage.success(zh.opinion.registered);
      await router.push(`/opinion/items/${item.id}`);
    },
  });

  const trend = shallowRef<OpinionTrendView | null>(null);
  const trendOption = computed(() => (trend.value ? buildTrendOption(trend.value) : null));
  async function loadTrend(): Promise<void> {
    const today = chinaDateOf(Date.now());
    try {
      trend.value = await getOpinionTrend(addDays(today, -(TREND_DAYS - 1)), today);
    } catch (error) {
      showError(error);
    }
  }
  return { list, exportUrl, dialog, trend, trendOption, loadTrend };
}
