import type { LoginInput } from '@courtrisk/core';
import type { FormInstance } from 'element-plus';
import { reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { errorMessage } from '../../components/feedback';
import { safeRedirect } from '../../router/guard';
import { useAuthStore } from '../../stores/auth';

export function useLogin() {
  const auth = useAuthStore();
  const router = useRouter();
  const route = useRoute();

  const formRef = ref<FormInstance>();
  const form = reactive<LoginInput>({ username: '', password: '' });
  const submitting = ref(false);
  /** The server's Chinese reason (wrong password, locked for N minutes, too many attempts). */
  const failure = ref('');

  async function submit(): Promise<void> {
    if (submitting.value) return;
    const valid = await formRef.value?.validate().catch(() => false);
    if (!valid) return;
    submitting.value = true;
    failure.value = '';
    try {
      await auth.login({ username: form.username.trim(), password: form.password });
      // The guard sends a must-change-password session on to /password.
      await router.replace(safeRedirect(route.query.redirect) ?? '/');
    } catch (error) {
      failure.value = errorMessage(error);
      form.password = '';
    } finally {
      submitting.value = false;
    }
  }

  return { formRef, form, submitting, failure, submit };
}
