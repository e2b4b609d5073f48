interface ReadOnlyCodeProps {
  text: string;
  label: string;
}

/**
 * A final document, rendered on the server: numbered lines (CSS counters, so copying takes the text alone), wrapped,
 * selectable. No editor is loaded for text nobody edits any more.
 */
export function ReadOnlyCode({ text, label }: ReadOnlyCodeProps) {
  const lines = text.split('\n');
  return (
    <div className="read-only-code" data-testid="final-document" role="region" aria-label={label} tabIndex={0}>
      <pre>
        {lines.map((line, index) => (
          <span className="code-line" key={index}>
            {line}
            {index < lines.length - 1 ? '\n' : null}
          </span>
        ))}
      </pre>
    </div>
  );
}
