import type { StoryCoverage } from '@/lib/stories/story-coverage';

/** Which competencies the ledger's stories prove, and the ones still without a story. */
export function CompetencyCoverage({ coverage }: { coverage: StoryCoverage }) {
  const total = coverage.competencies.length;
  return (
    <section className="card competency-coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Competencies</h2>
      <p data-testid="coverage-summary">
        {coverage.uncovered.length === 0
          ? `Every competency has a story (${total} of ${total}).`
          : `${coverage.uncovered.length} of ${total} competencies have no story yet.`}
      </p>
      {coverage.uncovered.length > 0 ? (
        <ul className="badges uncovered-competencies" aria-label="Competencies without a story">
          {coverage.uncovered.map((entry) => (
            <li key={entry.competency} className="badge uncovered">
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="coverage-table">
        <caption className="visually-hidden">Stories per competency</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Stories</th>
          </tr>
        </thead>
        <tbody>
          {coverage.competencies.map((entry) => (
            <tr key={entry.competency}>
              <th scope="row">{entry.label}</th>
              <td>{entry.storyTitles.length === 0 ? <span className="muted">None yet</span> : entry.storyTitles.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
