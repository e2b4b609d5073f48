import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll, so the page never scrolls sideways on a phone. It is focusable and named,
 * so a keyboard user can reach it and scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
