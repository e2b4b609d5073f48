import { renderMarkdown } from '@/lib/markdown/render-markdown';
import { RenderedMarkdown } from './rendered-markdown';

interface MarkdownProps {
  source: string;
  className?: string;
}

/** Server components only: renders `source` here, so markdown-it stays on the server. */
export function Markdown({ source, className }: MarkdownProps) {
  return <RenderedMarkdown html={renderMarkdown(source)} {...(className ? { className } : {})} />;
}
