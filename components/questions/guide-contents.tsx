import type { QuestionGuideView } from '@/lib/questions/question-views';
import { RenderedMarkdown } from './rendered-markdown';

/**
 * The body of a question's interviewer guide, shared by the bank's question page and the live room. Render it
 * only with a guide the server returned, i.e. one the viewer may see.
 */
export function GuideContents({ guide }: { guide: QuestionGuideView }) {
  return (
    <>
      <h3>Solution</h3>
      {guide.solution.trim() ? <RenderedMarkdown html={guide.solutionHtml} /> : <p className="muted">No solution written yet.</p>}

      {guide.hints.length > 0 ? (
        <>
          <h3>Hints</h3>
          <ol className="hints">
            {guide.hints.map((hint, index) => (
              <li key={index}>{hint}</li>
            ))}
          </ol>
        </>
      ) : null}

      {guide.probes.length > 0 ? (
        <>
          <h3>Follow-up probes</h3>
          <ul className="probes">
            {guide.probes.map((probe, index) => (
              <li key={index}>
                <span className="badge level">{probe.level}</span> {probe.prompt}
                {probe.lookFor ? <p className="look-for">Look for: {probe.lookFor}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {guide.twists.length > 0 ? (
        <>
          <h3>Twists</h3>
          <ul className="twists">
            {guide.twists.map((twist) => (
              <li key={twist.key}>
                <strong>{twist.title}</strong>: {twist.prompt}
                {twist.strongAnswer ? <p className="look-for">Strong answer: {twist.strongAnswer}</p> : null}
                <p className="look-for">Probes: {guide.signalLabels[twist.probesSignalKey] ?? twist.probesSignalKey}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {guide.signalKeys.length > 0 ? (
        <>
          <h3>Signals</h3>
          <p className="badges">
            {guide.signalKeys.map((key) => (
              <span className="badge" key={key}>
                {guide.signalLabels[key] ?? key}
              </span>
            ))}
          </p>
        </>
      ) : null}
    </>
  );
}
