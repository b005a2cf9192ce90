/** Form validation results for catalog drafts: every error names the field it belongs under. */
export interface FieldError<F extends string = string> {
  readonly field: F;
  readonly message: string;
}

export type DraftResult<T, F extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FieldError<F>[] };

/** The message for `field`, if any (the first one: the screen shows one line per input). */
export function errorFor<F extends string>(errors: readonly FieldError<F>[], field: F): string | null {
  return errors.find((e) => e.field === field)?.message ?? null;
}
