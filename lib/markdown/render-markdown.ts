import MarkdownIt from 'markdown-it';

// Questions are written by users and shown to other users, so their Markdown is untrusted:
// - html: false shows raw HTML as text (no <script>, no <img onerror>);
// - markdown-it's default validateLink drops javascript:, vbscript:, file: and non-image data: URLs.
// Do not switch either off, and do not add a plugin that emits raw HTML, without a sanitiser after it.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Links point away from mockloop at pages nobody here vouches for.
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, index, options, env, self);
};

// Code blocks scroll sideways rather than widen the page; a keyboard user must be able to reach them to scroll.
for (const rule of ['fence', 'code_block'] as const) {
  const render = markdown.renderer.rules[rule]!;
  markdown.renderer.rules[rule] = (tokens, index, options, env, self) => render(tokens, index, options, env, self).replace(/^<pre/, '<pre tabindex="0"');
}

/** Markdown to HTML that is safe to insert into a page as-is. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
