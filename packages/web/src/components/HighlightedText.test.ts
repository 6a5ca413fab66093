import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { buildHighlightSegments } from '../utils/highlight';
import HighlightedText from './HighlightedText.vue';

const stubs = { ElTooltip: { template: '<span class="tooltip-stub"><slot name="content" /></span>' } };

describe('HighlightedText', () => {
  it('marks each highlighted segment in its level colour and keeps the notes for the tooltip', () => {
    const text = '向社会公众宣传，到期还本付息';
    const segments = buildHighlightSegments(text, [
      { start: 1, end: 5, note: 'FIN-DEPOSIT-01 疑似非法吸收公众存款', level: 'orange' },
      { start: 10, end: 14 },
    ]);
    const wrapper = mount(HighlightedText, { props: { segments }, global: { stubs } });
    const marks = wrapper.findAll('mark');
    expect(marks.map((m) => m.text())).toEqual(['社会公众', '还本付息']);
    expect(marks[0]!.classes()).toContain('evidence-mark--orange');
    expect(marks[0]!.attributes('data-notes')).toBe('FIN-DEPOSIT-01 疑似非法吸收公众存款');
    expect(marks[0]!.attributes('tabindex')).toBe('0');
    expect(marks[1]!.classes()).toContain('evidence-mark--none');
    expect(marks[1]!.attributes('tabindex')).toBeUndefined();
    expect(wrapper.text()).toBe(text); // no separators or stray spaces around the marks
  });

  it('shows case text that looks like markup as text, never as HTML', () => {
    const text = '<img src=x onerror="alert(1)">吸收资金';
    const wrapper = mount(HighlightedText, { props: { segments: buildHighlightSegments(text, [{ start: text.indexOf('吸收资金'), end: text.length }]) }, global: { stubs } });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toBe(text);
    expect(wrapper.find('mark').text()).toBe('吸收资金');
  });

  it('takes the fallback level for marks without one (a warning’s snippets)', () => {
    const wrapper = mount(HighlightedText, { props: { segments: buildHighlightSegments('还本付息', [{ start: 0, end: 4 }]), level: 'red' } });
    expect(wrapper.find('mark').classes()).toContain('evidence-mark--red');
  });
});
