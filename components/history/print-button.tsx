'use client';

/** Opens the browser's print dialog; the report's print styles hide navigation and controls. */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print
    </button>
  );
}
