import { randomBytes } from 'node:crypto';

// The headers every response carries (pages, route handlers, static files, socket.io's polling). Framework
// free: the custom server applies them to each request before Next or socket.io sees it.

export interface SecurityHeaderOptions {
  /** Fresh per request; Next reads it back from the request's CSP header and puts it on its inline scripts. */
  nonce: string;
  /** Next's dev server evaluates code (React's debugging, hot reload), which 'unsafe-eval' has to allow. */
  isDev: boolean;
  /** Served to the browser over TLS (directly or through a trusted proxy): adds HSTS. */
  isTls: boolean;
}

export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * What the app truly needs, and nothing from another origin:
 * - scripts: our own files plus Next's inline bootstrap scripts, which carry the per-request nonce; and
 *   'wasm-unsafe-eval', which lets a page compile WebAssembly and nothing else (no eval of JavaScript): the board
 *   (Excalidraw) subsets the fonts it embeds in its library previews and exports with WebAssembly it carries in
 *   its own chunk. Without it the subsetting fails and Excalidraw falls back to fetching fonts from esm.sh, which
 *   connect-src refuses. It is on every page because a policy is fixed when a document loads, and the room is
 *   usually reached by client-side navigation;
 * - styles: our own files plus inline styles, because React `style` attributes (charts, the replay, the
 *   editor) and CodeMirror's injected <style> elements cannot carry a nonce;
 * - connections: the same origin only (fetches and the socket.io websocket; CSP3's 'self' covers ws/wss);
 * - images: ours, plus data:/blob: URLs (inline SVG icons, downloads made in the browser).
 */
export function buildContentSecurityPolicy({ nonce, isDev }: Pick<SecurityHeaderOptions, 'nonce' | 'isDev'>): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Invite links carry their token in the path: no page under /invite/ may leak its URL in a Referer. */
export function referrerPolicyFor(pathname: string): string {
  return pathname.startsWith('/invite/') ? 'no-referrer' : 'strict-origin-when-cross-origin';
}

export function securityHeadersFor(pathname: string, options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': buildContentSecurityPolicy(options),
    'referrer-policy': referrerPolicyFor(pathname),
    'x-content-type-options': 'nosniff',
    // For browsers that predate frame-ancestors.
    'x-frame-options': 'DENY',
    // The room's call (issue 22) uses the camera and microphone, from our own origin only (never an embedded
    // frame). Allowed on every page, not just the room: a policy is fixed when a document loads, and the room is
    // usually reached by client-side navigation from a page that would otherwise have denied them for good.
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.isTls ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
