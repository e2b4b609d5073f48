import type { InputHTMLAttributes, Ref } from 'react';
import { FieldShell } from './field-shell';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, name, errors, hint, id, ...inputProps }: TextFieldProps) {
  return (
    <FieldShell label={label} id={id ?? `field-${name}`} errors={errors} hint={hint}>
      {(control) => <input name={name} {...control} {...inputProps} />}
    </FieldShell>
  );
}
