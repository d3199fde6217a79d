/** A labelled form field with its hint and its error right beside it (announced to screen readers). */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly tag?: string;
  readonly children: ComponentChildren;
}

export const describedBy = (id: string, hint: boolean, error: boolean): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const Field = ({ id, label, hint, error, tag, children }: FieldProps) => (
  <div class={error ? 'field invalid' : 'field'}>
    <label for={id}>
      {label}
      {tag && <span class="tag"> ({tag})</span>}
    </label>
    {hint && (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    )}
    {children}
    {error && (
      <p class="error" id={`${id}-error`} role="alert">
        {error}
      </p>
    )}
  </div>
);

/** Reads a form's named fields as strings (trimmed; empty → undefined). */
export const formValues = (form: HTMLFormElement): Record<string, string | undefined> => {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of new FormData(form)) {
    const text = typeof value === 'string' ? value.trim() : '';
    values[key] = text === '' ? undefined : text;
  }
  return values;
};
