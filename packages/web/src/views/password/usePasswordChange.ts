import { checkPasswordPolicy } from '@courtrisk/core';
import type { FormInstance } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useRouter } from 'vue-router';
import { showError, showSuccess } from '../../components/feedback';
import { useSessionActions } from '../../composables/useSessionActions';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { createPasswordRules, type PasswordForm } from './rules';

export function usePasswordChange() {
  const auth = useAuthStore();
  const router = useRouter();

  const username = () => auth.account?.username ?? '';
  /** Read once: after the change the flag clears, but the page should not flip its banner mid-submit. */
  const forced = auth.mustChangePassword;
  const formRef = ref<FormInstance>();
  const form = reactive<PasswordForm>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const rules = createPasswordRules(form, username);
  const submitting = ref(false);

  /** What the new password still lacks, live while typing (core's policy, the same the server applies). */
  const policyProblems = computed(() => checkPasswordPolicy(form.newPassword, username()));

  async function submit(): Promise<void> {
    if (submitting.value) return;
    const valid = await formRef.value?.validate().catch(() => false);
    if (!valid) return;
    submitting.value = true;
    try {
      await auth.changePassword({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      showSuccess(zh.password.changed);
      await router.replace('/');
    } catch (error) {
      showError(error);
    } finally {
      submitting.value = false;
    }
  }

  function back(): void {
    if (window.history.state?.back) router.back();
    else void router.push('/');
  }

  const { logout } = useSessionActions();

  return { auth, forced, formRef, form, rules, submitting, policyProblems, submit, back, logout };
}
