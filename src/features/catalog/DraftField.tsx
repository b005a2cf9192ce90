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

/** The end of a catalog form: why saving failed (if it did) and the confirm button `<form>-confirm`. */
export function DraftActions({
  form,
  failure,
  busy,
  onConfirm,
  children,
}: {
  form: string;
  failure: string | null;
  busy: boolean;
  onConfirm: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid={`${form}-confirm`}
        disabled={busy}
        onClick={onConfirm}
      >
        {children}
      </button>
    </>
  );
}
