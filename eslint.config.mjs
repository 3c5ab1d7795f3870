import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The floors of Kasdesa, top to bottom: a module may import its own floor and
 * those below it, never one above. `npm run lint` fails on an import that runs
 * back up (docs/architecture.md draws the same floors).
 */
const FLOORS = [
  ['src/cli'],
  ['src/composition'],
  ['src/http', 'src/web'],
  ['src/demo', 'src/audit', 'src/import'],
  ['src/reports'],
  ['src/scenario'],
  ['src/access'],
  ['src/app', 'src/sync'],
  ['projections/read-models'],
  ['projections/folds'],
  ['projections/engine'],
  ['src/eventstore'],
  ['src/domain'],
  ['migrations'],
  // Named limits: importing nothing, importable from every floor.
  ['src/limits.ts'],
];

const layeringZones = FLOORS.flatMap((floor, index) =>
  floor.map((target) => ({
    target: `./${target}`,
    from: FLOORS.slice(0, index)
      .flat()
      .map((above) => `./${above}`),
    message: `${target} sits below these folders and may not import them (see eslint.config.mjs FLOORS).`,
  })),
).filter((zone) => zone.from.length > 0);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/results/', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The one plain-JavaScript file: a worker thread that starts without a TypeScript loader.
    files: ['src/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'projections/**/*.ts', 'migrations/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layeringZones }] },
  },
);
