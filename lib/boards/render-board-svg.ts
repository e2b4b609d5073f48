import type { BoardElement } from './board-scene';
import { compareElements } from './board-scene';

// The final board as an SVG string, drawn on the server (Excalidraw's own export needs a DOM). Clean shapes rather
// than the hand-drawn look: this is for reading a design back in the report, the print view and the export. Only
// the element types the board offers are drawn (rectangle, ellipse, diamond, arrow, line, freedraw, text); text is
// escaped, colours are checked, and the output is the same for the same scene (no ids, no randomness).

const PADDING = 20;
const EMPTY_BOARD = { width: 320, height: 80 };

type Point = [number, number];

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** A colour as Excalidraw stores it (#hex, a name, transparent); anything else is drawn in the default. */
function color(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/.test(value) ? value : fallback;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function pointsOf(element: BoardElement): Point[] {
  if (!Array.isArray(element.points)) return [];
  return element.points.filter((point): point is Point => Array.isArray(point) && point.length >= 2).map(([x, y]) => [num(x), num(y)]);
}

function boxOf(element: BoardElement): Box {
  const x = num(element.x);
  const y = num(element.y);
  const points = pointsOf(element);
  if (points.length > 0) {
    const xs = points.map(([px]) => x + px);
    const ys = points.map(([, py]) => y + py);
    return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
  }
  const width = num(element.width);
  const height = num(element.height);
  return { minX: Math.min(x, x + width), minY: Math.min(y, y + height), maxX: Math.max(x, x + width), maxY: Math.max(y, y + height) };
}

function strokeAttributes(element: BoardElement): string {
  const width = Math.max(0.5, Math.min(num(element.strokeWidth, 2), 16));
  const dash = element.strokeStyle === 'dashed' ? ` stroke-dasharray="${fmt(width * 4)} ${fmt(width * 3)}"` : element.strokeStyle === 'dotted' ? ` stroke-dasharray="${fmt(width)} ${fmt(width * 2)}"` : '';
  const opacity = Math.max(0, Math.min(num(element.opacity, 100), 100)) / 100;
  return `stroke="${color(element.strokeColor, '#1e1e1e')}" stroke-width="${fmt(width)}"${dash}${opacity < 1 ? ` opacity="${fmt(opacity)}"` : ''}`;
}

function fillOf(element: BoardElement): string {
  const fill = color(element.backgroundColor, 'transparent');
  return fill === 'transparent' ? 'none' : fill;
}

function rotation(element: BoardElement): string {
  const angle = num(element.angle);
  if (angle === 0) return '';
  const centerX = num(element.x) + num(element.width) / 2;
  const centerY = num(element.y) + num(element.height) / 2;
  return ` transform="rotate(${fmt((angle * 180) / Math.PI)} ${fmt(centerX)} ${fmt(centerY)})"`;
}

function arrowHead(from: Point, to: Point, element: BoardElement): string {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const size = 10 + num(element.strokeWidth, 2) * 2;
  const wing = (offset: number): Point => [to[0] - size * Math.cos(angle + offset), to[1] - size * Math.sin(angle + offset)];
  const [left, right] = [wing(Math.PI / 7), wing(-Math.PI / 7)];
  return `<polyline points="${fmt(left[0])},${fmt(left[1])} ${fmt(to[0])},${fmt(to[1])} ${fmt(right[0])},${fmt(right[1])}" fill="none" ${strokeAttributes(element)} stroke-linecap="round" stroke-linejoin="round"/>`;
}

function drawShape(element: BoardElement): string {
  const x = num(element.x);
  const y = num(element.y);
  const width = num(element.width);
  const height = num(element.height);
  const common = `fill="${fillOf(element)}" ${strokeAttributes(element)}${rotation(element)}`;
  switch (element.type) {
    case 'rectangle': {
      const radius = element.roundness ? Math.min(Math.abs(width), Math.abs(height)) * 0.15 : 0;
      return `<rect x="${fmt(Math.min(x, x + width))}" y="${fmt(Math.min(y, y + height))}" width="${fmt(Math.abs(width))}" height="${fmt(Math.abs(height))}" rx="${fmt(radius)}" ${common}/>`;
    }
    case 'ellipse':
      return `<ellipse cx="${fmt(x + width / 2)}" cy="${fmt(y + height / 2)}" rx="${fmt(Math.abs(width) / 2)}" ry="${fmt(Math.abs(height) / 2)}" ${common}/>`;
    case 'diamond': {
      const points: Point[] = [
        [x + width / 2, y],
        [x + width, y + height / 2],
        [x + width / 2, y + height],
        [x, y + height / 2],
      ];
      return `<polygon points="${points.map(([px, py]) => `${fmt(px)},${fmt(py)}`).join(' ')}" ${common}/>`;
    }
    case 'arrow':
    case 'line':
    case 'freedraw': {
      const points = pointsOf(element).map(([px, py]): Point => [x + px, y + py]);
      if (points.length < 2) return '';
      const isClosedFill = element.type === 'line' && fillOf(element) !== 'none';
      const line = `<polyline points="${points.map(([px, py]) => `${fmt(px)},${fmt(py)}`).join(' ')}" fill="${isClosedFill ? fillOf(element) : 'none'}" ${strokeAttributes(element)} stroke-linecap="round" stroke-linejoin="round"${rotation(element)}/>`;
      if (element.type !== 'arrow') return line;
      const heads = [
        element.endArrowhead !== null ? arrowHead(points.at(-2)!, points.at(-1)!, element) : '',
        element.startArrowhead ? arrowHead(points[1]!, points[0]!, element) : '',
      ];
      return line + heads.join('');
    }
    case 'text': {
      const text = typeof element.text === 'string' ? element.text : '';
      const fontSize = Math.max(4, Math.min(num(element.fontSize, 20), 200));
      const lineHeight = fontSize * Math.max(1, Math.min(num(element.lineHeight, 1.25), 3));
      const align = element.textAlign === 'center' ? 'middle' : element.textAlign === 'right' ? 'end' : 'start';
      const anchorX = align === 'middle' ? x + width / 2 : align === 'end' ? x + width : x;
      const lines = text.split('\n');
      const spans = lines
        .map((line, index) => `<tspan x="${fmt(anchorX)}" y="${fmt(y + fontSize + index * lineHeight - (lineHeight - fontSize) / 2)}">${escapeXml(line)}</tspan>`)
        .join('');
      return `<text font-family="Virgil, 'Segoe Print', 'Comic Sans MS', sans-serif" font-size="${fmt(fontSize)}" text-anchor="${align}" fill="${color(element.strokeColor, '#1e1e1e')}"${rotation(element)}>${spans}</text>`;
    }
    default:
      // Types the board does not offer (images, embeds, frames) are left out rather than guessed at.
      return '';
  }
}

/** The visible elements in z-order, drawn into one self-contained SVG sized to what was drawn. */
export function renderBoardSvg(elements: readonly BoardElement[], title = 'Board'): string {
  const visible = elements.filter((element) => !element.isDeleted).sort(compareElements);
  const label = escapeXml(title);
  if (visible.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${EMPTY_BOARD.width} ${EMPTY_BOARD.height}" width="${EMPTY_BOARD.width}" height="${EMPTY_BOARD.height}" role="img" aria-label="${label}"><title>${label}</title><rect width="100%" height="100%" fill="#ffffff"/><text x="50%" y="50%" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#8a919e">Nothing was drawn.</text></svg>`;
  }
  const boxes = visible.map(boxOf);
  const minX = Math.min(...boxes.map((box) => box.minX)) - PADDING;
  const minY = Math.min(...boxes.map((box) => box.minY)) - PADDING;
  const width = Math.max(...boxes.map((box) => box.maxX)) + PADDING - minX;
  const height = Math.max(...boxes.map((box) => box.maxY)) + PADDING - minY;
  const body = visible.map(drawShape).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${fmt(minX)} ${fmt(minY)} ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" role="img" aria-label="${label}">` +
    `<title>${label}</title><rect x="${fmt(minX)}" y="${fmt(minY)}" width="${fmt(width)}" height="${fmt(height)}" fill="#ffffff"/>${body}</svg>`
  );
}
