import type { FormItemRule } from 'element-plus';
import type { z } from 'zod';
import { zh } from '../locales/zh-CN';

interface ZodRuleOptions {
  /** Shows the asterisk; an optional field lets an empty value through without parsing. */
  required?: boolean;
  trigger?: 'blur' | 'change';
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * An Element Plus rule that validates with a core zod schema and reports its first issue,
 * so the browser says exactly what the server would (Chinese messages come from core).
 */
export function zodRule(schema: z.ZodType, { required = true, trigger = 'blur' }: ZodRuleOptions = {}): FormItemRule {
  return {
    required,
    trigger,
    validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
      if (!required && isEmpty(value)) return callback();
      const result = schema.safeParse(value);
      if (result.success) return callback();
      callback(new Error(result.error.issues[0]?.message ?? zh.errors.unexpected));
    },
  };
}

/** A required choice (select, tree select) with its own Chinese prompt. */
export function requiredChoice(message: string): FormItemRule {
  return {
    required: true,
    trigger: 'change',
    validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
      const empty = isEmpty(value) || (Array.isArray(value) && value.length === 0);
      callback(empty ? new Error(message) : undefined);
    },
  };
}
