import type { ReactNode } from 'react';

/**
 * One input of a catalog form (new lot, new product) with its error right under it; the test id
 * of the input is `<form>-<field>`, of the error `<form>-error-<field>`.
 */
export function DraftField({
  form,
  field,
  label,
  error,
  children,
}: {
  form: string;
  field: string;
  label: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {error ? (
        <span role="alert" className="error" data-testid={`${form}-error-${field}`}>
          {error}
        </span>
      ) : null}
    </label>
  );
}
