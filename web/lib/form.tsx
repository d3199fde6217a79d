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

/** A checkbox or radio button with its label beside it. */
export const Check = (props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  type?: 'checkbox' | 'radio';
  name?: string;
}) => (
  <div class="check">
    <input
      type={props.type ?? 'checkbox'}
      id={props.id}
      name={props.name}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
    <label for={props.id}>{props.label}</label>
  </div>
);

/** What ties an input to its field: its id, and its error when it has one. */
export interface FieldAria {
  readonly id: string;
  readonly 'aria-invalid'?: 'true' | undefined;
  readonly 'aria-describedby'?: string | undefined;
}

/** An e-tag or code: left to right in Urdu too, never autofilled. */
export const CodeInput = (
  props: FieldAria & { name: string; placeholder?: string; defaultValue?: string },
) => <input dir="ltr" required maxLength={64} autoComplete="off" {...props} />;

/** A phone number input: left to right in Urdu too, the phone keypad, the browser's autofill. */
export const PhoneInput = (props: FieldAria) => (
  <input
    name="phone"
    type="tel"
    dir="ltr"
    required
    maxLength={40}
    autoComplete="tel"
    inputMode="tel"
    {...props}
  />
);
