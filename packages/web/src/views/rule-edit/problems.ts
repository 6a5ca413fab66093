import type { RuleProblemView } from '@courtrisk/core';
import type { LineMark } from '../../components/CodeEditor.vue';
import { zh } from '../../locales/zh-CN';

/**
 * A problem in one line of text: where (第 3 行第 5 列), what, and the YAML path it concerns;
 * the place and path are added only when the server's message does not already say them.
 */
export function describeProblem(problem: RuleProblemView): string {
  const at = zh.ruleEdit.problemAt(problem.line, problem.column);
  const prefix = at && !problem.message.includes(at) ? `${at}：` : '';
  const path = problem.path && !problem.message.includes(problem.path) ? `（${problem.path}）` : '';
  return `${prefix}${problem.message}${path}`;
}

/** The editor's line marks: one per problem that has a line; the hover text says what is wrong. */
export function problemMarks(problems: readonly RuleProblemView[]): LineMark[] {
  return problems.flatMap((problem) => (problem.line === null ? [] : [{ line: problem.line, message: describeProblem(problem) }]));
}
