export const PASSWORD_MIN_LENGTH = 10;

const CHARACTER_CLASSES: readonly { label: string; test: RegExp }[] = [
  { label: '小写字母', test: /[a-z]/ },
  { label: '大写字母', test: /[A-Z]/ },
  { label: '数字', test: /[0-9]/ },
  { label: '符号', test: /[^A-Za-z0-9]/ },
];

/**
 * 口令策略 (GB/T 22239-2019 等保2.0 三级 8.1.4.1 a: 口令具有复杂度要求):
 * at least 10 characters, at least three of four character classes, and not containing
 * the account name. Returns Chinese reasons; an empty list means the password is acceptable.
 */
export function checkPasswordPolicy(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  const classes = CHARACTER_CLASSES.filter((c) => c.test.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含账号名');
  return problems;
}
