import { BEHAVIORAL_QUESTIONS } from './built-in/behavioral';
import { DATA_MODELING_QUESTIONS } from './built-in/data-modeling';
import { PRODUCT_SENSE_QUESTIONS } from './built-in/product-sense';
import { PYTHON_ETL_QUESTIONS } from './built-in/python-etl';
import { SQL_QUESTIONS } from './built-in/sql';
import { SYSTEM_DESIGN_QUESTIONS } from './built-in/system-design';
import type { Question } from './question-types';

export const BUILT_IN_QUESTIONS: readonly Question[] = [
  ...SQL_QUESTIONS,
  ...PYTHON_ETL_QUESTIONS,
  ...DATA_MODELING_QUESTIONS,
  ...SYSTEM_DESIGN_QUESTIONS,
  ...PRODUCT_SENSE_QUESTIONS,
  ...BEHAVIORAL_QUESTIONS,
];
