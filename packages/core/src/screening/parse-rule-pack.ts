import { isMap, isScalar, LineCounter, parseDocument, type Document, type ErrorCode } from 'yaml';
import type { z } from 'zod';
import { RulePack } from './rule-schema.js';

/** One problem in a rule-pack file, positioned for the editor (1-based line and column). */
export interface RulePackError {
  readonly line: number;
  readonly column: number;
  /** Where in the pack, e.g. `rules[2].when.all[0].keywords.any`; empty for the document itself. */
  readonly path: string;
  /** Chinese, names the field: `第 12 行第 9 列，规则 FIN-DEPOSIT-01 的“等级”（level）：…`. */
  readonly message: string;
}

export type ParseRulePackResult = { ok: true; pack: RulePack } | { ok: false; errors: RulePackError[] };

const FIELD_LABELS: Record<string, string> = {
  pack: '规则包编号',
  version: '版本',
  domain: '风险领域',
  title: '标题',
  negation: '否定语境',
  cues: '否定词',
  ignore: '非否定短语',
  window: '否定词窗口',
  rules: '规则列表',
  id: '规则编号',
  subtype: '风险子类',
  level: '等级',
  likelihood: '可能性',
  impact: '影响程度',
  enabled: '是否启用',
  source: '依据',
  document: '依据文件',
  edition: '依据版本',
  article: '依据条款',
  note: '依据说明',
  suggestedAction: '处置建议',
  exclusions: '排除词',
  when: '触发条件',
  all: '全部满足（all）',
  any: '任一满足（any）',
  not: '不满足（not）',
  atLeast: '至少满足（atLeast）',
  n: '至少个数',
  of: '备选项',
  keywords: '关键词',
  in: '查找字段',
  cause: '案由',
  caseType: '案件类型',
  procedure: '审理程序',
  amount: '金额',
  gte: '下限（含）',
  gt: '下限（不含）',
  lte: '上限（含）',
  lt: '上限（不含）',
  parties: '当事人',
  roles: '诉讼地位',
  kinds: '当事人类型',
  flags: '当事人标记',
  count: '人数',
  watchList: '关注名单',
  list: '名单名称',
  filedOn: '立案日期',
  from: '起始日期',
  to: '截止日期',
};

const YAML_ERROR_MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  DUPLICATE_KEY: '同一层级出现了重复的字段名',
  MISSING_CHAR: '缺少配对的符号（引号或括号）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行，可能缺少冒号后的空格',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确，可能缺少冒号或缩进有误',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_DQ_ESCAPE: '双引号字符串中的转义不正确',
  MULTIPLE_DOCS: '一个文件只能包含一个规则包',
  BAD_ALIAS: '引用（alias）不正确',
  RESOURCE_EXHAUSTION: '引用（alias）展开过多',
};

/**
 * Parses and validates one rule-pack YAML file (schema in rule-schema.ts). Every problem is
 * reported, not just the first, each with the line and column of the offending node (YAML syntax
 * errors from the `yaml` parser; schema errors located by walking the zod issue path through the
 * YAML node tree). A missing field is reported at the object that lacks it; an unknown field at its
 * key. Aliases are expanded with a limit, so a "billion laughs" file is rejected, not expanded.
 */
export function parseRulePack(yamlText: string): ParseRulePackResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positionOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => {
        const at = positionOf(error.pos[0]);
        return { ...at, path: '', message: `第 ${at.line} 行第 ${at.column} 列：YAML 语法错误，${YAML_ERROR_MESSAGES[error.code] ?? `无法解析（${error.code}）`}` };
      }),
    };
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch {
    return { ok: false, errors: [{ ...positionOf(0), path: '', message: '第 1 行第 1 列：YAML 引用（alias）展开过多' }] };
  }
  const parsed = RulePack.safeParse(data);
  if (parsed.success) return { ok: true, pack: parsed.data };
  const errors = parsed.error.issues.map((issue) => locateIssue(issue, document, data, positionOf));
  return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
}

function locateIssue(
  issue: z.core.$ZodIssue,
  document: Document,
  data: unknown,
  positionOf: (offset: number) => { line: number; column: number },
): RulePackError {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const offset = offsetOfPath(document, path, issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
  const at = positionOf(offset);
  const pathText = formatPath(path);
  const lastKey = [...path].reverse().find((key): key is string => typeof key === 'string');
  const last = path[path.length - 1];
  const item = typeof last === 'number' ? ` 第 ${last + 1} 项` : '';
  const field = lastKey === undefined ? '规则包' : `“${FIELD_LABELS[lastKey] ?? lastKey}${item}”（${pathText}）`;
  const ruleId = path[0] === 'rules' && typeof path[1] === 'number' ? valueAt(data, ['rules', path[1], 'id']) : undefined;
  const owner = typeof ruleId === 'string' ? `规则 ${ruleId} 的` : '';
  const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
  return { ...at, path: pathText, message: `第 ${at.line} 行第 ${at.column} 列，${owner}${field}：${missing ? '缺少必填字段' : issue.message}` };
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Start offset of the deepest YAML node on `path` (or of the unknown key inside it). */
function offsetOfPath(document: Document, path: readonly (string | number)[], unknownKey: string | undefined): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    if (node === undefined || node === null || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    if (depth === path.length && unknownKey !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === unknownKey);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    return (node.range as [number, number, number])[0];
  }
  return 0;
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

/** A rule-pack file as read from disk or an upload. */
export interface RulePackFile {
  readonly name: string;
  readonly text: string;
}

export type ParseRulePackFilesResult =
  | { ok: true; packs: RulePack[] }
  | { ok: false; errors: (RulePackError & { readonly file: string })[] };

/**
 * `parseRulePack` over several files (e.g. the default packs in packages/core/rules, or an
 * administrator's directory), keeping every file's errors and naming the file in each.
 */
export function parseRulePackFiles(files: readonly RulePackFile[]): ParseRulePackFilesResult {
  const packs: RulePack[] = [];
  const errors: (RulePackError & { file: string })[] = [];
  for (const file of files) {
    const result = parseRulePack(file.text);
    if (result.ok) packs.push(result.pack);
    else errors.push(...result.errors.map((error) => ({ ...error, file: file.name, message: `${file.name} ${error.message}` })));
  }
  return errors.length === 0 ? { ok: true, packs } : { ok: false, errors };
}
