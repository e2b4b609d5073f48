/**
 * User text made literal inside a LIKE/ILIKE pattern: without this, "100%" would match "100 users". Backslash is
 * PostgreSQL's default LIKE escape, and Prisma's `contains` passes the text to ILIKE as it is.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
