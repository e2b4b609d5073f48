import { describe, expect, it } from 'vitest';
import type { BoardElement } from './board-scene';
import { PIPELINE_LIBRARY } from './pipeline-library';
import { renderBoardSvg } from './render-board-svg';

function element(id: string, type: string, extra: Partial<BoardElement> = {}): BoardElement {
  return { id, type, version: 1, versionNonce: 1, index: `a${id}`, x: 0, y: 0, width: 100, height: 50, strokeColor: '#1e1e1e', backgroundColor: 'transparent', ...extra };
}

describe('renderBoardSvg', () => {
  it('draws each type the board offers, in z-order, sized to what was drawn', () => {
    const svg = renderBoardSvg([
      element('3', 'text', { text: 'orders', x: 10, y: 10 }),
      element('1', 'rectangle', { backgroundColor: '#a5d8ff' }),
      element('2', 'ellipse', { x: 200 }),
      element('4', 'diamond', { y: 100 }),
      element('5', 'arrow', { x: 100, y: 25, points: [[0, 0], [100, 0]], endArrowhead: 'arrow' }),
      element('6', 'line', { points: [[0, 0], [0, 80]] }),
      element('7', 'freedraw', { points: [[0, 0], [5, 5], [10, 3]] }),
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<rect x="0" y="0" width="100" height="50" rx="0" fill="#a5d8ff"');
    expect(svg).toContain('<ellipse cx="250" cy="25"');
    expect(svg).toContain('<polygon');
    expect(svg.match(/<polyline/g)).toHaveLength(4); // arrow, its head, line, freedraw
    expect(svg.indexOf('<rect x="0"')).toBeLessThan(svg.indexOf('<ellipse'));
    expect(svg.indexOf('<ellipse')).toBeLessThan(svg.indexOf('>orders<'));
    // From x -20 (padding) to 300 + 20: the ellipse ends at 300.
    expect(svg).toContain('viewBox="-20 -20 340 190"');
  });

  it('escapes text and refuses colours that could carry markup', () => {
    const svg = renderBoardSvg([element('1', 'text', { text: '</svg><script>alert(1)</script> & "q"', strokeColor: 'red" onload="x' })], 'A <b> board');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(svg).not.toContain('onload');
    expect(svg).toContain('aria-label="A &lt;b&gt; board"');
  });

  it('leaves out deleted elements and types it does not draw, and says when nothing was drawn', () => {
    expect(renderBoardSvg([element('1', 'rectangle', { isDeleted: true })])).toContain('Nothing was drawn.');
    const svg = renderBoardSvg([element('1', 'image'), element('2', 'rectangle')]);
    expect(svg.match(/<rect/g)).toHaveLength(2); // the background and the rectangle
  });

  it('is deterministic, and draws every built-in pipeline shape', () => {
    const scene = PIPELINE_LIBRARY.flatMap((item) => item.elements);
    expect(renderBoardSvg(scene)).toBe(renderBoardSvg([...scene].reverse()));
    for (const item of PIPELINE_LIBRARY) expect(renderBoardSvg(item.elements)).toMatch(/<(rect|ellipse|polygon) /);
    expect(renderBoardSvg(scene)).toContain('>Warm: object store<');
  });
});
