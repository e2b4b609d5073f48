import { layoutErDiagram } from '@/lib/er-diagram/layout-er-diagram';
import { readErModel } from '@/lib/er-diagram/read-er-model';
import { ErDiagramSvg } from './er-diagram-svg';

interface FinalErDiagramProps {
  /** The round's final document text. */
  text: string;
  roundNumber: number;
  idPrefix: string;
}

/**
 * A modeling round's final ER diagram in the report, drawn on the server from the final document: the page ships
 * the SVG, never the parser or the layout code. Nothing when the document has no CREATE TABLE statement.
 */
export function FinalErDiagram({ text, roundNumber, idPrefix }: FinalErDiagramProps) {
  const model = readErModel(text);
  if (model.tables.length === 0 && model.problems.length === 0) return null;
  return (
    <section className="report-er-diagram" aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`}>ER diagram</h3>
      <ErDiagramSvg layout={layoutErDiagram(model)} title={`ER diagram of round ${roundNumber}, from its final document`} idPrefix={idPrefix} />
    </section>
  );
}
