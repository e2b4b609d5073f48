import type { InputHTMLAttributes, Ref } from 'react';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, name, errors, hint, id, ...inputProps }: TextFieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = errors?.length ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...inputProps} />
      {errors?.length ? (
        <p className="field-error" id={`${inputId}-error`} role="alert">
          {errors.join(' ')}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
