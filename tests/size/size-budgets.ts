// The JavaScript a page may send, in KB as the browser receives it: brotli, which every current browser takes over
// HTTPS and on localhost (issue 21). The room is allowed more: it carries the shared editor (CodeMirror and Yjs) and
// the socket client. Its budget holds without a board or a call open, for either role. A room whose round shows the
// board also loads Excalidraw (a chunk of its own, components/board/board-loader.tsx, about 390 KB), once the board is
// shown. A modeling round's editor colours SQL by default (its grammar, about 32 KB) and, once it holds a CREATE
// TABLE, draws the ER diagram (the SQL parser and layout, about 80 KB). Each has a budget of its own, so neither
// creeps into the other rooms unnoticed: a modeling room on its editor tab (`erRoom`), and a room showing its board
// (`boardRoom`).
export const SIZE_BUDGETS_KB = { room: 250, erRoom: 370, boardRoom: 655, page: 150 } as const;

export type PageKind = keyof typeof SIZE_BUDGETS_KB;

export function budgetFor(kind: PageKind): number {
  return SIZE_BUDGETS_KB[kind];
}

/**
 * Routes a page may prefetch on load, before the user points at anything: each is a server render. Links prefetch on
 * intent (components/ui/intent-link.tsx); a page may still warm the one or two it knows come next.
 */
export const MAX_PREFETCHES_ON_LOAD = 2;
