import type { Ref, SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  /** A first, empty option ("Choose…"); submitting it leaves the field blank for validation to catch. */
  placeholder?: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, name, options, placeholder, errors, hint, id, ...selectProps }: SelectFieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = errors?.length ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...selectProps}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
