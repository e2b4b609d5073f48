import { describe, expect, it } from 'vitest';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { layoutErDiagram, type ErLayout, type ErLayoutBox } from './layout-er-diagram';
import { readErModel } from './read-er-model';

function overlaps(a: ErLayoutBox, b: ErLayoutBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(layout: ErLayout) {
  for (const [index, box] of layout.boxes.entries()) {
    for (const other of layout.boxes.slice(index + 1)) expect(overlaps(box, other), `${box.table.name} overlaps ${other.table.name}`).toBe(false);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
  }
}

const MANY_TABLES = Array.from({ length: 12 }, (_, index) =>
  index === 0
    ? `CREATE TABLE fact_hub (${Array.from({ length: 11 }, (__, other) => `t${other + 1}_key BIGINT`).join(', ')});`
    : `CREATE TABLE dim_t${index} (t${index}_key BIGINT PRIMARY KEY, label VARCHAR(${index * 10}), t${(index % 11) + 1}_key BIGINT);`,
).join('\n');

describe('layoutErDiagram', () => {
  it('never overlaps two boxes, in the built-in answers or a dozen linked tables', () => {
    const texts = BUILT_IN_QUESTIONS.filter((question) => question.roundKind === 'DATA_MODELING').map((question) => question.interviewerView.solution);
    for (const text of [...texts, MANY_TABLES]) {
      const layout = layoutErDiagram(readErModel(text.replaceAll('```sql', '').replaceAll('```', '')));
      expect(layout.boxes.length).toBeGreaterThan(2);
      expectNoOverlap(layout);
    }
  });

  it('starts and ends each edge on the side of its boxes, at the rows of the joined columns', () => {
    const layout = layoutErDiagram(readErModel('CREATE TABLE fact_sale (sale_id INT, note TEXT, store_key INT);\nCREATE TABLE dim_store (label TEXT, store_key INT);'));
    const [edge] = layout.edges;
    const from = layout.boxes.find((box) => box.table.name === 'fact_sale')!;
    const to = layout.boxes.find((box) => box.table.name === 'dim_store')!;

    expect(layout.edges).toHaveLength(1);
    const start = edge!.points[0]!;
    const end = edge!.points.at(-1)!;
    expect([from.x, from.x + from.width]).toContain(start.x);
    expect(start.y).toBe(from.rows.find((row) => row.column.name === 'store_key')!.y);
    expect([to.x, to.x + to.width]).toContain(end.x);
    expect(end.y).toBe(to.rows.find((row) => row.column.name === 'store_key')!.y);
    expect(from.rows.find((row) => row.column.name === 'store_key')!.marker).toBe('FK');
  });

  it('lays out an empty model as nothing', () => {
    expect(layoutErDiagram(readErModel('no tables here'))).toMatchObject({ width: 0, height: 0, boxes: [], edges: [] });
  });
});
