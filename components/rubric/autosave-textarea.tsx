'use client';

import { useEffect, useRef, useState } from 'react';

interface AutosaveTextareaProps {
  id: string;
  label: string;
  savedValue: string;
  maxLength: number;
  disabled?: boolean;
  rows?: number;
  placeholder?: string;
  /** Called after typing pauses, and on leaving the field. */
  onSave: (value: string) => void;
}

const PAUSE_MS = 800;

/**
 * A textarea that saves itself when typing pauses. What is being typed stays on screen: a save answering, or
 * a change from another tab, replaces the text only while the field is not being edited.
 */
export function AutosaveTextarea({ id, label, savedValue, maxLength, disabled, rows = 3, placeholder, onSave }: AutosaveTextareaProps) {
  const [value, setValue] = useState(savedValue);
  const isEditing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(savedValue);

  useEffect(() => {
    if (!isEditing.current) {
      setValue(savedValue);
      lastSent.current = savedValue;
    }
  }, [savedValue]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const flush = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text === lastSent.current) return;
    lastSent.current = text;
    onSave(text);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        disabled={disabled}
        placeholder={placeholder}
        onFocus={() => {
          isEditing.current = true;
        }}
        onChange={(event) => {
          const text = event.target.value;
          setValue(text);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(text), PAUSE_MS);
        }}
        onBlur={(event) => {
          isEditing.current = false;
          flush(event.target.value);
        }}
      />
    </div>
  );
}
