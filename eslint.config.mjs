import { defineConfig, globalIgnores } from 'eslint/config';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import { builtinRules } from 'eslint/use-at-your-own-risk';

// The architecture's one-way data flow (transport → lib → db), enforced rather than hoped for.
const dbAndServer = [
  { group: ['@/server/*', '**/server/*'], message: 'Only server/ may import server/. Go through lib/.' },
  { group: ['@/lib/generated/*', '**/generated/prisma/*'], message: 'The Prisma client is reached through lib/ services only.' },
  { group: ['@/lib/db', '**/lib/db'], message: 'The database is reached through lib/ services only; pass getDb() from a route or action.' },
];

// Issue 20 (actions): shapes the one-helper, one-guard, one-type refactor removed. The core no-restricted-syntax rule
// under names of its own, one per shape, so these entries and any other no-restricted-syntax entry apply side by side
// (flat config lets the last entry's options replace the others' for the same rule name).
const restrictedSyntax = builtinRules.get('no-restricted-syntax');
const actionsShapes = { rules: { 'one-transaction-type': restrictedSyntax, 'enum-from-prisma': restrictedSyntax, 'action-state-in-lib': restrictedSyntax } };
// Distinctive values of the Prisma enums: a list typed out with one of them is a copy of an enum.
const PRISMA_ENUM_VALUE = /^(PYTHON_ETL|EASY|SCHEDULED|PAUSED|INTERVIEWER_NOTES|LEAN_YES|MEETS_STAFF_BAR|WAITING|MULTI_ORG|MENTORING|MISMATCH|NOT_MET)$/;

export default defineConfig([
  globalIgnores(['.next/**', 'node_modules/**', 'lib/generated/**', '.data/**', '.scratch/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: dbAndServer }] },
  },
  {
    // Routes and actions may hand getDb() to a lib service, but never query Prisma themselves or touch server/.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: dbAndServer.slice(0, 2) }] },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '**/app/*'], message: 'lib/ must not depend on routes.' },
            { group: ['@/server/*', '**/server/*'], message: 'lib/ must not depend on the custom server.' },
            { group: ['@/components/*', '**/components/*'], message: 'lib/ must not depend on React components.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    ignores: ['lib/db.ts'],
    plugins: { actions: actionsShapes },
    rules: {
      'actions/one-transaction-type': [
        'error',
        { selector: "TSQualifiedName[left.name='Prisma'][right.name='TransactionClient']", message: 'Use DbTx from lib/db.ts: one transaction type.' },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { actions: actionsShapes },
    rules: {
      'actions/enum-from-prisma': [
        'error',
        {
          selector: `TSAsExpression > ArrayExpression:has(> Literal[value=${PRISMA_ENUM_VALUE}])`,
          message: 'A Prisma enum listed by hand: read it from @/lib/generated/prisma/enums with enumValues (lib/enum-values.ts).',
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    plugins: { actions: actionsShapes },
    rules: {
      'actions/action-state-in-lib': [
        'error',
        {
          selector: 'ExportNamedDeclaration > :matches(TSTypeAliasDeclaration, TSInterfaceDeclaration)[id.name=/^(?!Connection).*(State|Result)$/]',
          message: 'A server action state type lives in lib/, beside the schema of what it carries (lib/http/form-state.ts for the shapes).',
        },
      ],
    },
  },
]);
