import { vi } from 'vitest';
import { reactive } from 'vue';

/**
 * For unit tests of a page that keeps its filters in the URL: a route whose query the test sets, and
 * a router whose `replace` moves it, as vue-router would. vi.mock runs before the test's own lines, so
 * take it through vi.hoisted:
 *
 *   const router = await vi.hoisted(async () => (await import('…/fake-router')).fakeRouter('cases'));
 *   vi.mock('vue-router', router.mockModule);
 */
export function fakeRouter(name: string) {
  const route = reactive({ name, query: {} as Record<string, unknown> });
  const replace = vi.fn(async ({ query }: { query: Record<string, unknown> }) => {
    route.query = query;
  });
  const push = vi.fn();
  const mockModule = async (importOriginal: <T>() => Promise<T>) => ({
    ...(await importOriginal<typeof import('vue-router')>()),
    useRoute: () => route,
    useRouter: () => ({ replace, push }),
  });
  return { route, replace, push, mockModule };
}
