'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface SideTab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The interviewer's side panel as tabs (questions, scorecard, notes), so "observed now" is one click away
 * while a long guide is open. Every panel stays mounted: switching keeps drafts, editors and scroll.
 */
export function SideTabs({ tabs, scrollResetKey }: { tabs: SideTab[]; scrollResetKey: string }) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? '');
  const baseId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const panels = useRef<(HTMLDivElement | null)[]>([]);

  // A new round starts with every panel at its top, not wherever the last round's was scrolled to.
  useEffect(() => {
    for (const panel of panels.current) panel?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  // Arrow keys move between tabs (wrapping), Home and End to the first and last, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelected(tabs[next]!.id);
    buttons.current[next]?.focus();
  };

  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Interviewer panels">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${tab.id}-tab`}
            aria-selected={tab.id === selected}
            aria-controls={`${baseId}-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => setSelected(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div
          key={tab.id}
          ref={(element) => {
            panels.current[index] = element;
          }}
          role="tabpanel"
          id={`${baseId}-${tab.id}`}
          aria-labelledby={`${baseId}-${tab.id}-tab`}
          className="room-side-scroll"
          hidden={tab.id !== selected}
        >
          {tab.content}
        </div>
      ))}
    </>
  );
}
