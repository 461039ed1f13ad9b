// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTheme } from '../../components/useSettings';

/**
 * The colours of components/ui.css pass WCAG AA in light and in dark: text 4.5:1, and the lines
 * that make out a control, a body-map region or the focus ring 3:1 against what is next to them.
 */
const css = readFileSync(resolve(import.meta.dirname, '../../components/ui.css'), 'utf8');
const tokens = new Map<string, { light: string; dark: string }>();
for (const match of css.matchAll(/--([a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
  tokens.set(match[1]!, { light: match[2]!, dark: match[3]! });
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const TEXT: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['accent-fg', 'accent'],
  ['chip-fg', 'chip-bg'],
  ['fg', 'active-bg'],
  ['accent', 'active-bg'],
  ['fg', 'help-bg'],
  ['accent', 'help-bg'],
  ['fg', 'mark'],
  ['danger', 'bg'],
  ['danger-fg', 'danger'],
];
const NON_TEXT: [string, string][] = [
  ['control-line', 'bg'],
  ['control-line', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['focus', 'body'],
  ['focus', 'region'],
  ['body-line', 'bg'],
  ['region-line', 'bg'],
  ['region-line', 'body'],
  ['region-selected', 'region'],
  ['region-selected', 'body'],
  ['help-line', 'bg'],
];

describe('the colours of the extension pages', () => {
  it('are all given for light and dark', () => {
    expect(tokens.size).toBeGreaterThan(20);
  });
  for (const scheme of ['light', 'dark'] as const) {
    it.each(TEXT)(`${scheme}: text %s on %s is at least 4.5:1`, (fg, bg) => {
      expect(contrast(tokens.get(fg)![scheme], tokens.get(bg)![scheme])).toBeGreaterThanOrEqual(4.5);
    });
    it.each(NON_TEXT)(`${scheme}: %s next to %s is at least 3:1`, (a, b) => {
      expect(contrast(tokens.get(a)![scheme], tokens.get(b)![scheme])).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('the theme setting', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', undefined],
  ] as const)('%s sets data-theme on <html> to %s', (theme, attribute) => {
    applyTheme('dark');
    applyTheme(theme);
    expect(document.documentElement.dataset.theme).toBe(attribute);
  });

  it('has a rule for each manual choice', () => {
    expect(css).toContain(":root[data-theme='light'] { color-scheme: light; }");
    expect(css).toContain(":root[data-theme='dark'] { color-scheme: dark; }");
  });
});
