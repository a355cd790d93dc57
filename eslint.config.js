// ESLint's and typescript-eslint's recommended rules, nothing more (issue 30): the compiler's
// strict mode already checks types; these catch what it does not (unused code, `any`, slips).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/lib/',
    '**/dist/',
    '**/node_modules/',
    'test/fixtures/',
    'test/.tmp/',
    '**/.cache/',
    '**/.briefkit-cache/',
    'bench/.corpus/',
    'bench/.out/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    // Served to browsers as a classic script, next to Pagefind's UI.
    files: ['templates/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', location: 'readonly', Event: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', PagefindUI: 'readonly' },
    },
  },
);
