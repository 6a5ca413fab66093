/** `el-tree-select` field mapping for courts and departments (`id` / `name` / `children`). */
export const ID_NAME_TREE_PROPS = { value: 'id', label: 'name', children: 'children' } as const;

/** The same, with disabled departments visible but not selectable. */
export const ENABLED_DEPARTMENT_TREE_PROPS = {
  ...ID_NAME_TREE_PROPS,
  disabled: (department: { enabled: boolean }) => !department.enabled,
};
