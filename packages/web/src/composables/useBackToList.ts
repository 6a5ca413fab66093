import { useRouter } from 'vue-router';

/**
 * A detail page's 返回 button. When the page before it was the list, go back through history: the
 * list comes back as the user left it (its filters and page are in that URL) and Back/Forward stay in
 * step. Otherwise (a bookmark, a new tab, a link from the workbench or another list) open the list.
 */
export function useBackToList(name: string) {
  const router = useRouter();
  return (): void => {
    const previous: unknown = window.history.state?.back;
    if (typeof previous === 'string' && router.resolve(previous).name === name) router.back();
    else void router.push({ name });
  };
}
