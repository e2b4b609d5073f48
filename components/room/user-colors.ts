// Apart from the editor so that the replay can colour authors without loading CodeMirror.

/** A stable colour per user, so everyone sees the same person in the same colour. */
export function colorForUser(userId: string): { color: string; colorLight: string } {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return { color: `hsl(${hue} 70% 38%)`, colorLight: `hsl(${hue} 70% 45% / 0.18)` };
}
