import { describe, expect, it } from 'vitest';
import { readErModel } from './read-er-model';
import { renderMermaidEr } from './render-mermaid-er';

describe('renderMermaidEr', () => {
  it('writes tables, keys and both kinds of reference as a Mermaid erDiagram', () => {
    const model = readErModel(`
CREATE TABLE dim_store (store_key BIGINT PRIMARY KEY, name TEXT);
CREATE TABLE fact_sale (
  sale_id BIGINT,
  store_key BIGINT,
  amount DECIMAL(18,2),
  till_id INT REFERENCES tills(till_id)
) PARTITIONED BY (ds VARCHAR);
CREATE TABLE tills (till_id INT);`);

    expect(renderMermaidEr(model)).toBe(
      [
        'erDiagram',
        '    dim_store {',
        '        BIGINT store_key PK',
        '        TEXT name',
        '    }',
        '    fact_sale {',
        '        BIGINT sale_id',
        '        BIGINT store_key FK',
        '        DECIMAL amount "DECIMAL(18,2)"',
        '        INT till_id FK',
        '        VARCHAR ds "partition"',
        '    }',
        '    tills {',
        '        INT till_id',
        '    }',
        '    tills ||--o{ fact_sale : "till_id"',
        '    dim_store ||..o{ fact_sale : "store_key"',
      ].join('\n'),
    );
  });
});
