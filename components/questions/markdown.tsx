import { renderMarkdown } from '@/lib/markdown/render-markdown';

interface MarkdownProps {
  source: string;
  className?: string;
}

/** Server component: the HTML is produced by renderMarkdown, which escapes raw HTML and drops unsafe links. */
export function Markdown({ source, className }: MarkdownProps) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
