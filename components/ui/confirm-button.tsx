'use client';

import { useId, useRef, type ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The button's label, and the confirming button's. */
  label: ReactNode;
  /** What the dialog asks, as a question ("End this round?"). */
  title: string;
  /** What happens, and what cannot be undone. */
  consequence: ReactNode;
  confirmLabel: string;
  className?: string;
  disabled?: boolean;
  onConfirm: () => void;
}

/**
 * A button for an act that cannot be taken back: it opens a modal <dialog> that says what will happen and waits
 * for a second, deliberate click. The browser's modal dialog traps focus, makes the page behind it inert and closes
 * on Escape; focus starts on *Cancel*, so Enter pressed out of habit does nothing harmful.
 */
export function ConfirmButton({ label, title, consequence, confirmLabel, className = 'button', disabled, onConfirm }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const open = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  const confirm = () => {
    dialog.current?.close();
    onConfirm();
  };

  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={open}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <h2 id={titleId}>{title}</h2>
        <div id={descriptionId}>{consequence}</div>
        <div className="confirm-actions">
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="button danger" onClick={confirm}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
