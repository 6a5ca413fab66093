import { ApiError } from '../api/http';

/** Messages keyed by field path (`matrix.bands.red`, `clocks.limits.red.review`), shown under the field. */
export type FieldErrors = Record<string, string>;

/** The first message per field of a failed core-schema check, so the form says it before the server does. */
export function fieldErrorsOfIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The server's 400 field messages by path; empty for any other failure. */
export function fieldErrorsOfApiError(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  return Object.fromEntries(error.fields.map((field) => [field.path, field.message]));
}
