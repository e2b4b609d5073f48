import type { Ref, TextareaHTMLAttributes } from 'react';

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextareaField({ label, name, errors, hint, id, ...textareaProps }: TextareaFieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = errors?.length ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <textarea id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...textareaProps} />
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
