'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { layoutErDiagram, type ErLayout } from '@/lib/er-diagram/layout-er-diagram';
import { readErModel } from '@/lib/er-diagram/read-er-model';
import { ErDiagramSvg } from './er-diagram-svg';

// The modeling round's live ER diagram: it watches the round editor's shared text (the Y.Text the editor is bound
// to, so both people see the same drawing without any message of its own) and draws it again once the typing
// pauses. The room loads this file (and with it the SQL parser and dagre) only in a modeling round, once the
// editor holds a CREATE TABLE (er-diagram-on-demand.tsx).

/** Long enough that a burst of typing is parsed once, short enough to feel live. */
const REDRAW_AFTER_MS = 300;

interface LiveErDiagramProps {
  /** The round editor's text; null until the editor has bound its document. */
  text: Y.Text | null;
  title: string;
  idPrefix: string;
}

function draw(text: string): ErLayout {
  return layoutErDiagram(readErModel(text));
}

export function LiveErDiagram({ text, title, idPrefix }: LiveErDiagramProps) {
  const [layout, setLayout] = useState<ErLayout>(() => draw(text?.toString() ?? ''));
  const [isHidden, setIsHidden] = useState(false);

  useEffect(() => {
    if (!text) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      timer = null;
      setLayout(draw(text.toString()));
    };
    const onChange = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(redraw, REDRAW_AFTER_MS);
    };
    // The editor may have rebound to a new document (a refused edit starts it over): draw that one now.
    redraw();
    text.observe(onChange);
    return () => {
      text.unobserve(onChange);
      if (timer !== null) clearTimeout(timer);
    };
  }, [text]);

  return (
    <section className="er-diagram-panel" aria-labelledby={`${idPrefix}-heading`} data-hidden={isHidden ? 'true' : undefined}>
      <div className="er-diagram-bar">
        <h2 id={`${idPrefix}-heading`}>ER diagram</h2>
        <button type="button" className="link-button" aria-expanded={!isHidden} onClick={() => setIsHidden((hidden) => !hidden)}>
          {isHidden ? 'Show' : 'Hide'}
        </button>
      </div>
      {isHidden ? null : (
        <div className="er-diagram-body">
          <ErDiagramSvg layout={layout} title={title} idPrefix={idPrefix} />
        </div>
      )}
    </section>
  );
}
