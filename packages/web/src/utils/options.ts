/** `{ value, label }` choices for an `el-select` from one of core's label maps, in its order. */
export function labelOptions<Key extends string>(labels: Readonly<Record<Key, string>>): { value: Key; label: string }[] {
  return (Object.entries(labels) as [Key, string][]).map(([value, label]) => ({ value, label }));
}
