interface RenderedMarkdownProps {
  /** HTML from lib/markdown/render-markdown.ts, made on the server: it escapes raw HTML and drops unsafe links. */
  html: string;
  className?: string;
}

/** Markdown the server already rendered; usable from client components, which never ship a Markdown parser. */
export function RenderedMarkdown({ html, className }: RenderedMarkdownProps) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
