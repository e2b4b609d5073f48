import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('shows a <script> tag as text instead of running it', () => {
    const html = renderMarkdown('Before\n\n<script>alert(1)</script>\n\nafter');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows an inline <img onerror> as text, with no element to fire it', () => {
    const html = renderMarkdown('Look: <img src=x onerror="alert(1)"> here');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('drops javascript: links, whatever their case or escaping', () => {
    for (const source of ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java&#115;cript:alert(1))', '<javascript:alert(1)>']) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/href=/i);
      expect(html, source).not.toMatch(/<a\b/i);
    }
  });

  it('drops a javascript: image source', () => {
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toMatch(/<img/i);
  });

  it('still renders the Markdown questions are written in', () => {
    const html = renderMarkdown('**Bold** and `code`\n\n```sql\nSELECT 1 < 2;\n```\n\n[docs](https://trino.io/docs)');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<pre tabindex="0"><code class="language-sql">SELECT 1 &lt; 2;\n</code></pre>');
    expect(html).toContain('<a href="https://trino.io/docs" rel="nofollow noopener noreferrer">docs</a>');
  });
});
