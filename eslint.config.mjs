// `npm run lint` (office-addin-lint) picks this file up instead of its built-in config: the
// Office add-in rules and Prettier, extended to .tsx (the plugin's preset covers .ts only) and
// tuned for TypeScript. `no-undef` is off because the type checker already knows globals such
// as `Excel` and `Office` (typescript-eslint's advice).
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import reactHooks from 'eslint-plugin-react-hooks';

const [javascript, typescript, addin] = officeAddins.configs.recommended;

export default [
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', 'coverage/**'] },
  javascript,
  typescript,
  { ...addin, files: ['**/*.{js,mjs,cjs,ts,tsx}'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'no-undef': 'off',
      'prettier/prettier': ['error', { singleQuote: true, printWidth: 140, trailingComma: 'all', endOfLine: 'auto' }],
    },
  },
  {
    // React's rules of hooks, for the pane only (elsewhere `useCode1994` is a building code, not a hook).
    files: ['src/taskpane/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // ExcelJS and file parsing are not Office.js: its load/sync rules do not apply there.
    files: ['src/workbook/exceljs/**', 'src/sources/tabular/**'],
    rules: { 'office-addins/load-object-before-read': 'off', 'office-addins/call-sync-before-read': 'off' },
  },
];
