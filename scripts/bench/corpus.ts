import { seededRandom } from './stats';

/**
 * Deterministic English text for the benchmarks: ordinary prose (news, tech, sports) with
 * physical-therapy sentences mixed in, the way a health story or a forum thread reads. The same
 * seed gives the same text everywhere, so runs compare.
 *
 * A piece of text is a list of segments; a term segment is a PT form taken from the KB, so the
 * page generator can wrap it (or split it with inline tags) and the counts can be checked.
 */
export type Segment = string | { readonly term: string };

export interface TextGenerator {
  /** One paragraph: 3 to 7 sentences. */
  paragraph(): Segment[];
  /** One sentence (prose or PT, by the PT share). */
  sentence(): Segment[];
  /** A short heading, sometimes with a term. */
  heading(): Segment[];
  /** A table cell's worth of text. */
  cell(): Segment[];
  /** A whole number in [low, high]. */
  integer(low: number, high: number): number;
  /** True with this probability. */
  chance(probability: number): boolean;
}

export interface GeneratorOptions {
  readonly seed: number;
  /** The PT forms to draw from (the KB's detectable forms). */
  readonly terms: readonly string[];
  /** Share of sentences about physical therapy. */
  readonly ptShare?: number;
}

const WORDS: Record<string, readonly string[]> = {
  official: ['The mayor', 'A spokesperson', 'The finance minister', 'The council leader', 'Regional officials', 'The committee chair', 'A senior adviser', 'The governor'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'the weekend', 'Sunday evening', 'late on Saturday'],
  institution: ['city council', 'transport authority', 'central bank', 'school board', 'housing agency', 'water utility', 'port authority', 'national library'],
  action: ['delay', 'review', 'expand', 'cut', 'fund', 'postpone', 'announce', 'reconsider'],
  plan: ['the budget for next year', 'a new bus network', 'the tram extension', 'plans for affordable housing', 'the flood defence project', 'a tax on vacant homes', 'the recycling contract', 'a pilot for free school meals'],
  place: ['the old harbour', 'the northern suburbs', 'the city centre', 'the river district', 'three coastal towns', 'the industrial estate', 'the university quarter', 'the market square'],
  number: ['twelve', 'forty', 'several hundred', 'about two thousand', 'nearly half', 'a third', 'dozens of', 'thousands of'],
  group: ['residents', 'commuters', 'teachers', 'shop owners', 'farmers', 'nurses', 'students', 'volunteers'],
  company: ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Vandelay Systems'],
  product: ['phone', 'laptop', 'browser', 'cloud platform', 'smart speaker', 'database', 'operating system', 'chat app'],
  feature: ['faster start-up times', 'a redesigned settings page', 'offline maps', 'better battery life', 'end-to-end encryption', 'a dark theme', 'support for larger files', 'shared calendars'],
  techNoun: ['compiler', 'cache layer', 'scheduler', 'rendering engine', 'payment service', 'search index', 'sync protocol', 'memory allocator'],
  techVerb: ['rewrote', 'open-sourced', 'deprecated', 'benchmarked', 'patched', 'profiled', 'migrated', 'shipped'],
  team: ['Riverside United', 'the Harbour Hawks', 'Northgate City', 'the Valley Rovers', 'Eastfield Athletic', 'the Capital Lions', 'Westbrook Town', 'the Coastal Sharks'],
  competition: ['the league', 'the cup quarter-final', 'a friendly', 'the regional final', 'the opening round', 'the derby', 'the play-offs', 'the season opener'],
  player: ['the captain', 'their young striker', 'the veteran goalkeeper', 'a substitute', 'the midfielder', 'the winger', 'the top scorer', 'the new signing'],
  score: ['2-1', '3-0', '1-1', '4-2', '0-0', '2-2', '1-0', '5-3'],
  person: ['My mother', 'A neighbour', 'Our coach', 'My brother', 'A colleague', 'My grandfather', 'The runner', 'A reader'],
  duration: ['two weeks', 'six weeks', 'three months', 'a few days', 'most of the winter', 'about a year', 'ten days', 'the whole season'],
  clinician: ['physiotherapist', 'physical therapist', 'GP', 'surgeon', 'sports doctor', 'hand therapist', 'nurse', 'trainer'],
  advice: ['gentle stretching', 'daily walks', 'ice and rest', 'a home exercise plan', 'strength work twice a week', 'better sleep', 'a slower return to running', 'pacing her activity'],
  feeling: ['sore', 'stiff', 'much better', 'worse in the morning', 'tired', 'a little weaker', 'fine at rest', 'frustrated'],
};

