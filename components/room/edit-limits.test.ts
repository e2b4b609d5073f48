import { describe, expect, it } from 'vitest';
import { splitByUtf8Bytes, utf8ByteLength } from './edit-limits';

describe('splitByUtf8Bytes', () => {
  it('cuts text into pieces within the byte limit that join back to the text, never inside a character', () => {
    const text = 'ab€𝄞c'.repeat(50); // 1, 1, 3, 4 (a surrogate pair) and 1 bytes
    for (const maxBytes of [4, 5, 7, 64]) {
      const pieces = splitByUtf8Bytes(text, maxBytes);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(utf8ByteLength(piece)).toBeLessThanOrEqual(maxBytes);
        expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    }
  });

  it('keeps text that fits as one piece, and gives nothing for no text', () => {
    expect(splitByUtf8Bytes('SELECT 1', 1_024)).toEqual(['SELECT 1']);
    expect(splitByUtf8Bytes('SELECT 1', Infinity)).toEqual(['SELECT 1']);
    expect(splitByUtf8Bytes('', 16)).toEqual([]);
  });
});
