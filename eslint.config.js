import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'data/generated/', 'test-results/', 'playwright-report/', '.helpers/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'KB and page text are rendered as text, never as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'KB and page text are rendered as text, never as HTML.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'KB and page text are rendered as text, never as HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'KB and page text are rendered as text, never as HTML.' },
      ],
    },
  },
  {
    // lib/ is framework-free and calls browser.* only in settings, messaging and platform.
    files: ['lib/**/*.ts'],
    ignores: ['lib/settings/**', 'lib/messaging/**', 'lib/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Only lib/settings, lib/messaging and lib/platform talk to the browser.' },
            { name: 'preact', message: 'lib/ is framework-free.' },
            { name: 'preact/hooks', message: 'lib/ is framework-free.' },
          ],
        },
      ],
    },
  },
  {
    // Tests build fixture pages from HTML strings they own; the rule guards product code.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
