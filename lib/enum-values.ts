// The database's enums are declared once, in prisma/schema.prisma. Prisma generates them as plain objects in
// lib/generated/prisma/enums.ts, a file with no import (no Prisma runtime), so browser bundles may carry it.
// The lists pickers and zod schemas take are read from there, in the schema's order, never typed out again.

/** A generated enum's values in schema order: a non-empty list, as z.enum takes. */
export function enumValues<E extends Record<string, string>>(generated: E): readonly [E[keyof E], ...E[keyof E][]] {
  return Object.values(generated) as [E[keyof E], ...E[keyof E][]];
}
