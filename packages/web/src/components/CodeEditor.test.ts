import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CodeEditor from './CodeEditor.vue';

const mountEditor = (props: { modelValue: string; marks?: { line: number; message: string }[]; readonly?: boolean }) =>
  mount(CodeEditor, { props: { label: '规则内容（YAML）', ...props } });

describe('CodeEditor', () => {
  it('numbers every line and edits through v-model', async () => {
    const wrapper = mountEditor({ modelValue: 'pack: financial\nversion: 1\nrules: []' });
    expect(wrapper.find('.code-editor__numbers').text()).toBe('1\n2\n3');
    const textarea = wrapper.find('textarea');
    expect(textarea.attributes('aria-label')).toBe('规则内容（YAML）');
    await textarea.setValue('pack: financial');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['pack: financial']);
  });

  it('marks each problem line once, with all its messages on hover, and ignores lines past the end', () => {
    const wrapper = mountEditor({
      modelValue: 'a\nb\nc',
      marks: [
        { line: 2, message: '第 2 行：规则编号不正确' },
        { line: 2, message: '第 2 行：规则标题不能为空' },
        { line: 9, message: '不存在的行' },
      ],
    });
    const marks = wrapper.findAll('.code-editor__gutter-mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.attributes('data-line')).toBe('2');
    expect(marks[0]!.attributes('title')).toBe('第 2 行：规则编号不正确\n第 2 行：规则标题不能为空');
    expect(wrapper.findAll('.code-editor__band')).toHaveLength(1);
  });

  it('is read-only when asked (history, no permission)', () => {
    const wrapper = mountEditor({ modelValue: 'x', readonly: true });
    expect(wrapper.find('textarea').attributes('readonly')).toBeDefined();
  });
});