const PROSE: readonly string[] = [
  '{official} said on {day} that the {institution} would {action} {plan}.',
  'The decision affects {number} {group} in {place}, according to figures released on {day}.',
  'Critics argue that the {institution} has moved too slowly, while {group} in {place} want answers.',
  '{official} told reporters that {plan} remained the priority despite rising costs.',
  'Traffic in {place} was disrupted for hours after a burst pipe flooded two streets.',
  'Elections for the {institution} are due in the spring, and turnout is expected to be low.',
  '{company} said its new {product} brings {feature} and will ship to customers next month.',
  'Engineers at {company} {techVerb} the {techNoun}, cutting latency by almost a third.',
  'Reviewers praised the {product} for {feature}, though the price drew complaints.',
  'The outage at {company} lasted four hours and was traced to a faulty {techNoun}.',
  'Developers can try {feature} in the beta version of the {product} from {day}.',
  'A security researcher reported a flaw in the {techNoun}, which {company} {techVerb} within days.',
  '{team} beat {team} {score} in {competition} on {day}, with {player} scoring twice.',
  'The manager praised {player} after a difficult match against {team}.',
  'Ticket sales for {competition} rose sharply after {team} signed {player}.',
  '{team} drew {score} in {competition}, leaving them third in the table.',
  'Rain delayed the start of {competition} by forty minutes, but the crowd stayed.',
  'Fans in {place} celebrated late into the night after the final whistle.',
  'Prices at the market in {place} rose again this month, and {group} are feeling it.',
  'The weather service expects a dry week, with cooler nights in {place}.',
];

const PT: readonly string[] = [
  '{person} was told the pain came from {term}, and the {clinician} suggested {advice}.',
  'After {duration} of {term}, she felt {feeling} but could climb stairs again.',
  'The {clinician} explained that {term} is common in people who sit for long hours.',
  'Many runners with {term} recover with {advice} and a gradual return to training.',
  '{person} had {term} for {duration} before anyone suggested {term}.',
  'If {term} keeps you awake at night, ask your {clinician} about {term}.',
  'The study followed patients with {term} who were offered {term} or usual care.',
  'His {clinician} checked for {term} before starting {advice}.',
  'Signs of {term} can be subtle at first, so keep a note of what makes it {feeling}.',
  'Recovery from {term} took {duration}, helped by {term} and {advice}.',
];

const HEADINGS: readonly string[] = [
  'What the council decided',
  'Latest results',
  'Reader questions: {term}',
  'Living with {term}',
  'The week in technology',
  'Match report',
  'Ask the {clinician}: {term}',
  'Local news in brief',
];

const CELLS: readonly string[] = ['{term}', '{duration}', '{score}', '{team}', '{product}', '{feeling}', '{clinician}', '{term} and {term}'];

export function createTextGenerator(options: GeneratorOptions): TextGenerator {
  const random = seededRandom(options.seed);
  const ptShare = options.ptShare ?? 0.12;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fill = (template: string): Segment[] => {
    const segments: Segment[] = [];
    let text = '';
    for (const part of template.split(/(\{\w+\})/)) {
      const slot = /^\{(\w+)\}$/.exec(part)?.[1];
      if (slot === 'term') {
        if (text) segments.push(text);
        text = '';
        segments.push({ term: pick(options.terms) });
      } else if (slot) {
        text += pick(WORDS[slot] ?? [slot]);
      } else {
        text += part;
      }
    }
    if (text) segments.push(text);
    return segments;
  };
  const sentence = (): Segment[] => fill(pick(random() < ptShare ? PT : PROSE));
  return {
    sentence,
    paragraph: () => {
      const count = 3 + Math.floor(random() * 5);
      const segments: Segment[] = [];
      for (let index = 0; index < count; index++) {
        if (index > 0) segments.push(' ');
        segments.push(...sentence());
      }
      return segments;
    },
    heading: () => fill(pick(HEADINGS)),
    cell: () => fill(pick(CELLS)),
    integer: (low, high) => low + Math.floor(random() * (high - low + 1)),
    chance: (probability) => random() < probability,
  };
}

export function textOf(segments: readonly Segment[]): string {
  return segments.map((segment) => (typeof segment === 'string' ? segment : segment.term)).join('');
}

/** Paragraphs of plain text adding up to at least `characters` (one block each, as a page's <p>). */
export function generateParagraphs(options: GeneratorOptions & { readonly characters: number }): string[] {
  const generator = createTextGenerator(options);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < options.characters) {
    const text = textOf(generator.paragraph());
    paragraphs.push(text);
    total += text.length;
  }
  return paragraphs;
}

/** The first paragraphs adding up to at least `characters`. */
export function takeCharacters(paragraphs: readonly string[], characters: number): string[] {
  const taken: string[] = [];
  let total = 0;
  for (const paragraph of paragraphs) {
    if (total >= characters) break;
    taken.push(paragraph);
    total += paragraph.length;
  }
  return taken;
}

export const totalLength = (paragraphs: readonly string[]): number => paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
