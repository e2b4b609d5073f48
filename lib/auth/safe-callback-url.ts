/**
 * Where to send someone after signing in or up: a path on this site only. An absolute or protocol-relative URL
 * (or a backslash trick browsers normalise to one) would make the sign-in page an open redirect.
 */
export function safeCallbackUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
