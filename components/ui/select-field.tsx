import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldShell } from './field-shell';

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
  return (
    <FieldShell label={label} id={id ?? `field-${name}`} errors={errors} hint={hint}>
      {(control) => (
        <select name={name} {...control} {...selectProps}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
