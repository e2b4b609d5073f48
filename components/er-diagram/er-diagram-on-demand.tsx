'use client';

import dynamic from 'next/dynamic';
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// The live ER diagram brings the SQL parser and the graph layout (about 80 KB compressed). A modeling round often
// opens with prose, a grain and a list of facts before any DDL, so the diagram's chunk is fetched only once the
// editor holds a CREATE TABLE; until then this file, which weighs next to nothing, says what will appear here.

const LiveErDiagram = dynamic(() => import('./live-er-diagram').then((module) => module.LiveErDiagram), {
  loading: () => <p className="muted er-diagram-loading">Loading the ER diagram…</p>,
});

const CREATE_TABLE = /\bcreate\s+table\b/i;

interface ErDiagramOnDemandProps {
  /** The round editor's text; null until the editor has bound its document. */
  text: Y.Text | null;
  title: string;
  idPrefix: string;
}

export function ErDiagramOnDemand({ text, title, idPrefix }: ErDiagramOnDemandProps) {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!text) return () => {};
      text.observe(onChange);
      return () => text.unobserve(onChange);
    },
    [text],
  );
  const hasTable = useSyncExternalStore(
    subscribe,
    () => (text ? CREATE_TABLE.test(text.toString()) : false),
    () => false,
  );
  if (hasTable) return <LiveErDiagram text={text} title={title} idPrefix={idPrefix} />;
  return (
    <section className="er-diagram-panel" aria-labelledby={`${idPrefix}-heading`}>
      <div className="er-diagram-bar">
        <h2 id={`${idPrefix}-heading`}>ER diagram</h2>
      </div>
      <div className="er-diagram-body">
        <figure className="er-diagram" data-testid="er-diagram" data-table-count={0} data-edge-count={0}>
          <p className="muted er-diagram-empty">No table yet: write a CREATE TABLE statement and it is drawn here.</p>
        </figure>
      </div>
    </section>
  );
}
