import type { RoundKind } from '../rounds/round-kind';

/** The folder of each round kind under content/questions/ and its file under content/rubric/ (`<dir>.yaml`). */
export const CONTENT_DIR_OF_KIND: Record<RoundKind, string> = {
  SQL: 'sql',
  PYTHON_ETL: 'python-etl',
  DATA_MODELING: 'data-modeling',
  SYSTEM_DESIGN: 'system-design',
  PRODUCT_SENSE: 'product-sense',
  BEHAVIORAL: 'behavioral',
};
