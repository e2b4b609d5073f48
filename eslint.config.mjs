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

const serverOnlyContent = [
  {
    group: [
      '@/lib/content/*',
      '@/lib/questions/built-in-questions',
      '@/lib/questions/load-question-bank',
      '@/lib/questions/parse-question-file',
      '@/lib/rubric/signal-catalog',
      '@/lib/rubric/load-signal-catalog',
      '@/lib/sql-check/built-in-fixtures',
      'node:fs',
      'fs',
    ],
    message: 'The bank and rubric are server-only (read from content/): pass the fields a page may show as props.',
  },
];

const nextLinkOnIntent = { name: 'next/link', message: 'Use IntentLink (components/ui/intent-link.tsx): it prefetches on intent, not on sight.' };

const socketContractTypesOnly = {
  name: '@/lib/realtime/contract',
  allowTypeImports: true,
  message: 'Browser code imports the socket contract with `import type` only: its values are zod schemas.',
};

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
    // Issue 25: the question bank and the rubric are read from content/ with fs, on the server; their text reaches a
    // browser only as data a page may show. A component importing one would ship every guide in a public chunk.
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...dbAndServer, ...serverOnlyContent] }] },
  },
  {
    // Routes and actions may hand getDb() to a lib service, but never query Prisma themselves or touch server/.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: dbAndServer.slice(0, 2) }] },
  },
  {
    // Process-wide state is the server-to-app interface: it lives in lib/process-services.ts, typed and listed.
    ignores: ['lib/process-services.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'globalThis', message: 'Process-wide state lives in lib/process-services.ts: add a service there.' },
      ],
    },
  },
  {
    // The server, the routes and the domain log through lib/log.ts (pino): levels, ids, the stack of the unexpected.
    files: ['server/**/*.ts', 'lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
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
    // The socket contract carries the server's zod schemas: the browser takes its types only, so no schema (nor
    // zod with it) reaches a client bundle. A separate rule name, so the import boundaries above stay whole.
    files: ['app/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [socketContractTypesOnly, nextLinkOnIntent] }] },
  },
  {
    // Issue 21: components are what the browser downloads. Validation, Markdown and next-auth's client stay on the
    // server (the page budget in `npm run size` catches what slips in through an import further down).
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/**/*.test.ts', 'components/ui/intent-link.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            socketContractTypesOnly,
            { name: 'zod', allowTypeImports: true, message: 'Validate on the server; the browser takes the types (`import type`).' },
            { name: 'markdown-it', message: 'Render Markdown on the server (lib/markdown) and send the HTML.' },
            nextLinkOnIntent,
            { name: 'next-auth/react', message: 'Use components/auth/auth-requests.ts: next-auth\'s client costs every page 12 KB.' },
          ],
        },
      ],
    },
  },
  {
    // create-socket-server.ts wires the handlers and the node link together; importing it back from them was a
    // cycle. The types they share live in socket-types.ts.
    files: ['server/realtime/**/*.ts'],
    ignores: ['server/realtime/create-socket-server.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['./create-socket-server', '@/server/realtime/create-socket-server'], message: 'Import the socket types from ./socket-types: create-socket-server.ts imports this file.' },
          ],
        },
      ],
    },
  },
  {
    // Issue 20: what a lib command changed reaches sockets and the registry only through its domain events and
    // the one publisher (server/realtime/publish-domain-events.ts); handlers do not fan out by hand.
    files: ['server/**/*.ts'],
    ignores: ['server/realtime/publish-domain-events.ts', 'server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='emit'][arguments.0.value=/^(doc:read-only|round:clock|twist:fired|twist:guide)$/]",
          message: 'Return a domain event from the lib command and let the publisher (publish-domain-events.ts) send it.',
        },
        {
          selector: "CallExpression[callee.property.name='markReadOnly']",
          message: 'Documents close in the lib command (closeDocuments) and reach the registry as a documents-closed event.',
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
