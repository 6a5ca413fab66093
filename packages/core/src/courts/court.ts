/** 法院层级：高院 → 中院 → 基层（人民法院组织法 2018 第十二条）。 */
export const COURT_LEVELS = ['high', 'intermediate', 'basic'] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export const courtLevelLabel: Record<CourtLevel, string> = {
  high: '高级人民法院',
  intermediate: '中级人民法院',
  basic: '基层人民法院',
};

/** The level a court directly under `parent` must have; undefined when none may be created. */
export function childCourtLevel(parent: CourtLevel): CourtLevel | undefined {
  if (parent === 'high') return 'intermediate';
  if (parent === 'intermediate') return 'basic';
  return undefined;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
}

export type Tree<T> = T & { children: Tree<T>[] };

/** Builds a forest from flat rows; rows whose parent is not in the list become roots. */
export function buildTree<T extends TreeNode>(rows: readonly T[]): Tree<T>[] {
  const nodes = new Map<string, Tree<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: Tree<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of `rootId` and every descendant of it in a flat parent list. */
export function collectDescendantIds(rows: readonly TreeNode[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.parentId) continue;
    const list = childrenOf.get(row.parentId) ?? [];
    list.push(row.id);
    childrenOf.set(row.parentId, list);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return result;
}

/** True when making `newParentId` the parent of `id` would put `id` under itself. */
export function wouldCreateCycle(rows: readonly TreeNode[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return collectDescendantIds(rows, id).has(newParentId);
}
