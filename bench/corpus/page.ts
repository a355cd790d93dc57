import { seeded } from './prng.js';
import type { Random } from './prng.js';

/** One generated case study: its front matter values and its Markdown body (no front matter). */
export interface CaseStudy {
  slug: string;
  title: string;
  summary: string;
  country: string;
  year: number;
  date: string;
  tags: string[];
  body: string;
}

const WORDS = {
  en: (
    'peer naloxone overdose service outreach network training kit supply community harm reduction ' +
    'programme people evaluation drop-in night shelter pharmacy nurse volunteer funding law police stigma ' +
    'trust'
  ).split(' '),
  uk: (
    'рівний налоксон передозування служба аутріч мережа навчання набір постачання громада зменшення шкоди ' +
    'програма люди оцінка центр ніч притулок аптека медсестра волонтер фінансування закон поліція стигма ' +
    'довіра'
  ).split(' '),
  ar: (
    'أقران نالوكسون جرعة خدمة توعية شبكة تدريب مجموعة توريد مجتمع الحد الضرر برنامج الناس تقييم مركز ليل ' + 'مأوى صيدلية ممرضة متطوع تمويل قانون شرطة وصمة ثقة'
  ).split(' '),
} as const;
export type Language = keyof typeof WORDS;
export const LANGUAGES: readonly Language[] = ['en', 'uk', 'ar'];

const COUNTRIES = ['CA', 'NO', 'UA', 'EE', 'GB', 'FR', 'DE', 'KE', 'AU', 'US', 'BR', 'IN', 'ZA', 'PT', 'CZ'];
const TAGS = ['peer-led', 'national programme', 'legal barriers', 'outreach', 'pharmacy', 'prisons', 'nasal naloxone', 'evaluation'];

const sentence = (random: Random, words: readonly string[], length: number) => {
  const list = Array.from({ length }, () => random.pick(words));
  const first = list[0]!;
  list[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${list.join(' ')}.`;
};

/** A paragraph of 3–5 sentences with emphasis, strong text and one external link. */
function paragraph(random: Random, words: readonly string[]): string {
  const sentences = Array.from({ length: random.int(3, 5) }, () => sentence(random, words, random.int(8, 14)));
  const word = random.pick(words);
  sentences[0] = sentences[0]!.replace(/ (\S+) /, ' *$1* ');
  sentences[1] = sentences[1]!.replace(/ (\S+) (\S+) /, ' **$1 $2** ');
  sentences.push(`See [${word} ${random.pick(words)}](https://example.org/${encodeURIComponent(word)}/${random.int(1, 999)}).`);
  return sentences.join(' ');
}

/**
 * The Markdown body of case study `index` in `language` (about 2 KB): ## and ### headings,
 * paragraphs with emphasis and links, a list, a GFM table, a blockquote and a footnote.
 * The words differ by language; the structure is the same, as in a real translation.
 */
export function body(index: number, language: Language): string {
  const random = seeded(index * 7919 + LANGUAGES.indexOf(language) + 1);
  const words = WORDS[language];
  const heading = () => sentence(random, words, random.int(2, 4)).slice(0, -1);
  const list = Array.from({ length: random.int(3, 5) }, () => `- ${sentence(random, words, random.int(4, 8))}`).join('\n');
  const rows = Array.from({ length: 3 }, (_, row) => `| ${2015 + row} | ${random.int(10, 900)} | ${random.pick(words)} |`).join('\n');
  return (
    [
      `## ${heading()}`,
      `${paragraph(random, words)}[^1]`,
      `### ${heading()}`,
      paragraph(random, words),
      list,
      `## ${heading()}`,
      paragraph(random, words),
      `| Year | Kits | Note |\n|---|--:|---|\n${rows}`,
      `### ${heading()}`,
      `> ${sentence(random, words, random.int(10, 16))}`,
      paragraph(random, words),
      `[^1]: ${sentence(random, words, random.int(6, 10))}`,
    ].join('\n\n') + '\n'
  );
}

/** Case study `index` (0-based) in `language`: front matter values and body. */
export function caseStudy(index: number, language: Language): CaseStudy {
  const random = seeded(index * 104729 + 17);
  const words = WORDS[language];
  const title = sentence(random, words, random.int(3, 6)).slice(0, -1);
  const summary = sentence(random, words, random.int(14, 22));
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const year = random.int(2005, 2024);
  const tags = [random.pick(TAGS), random.pick(TAGS)].filter((tag, at, all) => all.indexOf(tag) === at);
  return {
    slug: `case-${String(index + 1).padStart(5, '0')}`,
    title,
    summary,
    country: random.pick(COUNTRIES),
    year,
    date: `${year}-${month}-${day}`,
    tags,
    body: body(index, language),
  };
}
