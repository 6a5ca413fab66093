import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../deadlines/local-date.js';

/**
 * Field builders for form contracts whose every message is Chinese and names the field the way the
 * form labels it ("请填写信访内容", "回应时间格式应为…"). Used by the risk, petition and opinion contracts.
 */

/** `z.strictObject` whose "unknown field", "missing" and "not an object" errors name `what`. */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what = '内容') {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `${what}中有未知字段：${issue.keys.join('、')}`;
      return issue.input === undefined ? `请填写${what}` : `${what}应为对象`;
    },
  });
}

/** Trimmed text of `min`–`max` characters; a missing or blank value reads "请填写…". */
export function requiredText(what: string, min: number, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${what}` : `${what}必须是文字`) })
    .trim()
    .min(1, { error: `请填写${what}`, abort: true })
    .min(min, { error: `${what}至少 ${min} 个字` })
    .max(max, { error: `${what}不能超过 ${max} 个字` });
}

/** Optional trimmed text of at most `max` characters. */
export function optionalText(what: string, max: number) {
  return z.string({ error: `${what}必须是文字` }).trim().max(max, { error: `${what}不能超过 ${max} 个字` }).optional();
}

/** A real calendar date `YYYY-MM-DD`, named in the message. */
export function localDate(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${what}` : `${what}必须是文字`) })
    .refine(isLocalDate, { error: `${what}格式应为 YYYY-MM-DD 且为真实日期` })
    .transform((text) => text as LocalDate);
}

/** An instant with an explicit offset (`2024-06-01T09:30:00+08:00` or `…Z`), named in the message. */
export function instant(what: string) {
  return z.iso.datetime({ offset: true, local: false, error: (issue) => (issue.input === undefined ? `请填写${what}` : `${what}格式应为带时区的 ISO 8601，如 2024-06-01T09:30:00+08:00`) });
}

/** A UUID naming what it refers to; a missing one reads "请选择…". */
export function idOf(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请选择${what}` : `${what}编号必须是文字`) })
    .uuid({ error: `${what}编号格式不正确` });
}

/** A list of 0–`max` items named `what`. */
export function listOf<T extends z.ZodType>(item: T, what: string, max: number) {
  return z.array(item, { error: `${what}应为列表` }).max(max, { error: `${what}不能超过 ${max} 项` });
}

/** A whole number ≥ 0, e.g. a head count or a metric. */
export function count(what: string, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? `请填写${what}` : `${what}必须是数字`) })
    .int({ error: `${what}必须是整数` })
    .min(0, { error: `${what}不能为负` })
    .max(max, { error: `${what}不能超过 ${max}` });
}

/** One of `values`, with a message listing the Chinese labels. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, what: string) {
  return z.enum(values, { error: `${what}应为${values.map((value) => labels[value as T[number]]).join('、')}之一` });
}
