import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { blankPetitionForm } from '../views/petitioners/usePetitioners';
import PetitionFormFields from './PetitionFormFields.vue';

const slot = (tag: string) => defineComponent({ inheritAttrs: false, props: ['label', 'prop'], setup: (props, { slots }) => () => h(tag, { 'data-prop': props.prop, 'data-label': props.label }, slots.default?.()) });
const stubs = {
  'el-form-item': slot('section'),
  'el-select': slot('div'),
  'el-option': defineComponent({ props: ['label', 'value'], setup: (props) => () => h('option', { value: props.value }, props.label) }),
  'el-radio-group': slot('div'),
  'el-radio': slot('span'),
  'el-date-picker': true,
  'el-input-number': true,
  'el-input': true,
  RiskCaseSelect: true,
};

describe('PetitionFormFields', () => {
  it('offers the record’s own petitioners beside the search results, each once', () => {
    const wrapper = mount(PetitionFormFields, {
      props: {
        form: { ...blankPetitionForm(), petitionerIds: ['a'] },
        people: [{ id: 'a', name: '甲', idNumberMasked: null }, { id: 'b', name: '乙', idNumberMasked: '110101********1234' }],
        searching: false,
        presetPeople: [{ id: 'a', name: '甲' }],
      },
      global: { stubs },
    });
    const options = wrapper.find('[data-prop="petitionerIds"]').findAll('option').map((o) => o.text());
    expect(options).toEqual(['甲', '乙（110101********1234）']);
  });

  it('asks for the transferring organ only for an 上级转交 petition', async () => {
    const props = { form: blankPetitionForm(), people: [], searching: false };
    const wrapper = mount(PetitionFormFields, { props, global: { stubs } });
    expect(wrapper.find('[data-prop="forwardedBy"]').exists()).toBe(false);
    await wrapper.setProps({ form: { ...blankPetitionForm(), channel: 'upper_transfer' } });
    expect(wrapper.find('[data-prop="forwardedBy"]').exists()).toBe(true);
  });
});
