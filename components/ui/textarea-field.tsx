import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldShell } from './field-shell';

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextareaField({ label, name, errors, hint, id, ...textareaProps }: TextareaFieldProps) {
  return (
    <FieldShell label={label} id={id ?? `field-${name}`} errors={errors} hint={hint}>
      {(control) => <textarea name={name} {...control} {...textareaProps} />}
    </FieldShell>
  );
}
