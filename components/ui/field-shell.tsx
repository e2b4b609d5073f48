import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldShellProps {
  label: string;
  id: string;
  errors?: string[];
  hint?: string;
  /** Renders the control with the ids and ARIA wiring that tie it to its label, error and hint. */
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, and then either the field's errors (announced) or its hint: the same for every input kind. */
export function FieldShell({ label, id, errors, hint, children }: FieldShellProps) {
  const hasErrors = Boolean(errors?.length);
  const describedBy = hasErrors ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': hasErrors ? true : undefined, 'aria-describedby': describedBy })}
      {hasErrors ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors!.join(' ')}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
