/**
 * The authoring format of the demo content. Demo articles are written in a
 * compact markup (see `demo-markup.ts`) so they read like copy, and are
 * turned into the structured body on seeding.
 *
 * Body markup, one block per paragraph, blocks separated by a blank line:
 *   plain text              a paragraph; inline **bold**, *italic*, [text](https://...)
 *   ## Heading              a heading (### for a subheading)
 *   > text                  a block quote
 *   - item                  a bullet list (consecutive lines)
 *   1. item                 a numbered list (consecutive lines)
 *   [[related:some-key]]    an inline related-article block pointing at the demo article `some-key`
 */
export interface DemoArticle {
  /** Stable key, used by `[[related:key]]` blocks and `picks`. kebab-case. */
  key: string;
  title: string;
  /** One or two sentences: the standfirst shown in lists, feeds and meta description. */
  lead: string;
  /** Section slug: politics | business | society | defense | world | culture */
  section: DemoSectionSlug;
  /** Tag names as shown to readers, e.g. 'NATO', 'Bulgaria', 'Energy prices'. */
  tags: string[];
  /** Author keys, see DEMO_AUTHORS. */
  authors: string[];
  /** Source key, see DEMO_SOURCES; omit for the newsroom's own reporting. */
  source?: string;
  /** Publication time as Sofia local time, 'YYYY-MM-DD HH:mm'. */
  published: string;
  body: string;
  /** Editors' picks for related articles, by key. */
  picks?: string[];
  /** Dated correction notes, Sofia local time. */
  corrections?: { at: string; text: string }[];
  /** Omit for published. */
  status?: 'draft' | 'scheduled';
}

export type DemoSectionSlug = 'politics' | 'business' | 'society' | 'defense' | 'world' | 'culture';
