'use client';

import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface SideTab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The interviewer's side panel as tabs (questions, scorecard, notes), so "observed now" is one click away
 * while a long guide is open. Radix gives the ARIA tabs pattern (arrows wrap, Home, End, focus follows selection).
 * Every panel stays mounted: switching keeps drafts, editors and scroll. (Radix unmounts an unselected panel
 * unless `forceMount`, and then leaves hiding it to us.)
 */
export function SideTabs({ tabs, scrollResetKey }: { tabs: SideTab[]; scrollResetKey: string }) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? '');
  const panels = useRef<(HTMLDivElement | null)[]>([]);

  // A new round starts with every panel at its top, not wherever the last round's was scrolled to.
  useEffect(() => {
    for (const panel of panels.current) panel?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  return (
    <Tabs.Root className="tabs-root" value={selected} onValueChange={setSelected}>
      <Tabs.List className="side-tabs" aria-label="Interviewer panels">
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id}>
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab, index) => (
        <Tabs.Content
          key={tab.id}
          value={tab.id}
          forceMount
          hidden={tab.id !== selected}
          ref={(element) => {
            panels.current[index] = element;
          }}
          className="room-side-scroll"
        >
          {tab.content}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
