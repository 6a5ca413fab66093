import type { SessionView } from '@courtrisk/core';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { useAuthStore } from '../stores/auth';
import { vCan } from './can';

const Toolbar = defineComponent({
  directives: { can: vCan },
  template: `
    <div>
      <button v-can="'account.manage'">新建账号</button>
      <button v-can="'audit.verify'">校验完整性</button>
      <button>刷新</button>
    </div>`,
});

function loginWith(permissions: string[]) {
  useAuthStore().setSession({
    account: {
      id: 'a',
      username: 'u',
      displayName: '用户',
      courtId: 'c',
      courtName: '法院',
      departmentId: null,
      departmentName: null,
      mustChangePassword: false,
    },
    roles: [],
    permissions,
    scope: 'court',
    csrfToken: 't',
    expiresAt: '2030-01-01T00:00:00.000Z',
  } satisfies SessionView);
}

const buttons = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('button').map((b) => b.text());

describe('v-can', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the elements whose permission the session has and removes the rest', () => {
    loginWith(['account.manage']);
    expect(buttons(mount(Toolbar))).toEqual(['新建账号', '刷新']);
  });

  it('removes every guarded element when logged out', () => {
    expect(buttons(mount(Toolbar))).toEqual(['刷新']);
  });

  it('unmounts cleanly after removing elements', () => {
    loginWith([]);
    const wrapper = mount(Toolbar);
    expect(() => wrapper.unmount()).not.toThrow();
  });
});
