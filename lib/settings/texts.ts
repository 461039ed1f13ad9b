import type { SettingName } from './settings';

/**
 * What the options page says about each setting. Kept apart from the settings themselves, which
 * the content script loads on every page: it has no use for these sentences.
 */
export interface SettingText {
  readonly label: string;
  readonly description: string;
}

export const SETTING_TEXTS: Readonly<Record<SettingName, SettingText>> = {
  highlightEnabled: {
    label: 'Highlight terms on pages',
    description: 'Find physical-therapy terms on the pages you read and explain them when you point at them.',
  },
  disabledSites: {
    label: 'Sites where PhysioLens stays off',
    description: 'On these sites nothing is highlighted. Turn a site off from the popup, or add and remove sites here.',
  },
  shownCategories: {
    label: 'Kinds of terms to highlight',
    description: 'Highlight only the kinds of terms you want explained: conditions, treatments, anatomy and so on.',
  },
  everyOccurrence: {
    label: 'Highlight every occurrence',
    description: 'By default only the first mention of each term on a page is highlighted, to keep pages calm.',
  },
  highlightStyle: {
    label: 'How terms look',
    description: 'A dotted underline, a soft background tint, or nothing at all (the tooltip still opens when you point at a term).',
  },
  tooltipTrigger: {
    label: 'What opens the explanation',
    description: 'Pointing at a term, pointing while holding Alt (Option on a Mac), or clicking the term.',
  },
  hoverDelayMs: {
    label: 'Tooltip delay',
    description: 'How long the pointer rests on a term before its explanation opens, so it does not flash open as you move across a page.',
  },
  showBadge: {
    label: 'Count terms on the toolbar button',
    description: 'Shows how many different terms were found on the page you are reading.',
  },
  theme: {
    label: 'Theme',
    description: 'Light or dark for the tooltip, popup and side panel; "system" follows your computer.',
  },
  mutedTerms: {
    label: 'Terms you chose not to highlight',
    description: 'Terms you muted from their tooltip ("Don\'t highlight this term"). Restore one to see it highlighted again.',
  },
};
