import os from 'node:os';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { ENTRIES } from '../db/migrations/0015-postgres-newest-matches.js';
import { readEvery } from '../lib/read-every.js';
import type { Matcher } from './ranked-search.js';
import type { SearchEngine } from './search-engines.js';
import { headlineExpression } from './search-query.js';
import { pairKey, termsOf, wordPairs, type Term } from './snippet.js';

/**
 * Search on PostgreSQL: a visible article's words in `article_search`, two
 * `tsvector`s, each with a GIN index: its whole text (`document`) and its
 * headline's and standfirst's (`headline`, migration 0011); beside each
 * its pairs of neighbouring words, for phrases (`pairs` and
 * `headline_pairs`, migrations 0013 and 0016: phrasePairs); every
 * article's headline and standfirst, for the back office, in a stored
 * column on `articles` (`title_words`, indexed by articles_title_words;
 * migration 0010) and one word to a row in `headline_words` (a B-tree in
 * word order, kept by a trigger; migration 0014); tag names by an
 * expression index (tags_name_words;
 * migrations-pg/0008-schema). Ranking, visibility and
 * snippets are rankedSearch's, as on SQLite.
 *
 * A document holds its words twice: as typed (the `simple` configuration,
 * which any language's words go through unchanged: Bulgarian, names) and
 * stemmed as English (`floods` finds `flood`). Accents are folded
 * (`newsdesk_unaccent`, over the `unaccent` extension), case too, as FTS5's
 * unicode61 folds them. A query's terms come from toMatchExpression, so
 * nothing typed reaches the text search parser but letters and digits.
 * Under a SearchIndex (search-engines.ts).
 */
export function postgresEngine(
  db: Db,
  { span, walk = WALK }: { span?: number; walk?: number } = {},
): SearchEngine {
  if (!(walk >= 1)) throw new Error(`walk: ${walk} entries; at least 1`);
  const titleFrequencies = headlineFrequencies(db, 'articles', 'title_words');
  const lexemes = lexemesOf(db);
  return {
    // Turning text into entries is the work, on the server's cores; ours stand for them.
    writers: Math.min(8, Math.max(2, os.availableParallelism())),
    matcher: textSearch(db, lexemes, span, walk),
    async insert(trx, documents) {
      if (documents.length === 0) return;
      const text = (value: string | Uint8Array) =>
        typeof value === 'string' ? value : decoder.decode(value);
      const bodies = documents.map((d) => text(d.body));
      const pairs = documents.map((d, i) => [...wordPairs([d.title, d.lead, d.tags, bodies[i]])].join(','));
      const headlinePairs = documents.map((d) => [...wordPairs([d.title, d.lead])].join(','));
      await sql`insert into article_search (article_id, document, headline, pairs, headline_pairs)
        select d.id, w.simple || to_tsvector('english', t.text),
          -- The headline's and standfirst's, as articles.title_words holds them (migration 0010).
          to_tsvector('simple', newsdesk_unaccent(d.title || ' ' || d.lead)),
          -- Neighbouring words, for phrases (migrations 0013 and 0016), each as one text: unnest
          -- takes no arrays of arrays.
          string_to_array(d.pairs, ',')::bigint[], string_to_array(d.headline_pairs, ',')::bigint[]
        from unnest(${documents.map((d) => d.id)}::integer[], ${documents.map((d) => d.title)}::text[],
          ${documents.map((d) => d.lead)}::text[], ${documents.map((d) => d.tags)}::text[],
          ${bodies}::text[], ${pairs}::text[], ${headlinePairs}::text[])
          as d(id, title, lead, tags, body, pairs, headline_pairs)
        cross join lateral (select newsdesk_unaccent(d.title || ' ' || d.lead || ' ' || d.tags || ' ' || d.body) as text) as t
        cross join lateral (select to_tsvector('simple', t.text) as simple) as w
        on conflict (article_id) do update
          set document = excluded.document, headline = excluded.headline, pairs = excluded.pairs,
            headline_pairs = excluded.headline_pairs`.execute(trx);
    },
    async remove(trx, articleIds) {
      await (
        articleIds === 'all'
          ? sql`delete from article_search`
          : sql`delete from article_search where article_id = any(${articleIds}::integer[])`
      ).execute(trx);
    },
    // A GIN index takes many writes as they come (its pending list is merged by autovacuum).
    async bulk() {},
    async tidy() {},
    // Built once over 100,000 entries, a GIN index is smaller than kept up entry by entry, and a
    // rebuild takes less time with them down (docs/PERFORMANCE.md).
    async indexes(state) {
      if (state === 'down') {
        for (const name of Object.keys(ENTRY_INDEXES))
          await sql`drop index if exists ${sql.ref(name)}`.execute(db);
        return;
      }
      const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes
        where schemaname = current_schema() and tablename = 'article_search'`.execute(db);
      const there = new Set(rows.map((row) => row.name));
      const missing = Object.entries(ENTRY_INDEXES).filter(([name]) => !there.has(name));
      if (missing.length === 0) return;
      // Each build with room to sort its entries: the connection's own setting, then back.
      await db.connection().execute(async (connection) => {
        await sql`set maintenance_work_mem = '256MB'`.execute(connection);
        try {
          for (const [name, columns] of missing)
            await sql`create index if not exists ${sql.ref(name)} on article_search using gin (${sql.raw(columns)})`.execute(
              connection,
            );
        } finally {
          await sql`reset maintenance_work_mem`.execute(connection);
        }
      });
    },
    async headlineIds(typed, page, where) {
      const expression = headlineExpression(typed);
      if (expression === null) return null;
      const terms = termsOf(expression);
      const way = await titleFrequencies.way(terms, page.limit + page.offset);
      if (way === 'words') {
        // Each beginning's range of the B-tree, read from the index alone (migration 0014).
        const found = await lexemes(terms.map((term) => term.words[0]));
        const starts = found.filter((start): start is string => start !== null);
        if (starts.length < found.length) return [];
        const checks = where?.(sql.ref('matched.id')) ?? [];
        if (starts.length === 1 && checks.length === 0)
          return (await newestWithWord(db, starts[0], true, page.limit + page.offset)).slice(page.offset);
        const ranges = starts.map(
          (start) => sql`select article_id as id from headline_words
            where word >= ${start} and word < ${pastBeginning(start)}`,
        );
        const { rows } = await sql<{ id: number }>`select distinct matched.id
          from (${sql.join(ranges, sql` intersect `)}) as matched
          ${checks.length ? sql`where ${sql.join(checks, sql` and `)}` : sql``}
          order by matched.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
        return rows.map((r) => r.id);
      }
      // Walked from the newest for words in many headlines; else all found by the GIN index (`+ 0`).
      const rows = await db
        .selectFrom('articles')
        .select('articles.id')
        .where(sql<boolean>`${TITLE_WORDS} @@ ${all(terms)}`)
        .where((eb) => eb.and(where?.(sql.ref('articles.id')) ?? []))
        .orderBy(way === 'index' ? sql`articles.id + 0` : sql`articles.id`, 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

const decoder = new TextDecoder();

/**
 * Past every word that `lexeme` begins, in headline_words' order (byte for
 * byte, "C"): the beginning followed by the highest code point.
 */
function pastBeginning(lexeme: string): string {
  return `${lexeme}\u{10FFFF}`;
}

/**
 * A beginning of one or two letters, which stands for thousands of words:
 * taken for one in every headline, and walked for.
 */
function shortBeginning(word: string): boolean {
  return word.length <= 2;
}

/** A term of one word, not a number alone (looked for as a signed one too: `all`). */
function oneWord(term: Term): boolean {
  return term.words.length === 1 && !/^\d+$/.test(term.words[0]);
}

/**
 * Each word as headline_words holds it (its lexeme: folded, as the `simple`
 * configuration makes it), asked of PostgreSQL; null for one that makes none.
 * Asked before, not within, the statement that reads the B-tree: given as
 * values, the planner sees how narrow a word's range is; as expressions, it
 * took each for 0.5% of the entries and started parallel workers for them
 * (40 ms, for a scan of under one, at 1,000,000 articles). A word's lexeme
 * depends on nothing but the word (and the server's unaccent rules), so each
 * is remembered: a word searched again costs no statement for it.
 */
function lexemesOf(db: Db): (words: string[]) => Promise<(string | null)[]> {
  return rememberedPerWord(async (words) => {
    const { rows } = await sql<{ lexeme: string | null }>`select
      (ts_lexize('simple', newsdesk_unaccent(w)))[1] as lexeme
      from unnest(${words}::text[]) with ordinality as typed (w, n) order by n`.execute(db);
    return rows.map((row) => row.lexeme);
  });
}

/**
 * `lookUp`'s answer for each word, asked only of the words not asked before:
 * for answers that depend on the word alone (its lexeme, its stem). At most
 * 10,000 words are remembered, then all are forgotten at once.
 */
function rememberedPerWord(
  lookUp: (words: string[]) => Promise<(string | null)[]>,
): (words: string[]) => Promise<(string | null)[]> {
  const known = new Map<string, string | null>();
  return async (words) => {
    // Taken before the statement: another search may forget them all meanwhile.
    const answers = new Map(
      words.filter((word) => known.has(word)).map((word) => [word, known.get(word) ?? null]),
    );
    const missing = [...new Set(words.filter((word) => !answers.has(word)))];
    if (missing.length > 0) {
      const found = await lookUp(missing);
      if (known.size > 10_000) known.clear();
      missing.forEach((word, i) => {
        answers.set(word, found[i] ?? null);
        known.set(word, found[i] ?? null);
      });
    }
    return words.map((word) => answers.get(word) ?? null);
  };
}

/**
 * The newest `limit` articles (below `below`, if given) whose headline or
 * standfirst holds `lexeme`, or with `prefix` a word it begins, of any
 * status: from headline_words alone (migration 0014), in the index's own
 * order, the words a beginning stands for stepped through one probe each,
 * and no more than `limit` entries read of each. `prices` in 58,000 of
 * 1,000,000 headlines: 1,001 entries read, not 58,000 read and sorted.
 */
async function newestWithWord(
  db: Db,
  lexeme: string,
  prefix: boolean,
  limit: number,
  below?: number,
): Promise<number[]> {
  const older = below === undefined ? sql`` : sql`and h.article_id < ${below}`;
  if (!prefix) {
    const { rows } = await sql<{ id: number }>`select h.article_id as id from headline_words h
      where h.word = ${lexeme} ${older} order by h.article_id desc limit ${limit}`.execute(db);
    return rows.map((r) => r.id);
  }
  const end = pastBeginning(lexeme);
  const { rows } = await sql<{ id: number }>`with recursive words (word) as (
      select min(word) from headline_words where word >= ${lexeme} and word < ${end}
      union all
      select (select min(h.word) from headline_words h where h.word > words.word and h.word < ${end})
      from words where words.word is not null)
    select distinct matched.id from words cross join lateral (
      select h.article_id as id from headline_words h where h.word = words.word ${older}
      order by h.article_id desc limit ${limit}) as matched
    order by matched.id desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * article_search's GIN indexes, by name, with their columns, as migrations
 * 0011, 0015 and 0016 made them: what a rebuild of a site nothing else uses takes
 * down and builds again after (`indexes`).
 */
const ENTRY_INDEXES: Record<string, string> = {
  article_search_entries: ENTRIES,
  article_search_headline: 'headline',
  article_search_headline_pairs: 'headline_pairs',
};

/** A headline's and standfirst's words, kept by PostgreSQL as the row is written, indexed by articles_title_words. */
const TITLE_WORDS = sql.ref('articles.title_words');

/**
 * Runs `spans` on one connection, in a transaction whose planner walks no
 * index and scans no table, so that a span's statement is answered by the GIN
 * index (see `spans` in textSearch): the settings and the transaction's start
 * in one message, and every span of a search after them, rather than four
 * statements for each span.
 */
async function withSpanPlans(db: Db, spans: (connection: Db) => Promise<void>): Promise<void> {
  await db.connection().execute(async (connection) => {
    // No parameters: one message of several statements (PostgreSQL's simple protocol).
    await sql
      .raw('begin; set local enable_indexscan = off; set local enable_seqscan = off')
      .execute(connection);
    try {
      await spans(connection);
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(connection)
        .catch(() => {});
      throw error;
    }
    // Only read: the end of the transaction, and of its settings.
    await sql.raw('rollback').execute(connection);
  });
}

function textSearch(
  db: Db,
  lexemes: (words: string[]) => Promise<(string | null)[]>,
  firstSpan: number | undefined,
  walk: number,
): Matcher {
  const frequencies = wordFrequencies(db);
  const headlines = headlineFrequencies(db, 'article_search', 'headline');
  const pairs = phrasePairs(db, 'pairs');
  const headlinePairs = phrasePairs(db, 'headline_pairs');
  const headlinePairStatistics = columnStatistics(db, 'article_search', 'headline_pairs');
  const newest = async (
    match: Match,
    limit: number,
    range: { below?: number; from?: number },
    byIndex = false,
    trx: Db = db,
  ): Promise<number[]> => {
    // `+ 0`: no index gives that order or range, so the planner cannot walk one; the GIN index finds them all.
    const id = byIndex ? sql`article_id + 0` : sql`article_id`;
    // The rows the index finds holding a longer phrase's pairs, newest first, each document checked
    // for the whole phrase only until enough are found (the planner, left to itself, checked every one).
    const fenced = match.check !== undefined && (byIndex || range.from !== undefined);
    // A span's start is asked of article_search_entries with the words (migration 0015: the ids
    // there are `article_id::bigint`, which no other index holds); its end is checked in the
    // rows: to that index, `< below` would be every id below, where `>= from` is the span's few.
    const upTo = range.from === undefined ? id : sql`article_id + 0`;
    const found = sql`from article_search where ${match.narrow}
      ${match.check && !fenced ? sql`and ${match.check}` : sql``}
      ${range.below === undefined ? sql`` : sql`and ${upTo} < ${range.below}`}
      ${range.from === undefined ? sql`` : sql`and article_id::bigint >= ${range.from}::bigint`}
      order by ${id} desc`;
    const { rows } = await (
      fenced
        ? sql<{
            id: number;
          }>`select id from (select article_id as id, document, headline ${found} offset 0) as narrowed
          where ${match.check} limit ${limit}`
        : sql<{ id: number }>`select article_id as id ${found} limit ${limit}`
    ).execute(trx);
    return rows.map((r) => r.id);
  };
  /**
   * The newest matches of words neither common nor rare, by the GIN index of the words and ids
   * (article_search_entries, migration 0015), a span of ids at a time from the newest. A span
   * is one more condition of the index: the span's ids are gathered from it, and the words'
   * entries are read only around them (GIN steps through a long list by its tree), so a span
   * costs its ids and a read of each row in it that matches, however common the words (the
   * planner, costing each document's fetch from TOAST as a heap read, would rather walk the
   * span and check every document: no other index holds the ids as the span asks for them,
   * and neither walk nor full scan is allowed it). The first span is sized to hold `limit`
   * matches twice over at the share of documents the statistics expect (`share`), each next
   * one to hold what is still wanted twice over at the share the spans showed; once a
   * span would reach the oldest id, or gather more ids than reading all the words' entries
   * and matches would cost (`whole`: a place name in a few thousand documents, which the
   * statistics do not know, took spans of 15, 38 and 145 ms at 1,000,000), the GIN index
   * alone finds the rest (`+ 0`). A word whose matches are mostly old (or a phrase, rarer
   * than its words) takes several spans.
   */
  // The newest indexed article's id, asked again after five seconds: a statement less for most searches.
  const newestId = readEvery(5000, async () => {
    const { rows } = await sql<{
      top: number | null;
    }>`select max(article_id) as top from article_search`.execute(db);
    return rows[0]?.top ?? 0;
  });
  const spans = async (
    match: Match,
    limit: number,
    beforeId: number | undefined,
    { share, whole }: { share: number; whole: (share: number) => number },
  ): Promise<number[]> => {
    // The first span is open above (below `beforeId`, if given), so articles newer than a
    // remembered newest id are in it too.
    let below = beforeId;
    let upper = Math.min(beforeId ?? Infinity, (await newestId()) + 1);
    let span = firstSpan ?? Math.ceil((2 * limit) / share);
    let rest = whole(share);
    const top = upper;
    const found: number[] = [];
    // Past the oldest id, or more ids to gather than all the words' entries and matches cost: the
    // GIN index alone finds the rest.
    const byIndexAlone = () => upper - span <= 1 || span * SPAN_ID > rest;
    if (upper > 1 && !byIndexAlone())
      await withSpanPlans(db, async (connection) => {
        while (found.length < limit && upper > 1 && !byIndexAlone()) {
          const from = upper - span;
          found.push(...(await newest(match, limit - found.length, { below, from }, false, connection)));
          // The share the spans have shown (half a match if none): the statistics' is a guess for a
          // word not among the most common (at most half the least common's; a place name in 0.5%
          // of the documents is taken for one in 4%), and the rest is cheaper asked of the index
          // alone than of ever larger spans (a place name in 2,480 of 1,000,000 documents: spans of
          // 15, 38 and 145 ms). The next span is sized to hold what is still wanted twice over at
          // that share: smaller than the last for a word the spans found common, larger for a rare one.
          const seen = Math.max(found.length, 0.5) / (top - from);
          rest = Math.min(rest, whole(seen));
          below = upper = from;
          span = Math.ceil((2 * (limit - found.length)) / seen);
        }
      });
    if (found.length < limit && upper > 1)
      found.push(...(await newest(match, limit - found.length, { below }, true)));
    return found;
  };
  // Older headline matches as the GIN index or a walk of the newest rows finds them (migration 0011),
  // a phrase by its pairs (0016), and a word common in text and rare in headlines by the index.
  const older = async (terms: Term[], limit: number, beforeId: number | undefined): Promise<number[]> => {
    const phrases = await headlinePairs.of(terms);
    const pairStats = phrases.size > 0 ? await headlinePairStatistics() : null;
    const pairShares = pairStats
      ? [...phrases.values()].flat().map((pair) => pairStats.shares.get(String(pair)) ?? pairStats.unknown)
      : undefined;
    return newest(
      textMatch(terms, phrases, HEADLINE),
      limit,
      { below: beforeId },
      await headlines.rareInHeadlines(terms, limit, beforeId, pairShares),
    );
  };
  return {
    async text(_expression, terms, limit, beforeId) {
      const phrases = await pairs.of(terms);
      const match = textMatch(terms, phrases);
      const plan = await frequencies.plan(terms, limit, phrases);
      return plan.byIndex ? spans(match, limit, beforeId, plan) : newest(match, limit, { below: beforeId });
    },
    // One word, or a word's beginning, or several words: their newest from headline_words,
    // whatever their status (ranking drops what is not visible). Else visible articles' headlines
    // (`older`).
    async headlines(_expression, terms, limit, beforeId) {
      const [term] = terms;
      if (terms.length === 1 && oneWord(term) && !(term.prefix && shortBeginning(term.words[0]))) {
        const [start] = await lexemes([term.words[0]]);
        return start ? newestWithWord(db, start, term.prefix, limit, beforeId) : [];
      }
      if (terms.length > 1 && terms.every((t) => oneWord(t) && !t.prefix)) {
        const found = await lexemes(terms.map((t) => t.words[0]));
        if (found.every((word): word is string => word !== null)) {
          const words = await headlines.rarestFirst([...new Set(found)]);
          if (words.length === 1) return newestWithWord(db, words[0], false, limit, beforeId);
          const walked = await newestWithWords(db, words, limit, walk, beforeId);
          if (walked.ids.length === limit || walked.floor === undefined) return walked.ids;
          // The walk stopped short: the rest, below where it stopped, as any other words are found.
          return [...walked.ids, ...(await older(terms, limit - walked.ids.length, walked.floor))];
        }
      }
      return older(terms, limit, beforeId);
    },
    async tagsWith(term) {
      const { rows } = await sql<{ id: number }>`select id from tags
        where to_tsvector('simple', newsdesk_unaccent(name)) @@ ${all([term])}`.execute(db);
      return rows.map((r) => r.id);
    },
  };
}

/**
 * The newest `limit` articles (below `below`, if given) whose headline or
 * standfirst holds every one of `words` (lexemes, the rarest first, as
 * headline_words holds them), of any status: the first word's entries walked
 * from the newest, each looked for under the others, from the index alone
 * (migration 0014; the planner merges the words' lists where they are alike
 * in size). At most `walk` entries of the first word are walked (WALK); with fewer
 * than `limit` found, `floor` is the last entry walked, if the walk left any
 * older. `energy prices` in the older headlines of 100,000
 * articles: 2 ms, where walking article_search's newest rows for both took
 * 6-8 (docs/PERFORMANCE.md).
 */
async function newestWithWords(
  db: Db,
  words: string[],
  limit: number,
  walk: number,
  below?: number,
): Promise<{ ids: number[]; floor?: number }> {
  const [first, ...others] = words;
  const older = below === undefined ? sql`` : sql`and h.article_id < ${below}`;
  const newestOfFirst = sql`select h.article_id as id from headline_words h
    where h.word = ${first} ${older} order by h.article_id desc`;
  const held = others.map(
    (word) => sql`exists (select from headline_words o where o.word = ${word} and o.article_id = walked.id)`,
  );
  // One statement, one snapshot: the walk's matches and, with fewer than `limit`, the entry it
  // stopped at and whether any is past it (the two, from a second statement, could disagree with
  // the first should an edit come between them). `offset 0`: the matches are made once, not once
  // for each use of them.
  const { rows } = await sql<{ ids: number[]; last: number[] | null }>`select found.ids,
      case when cardinality(found.ids) < ${limit} then array(${newestOfFirst} offset ${walk - 1} limit 2) end
        as last
    from (select array(select walked.id from (${newestOfFirst} limit ${walk}) as walked
      where ${sql.join(held, sql` and `)} order by walked.id desc limit ${limit}) as ids offset 0) as found`.execute(
    db,
  );
  const { ids, last } = rows[0]!;
  return { ids, floor: last?.length === 2 ? last[0] : undefined };
}

/** Entries of a word walked by newestWithWords, at most. */
const WALK = 4000;

/**
 * Phrases by their pairs of words (migrations 0013 and 0016): each term of
 * two or more words without a prefix, as the pairs its words make
 * (`"prime minister said"`: `prime minister`, `minister said`; each as
 * pairKey has it), found by a GIN index of the pairs (the documents' `pairs`,
 * or the headlines' and standfirsts' `headline_pairs`), with no text read for
 * a phrase of two words, and for a longer one only the rows holding all its
 * pairs checked for the whole phrase. Used once no indexed article lacks its
 * pairs (those indexed before the migration get them from the search queue;
 * until then a phrase is checked in the text as before), asked again every
 * minute.
 */
function phrasePairs(db: Db, column: 'pairs' | 'headline_pairs') {
  // By the partial index article_search_pairs_missing (or _headline_pairs_missing): at once,
  // whatever the archive.
  const isReady = readEvery(60_000, () =>
    sql<{
      missing: boolean;
    }>`select exists (select 1 from article_search where ${sql.ref(column)} is null) as missing`
      .execute(db)
      .then(
        ({ rows }) => !rows[0]?.missing,
        () => false,
      ),
  );
  return {
    /** Each phrase's pairs, by the term's place in `terms`; none before every article has its pairs. */
    async of(terms: Term[]): Promise<Map<number, number[]>> {
      const phrases = new Map<number, number[]>();
      const phrase = (term: Term) => !term.prefix && term.words.length > 1;
      if (!terms.some(phrase) || !(await isReady())) return phrases;
      terms.forEach((term, t) => {
        if (phrase(term))
          phrases.set(
            t,
            term.words.slice(1).map((word, i) => pairKey(term.words[i], word)),
          );
      });
      return phrases;
    },
  };
}

/**
 * What a document must hold: `narrow`, which the indexes answer, and `check`,
 * the phrases of three or more words, read in the documents `narrow` leaves.
 */
interface Match {
  narrow: RawBuilder<boolean>;
  check?: RawBuilder<boolean>;
}

/** Where a match is looked for: the whole text, or the headline and standfirst. */
const TEXT = { words: 'document', pairs: 'pairs', stemmed: true } as const;
const HEADLINE = { words: 'headline', pairs: 'headline_pairs', stemmed: false } as const;

/**
 * The rows holding every term in `where`'s words (TEXT or HEADLINE): a
 * phrase of two words by its pair alone (exactly the words side by side, as
 * FTS5 matches them), a longer one by its pairs and then its whole phrase in
 * the words, every other term in the words. Without pairs, every term in the
 * words.
 */
function textMatch(
  terms: Term[],
  phrases: Map<number, number[]>,
  where: typeof TEXT | typeof HEADLINE = TEXT,
): Match {
  const words = sql.ref(where.words);
  if (phrases.size === 0) return { narrow: sql<boolean>`${words} @@ ${all(terms, where.stemmed)}` };
  const others = terms.filter((_term, t) => !phrases.has(t));
  const longer = terms.filter((_term, t) => (phrases.get(t)?.length ?? 0) > 1);
  const pairs = [...new Set([...phrases.values()].flat())];
  const narrow = [sql<boolean>`${sql.ref(where.pairs)} @> ${`{${pairs.join(',')}}`}::bigint[]`];
  if (others.length > 0) narrow.push(sql<boolean>`${words} @@ ${all(others, where.stemmed)}`);
  return {
    narrow: sql<boolean>`(${sql.join(narrow, sql` and `)})`,
    check: longer.length > 0 ? sql<boolean>`${words} @@ ${all(longer, where.stemmed)}` : undefined,
  };
}

/** A word of letters joined by hyphens (`short-term`, `Санкт-Петербург`), which PostgreSQL's parser keeps whole too. */
const HYPHENATED = /^\p{L}+(?:-\p{L}+)+$/u;

/** A term as the reader typed it, without the quotes and star of its FTS5 form (`"short-term"` → `short-term`). */
function typedText(term: Term): string {
  return term.fts.slice(1, term.fts.lastIndexOf('"'));
}

/**
 * Every term, as one tsquery: a phrase's words in order (`<->`), a prefix
 * as a word's start (`:*`), and, where the document has English stems, a
 * single word as typed or by its stem.
 *
 * A hyphenated word is looked for as the one word the parser also makes of
 * it (`'short-term'`), not as the phrase of its parts: a phrase is checked
 * in each candidate's document, fetched from TOAST (about 20 µs an article),
 * for every article holding all its words or, in id order, until enough
 * match: seconds at 1,000,000 articles for two common words that are seldom
 * side by side. The one word is answered by the GIN index alone. What it
 * leaves out is the same words written apart (`short term`), which FTS5,
 * splitting at the hyphen, finds too: 14 articles of 4,337 with both at
 * 100,000 generated ones. Parts with digits (`COVID-19`) are no such word
 * to the parser, and stay a phrase, of the words the parser makes of them
 * (`covid <-> -19`), as of any other phrase: its words as a document's.
 */
function all(terms: Term[], stemmed = false): RawBuilder<unknown> {
  const each = sql.join(
    terms.map((term) => {
      const typedTerm = typedText(term);
      if (!term.prefix && HYPHENATED.test(typedTerm))
        return sql`quote_literal(lower(newsdesk_unaccent(${typedTerm})))::tsquery`;
      // Several words, as the parser reads them in a document: `COVID-19` is `covid` and `-19` there.
      if (!term.prefix && term.words.length > 1)
        return sql`phraseto_tsquery('simple', newsdesk_unaccent(${typedTerm}))`;
      const words = term.words.map((word) => `'${word}'`);
      const typed = words.join(' <-> ') + (term.prefix ? ':*' : '');
      const simple = sql`to_tsquery('simple', newsdesk_unaccent(${typed}))`;
      // A number after a hyphen is a signed one to the parser: `COVID-19` holds `-19`.
      if (words.length === 1 && /^\d+$/.test(term.words[0]))
        return sql`(${simple} || to_tsquery('simple', ${`'-${term.words[0]}'${term.prefix ? ':*' : ''}`}))`;
      return stemmed && words.length === 1 && !term.prefix
        ? sql`(${simple} || to_tsquery('english', newsdesk_unaccent(${typed})))`
        : simple;
    }),
    sql` && `,
  );
  return sql`(${each})`;
}

/**
 * What finding the newest matches costs, in µs, measured warm at 1,000,000
 * articles (docs/PERFORMANCE.md, 2026-12-02 afternoon): a document walked,
 * fetched from TOAST (29-34); an id of a span, gathered from
 * article_search_entries with the words' entries around it (0.35-0.4); a
 * word's entry read whole, when the GIN index alone finds all matches; a
 * matching row read (5-8); a span's statements.
 */
const WALKED = 30;
const SPAN_ID = 0.4;
const ENTRY = 0.3;
const ROW = 6;
const STATEMENTS = 2000;

/**
 * Whether the GIN index should find the newest matches of `terms` (`spans`)
 * rather than the planner walk the articles from the newest, checking each
 * document. The planner costs that walk as reads of article_search's small
 * heap; each document is in fact fetched from TOAST, so it walks for any
 * word it does not believe rare: 237,000 documents, 2 to 9 s, for a place
 * name in 2,105 articles of 1,000,000. From the table's own statistics (the
 * most common words and the share of documents holding each), the share `d`
 * of documents that match (the terms' shares multiplied; a word not among
 * the most common, half the least common's), and the costs above: the walk
 * reads `limit / d` documents; the first span gathers `2 × limit / d` ids
 * and reads the `2 × limit` rows among them that match, or, for a word so
 * rare that the span would reach the oldest id, the GIN index reads every
 * entry of the words and every row matching. The cheaper is taken: since a
 * span's ids come with the words (migration 0015), that is the index for
 * any word, even one in nine documents of ten (`said`: 3.8 ms, walked 16.6).
 * Without statistics (a new site) the planner decides. Read again every
 * ten minutes. `share` is `d`, which sizes the spans.
 */
export function wordFrequencies(db: Db) {
  const statistics = columnStatistics(db, 'article_search', 'document');
  const pairStatistics = columnStatistics(db, 'article_search', 'pairs');
  // A single word is looked for as typed or by its English stem (`all`): `planning` or `plan`.
  const stemsOf = rememberedPerWord(async (words) => {
    const { rows } = await sql<{ stem: string[] | null }>`select ts_lexize('english_stem', w) as stem
      from unnest(${words}::text[]) with ordinality as typed (w, n) order by n`.execute(db);
    return rows.map((row) => row.stem?.[0] ?? null);
  });
  const plan = async (
    terms: Term[],
    limit: number,
    phrases: Map<number, number[]> = new Map(),
  ): Promise<{ byIndex: boolean; share: number; whole: (share: number) => number }> => {
    const [stats, pairStats] = await Promise.all([statistics(), phrases.size > 0 ? pairStatistics() : null]);
    if (!stats) return { byIndex: false, share: 1, whole: () => Infinity };
    const share = (word: string) => stats.shares.get(word) ?? stats.unknown;
    const single = terms.filter((term) => term.words.length === 1 && !term.prefix);
    const singleWords = single.map((term) => term.words[0]);
    const stems = new Map((await stemsOf(singleWords)).map((stem, i) => [singleWords[i], stem]));
    // Each term's words: the index reads all their entries; the documents matching hold all of
    // a phrase's (no more than its rarest word's), and either form of a single word.
    const forms = terms.map((term, t) => {
      // A phrase found by its pairs (textMatch): the index reads their entries; no more match than the rarest.
      const pairs = pairStats && phrases.get(t);
      if (pairs)
        return {
          shares: pairs.map((pair) => pairStats.shares.get(String(pair)) ?? pairStats.unknown),
          join: Math.min,
        };
      if (HYPHENATED.test(typedText(term))) return { shares: [share(term.words.join('-'))], join: Math.min };
      const stem = term.words.length === 1 && !term.prefix ? stems.get(term.words[0]) : null;
      return stem && stem !== term.words[0]
        ? { shares: [share(term.words[0]), share(stem)], join: Math.max }
        : { shares: term.words.map(share), join: Math.min };
    });
    const d = forms.reduce((product, term) => product * term.join(...term.shares), 1);
    const words = forms.flatMap((term) => term.shares).reduce((sum, x) => sum + x, 0);
    const walk = (limit / d) * WALKED;
    const span = (2 * limit) / d;
    // Every entry of the words and every row matching, were `x` of the documents to match (the
    // words' entries as many times more than the matches as the statistics say).
    const whole = (x: number) => x * stats.documents * ((words / d) * ENTRY + ROW) + STATEMENTS;
    // The first span's ids (the words' entries read around them) and the rows matching; or, for
    // a span reaching the oldest id or costing more, every entry of the words and every row matching.
    const index =
      span < stats.documents ? Math.min(span * SPAN_ID + 2 * limit * ROW + STATEMENTS, whole(d)) : whole(d);
    return { byIndex: index < walk, share: d, whole };
  };
  return { plan };
}

interface ColumnStatistics {
  /** The most common words, each with the share of rows holding it. */
  shares: Map<string, number>;
  /** What a word not among them is taken for: half the least common's share. */
  unknown: number;
  /** Rows in the table, as the statistics last counted them. */
  documents: number;
}

/** A tsvector column's statistics from `pg_stats`, read again every ten minutes; null before any ANALYZE. */
function columnStatistics(db: Db, table: string, column: string): () => Promise<ColumnStatistics | null> {
  const read = async () => {
    const { rows } = await sql<{ words: string[] | null; freqs: number[] | null; documents: number }>`
      select s.most_common_elems::text::text[] as words, s.most_common_elem_freqs as freqs,
        c.reltuples::float8 as documents
      from pg_class c left join pg_stats s
        on s.tablename = c.relname and s.attname = ${column} and s.schemaname = current_schema()
      where c.oid = ${table}::regclass`.execute(db);
    const row = rows[0];
    if (!row?.words?.length || !row.freqs || !(row.documents > 0)) return null;
    const shares = new Map(row.words.map((word, i) => [word, row.freqs![i]]));
    // After the words' own shares come the least and the most of them.
    return { shares, unknown: row.freqs[row.words.length] / 2, documents: row.documents };
  };
  return readEvery(10 * 60_000, () => read().catch(() => null));
}

/**
 * Whether headline words are better found by the GIN index than by walking
 * the newest rows: the back office's (`articles.title_words`, each row read
 * whole) and search's older headline matches (`article_search.headline`). The
 * planner believes a word's beginning (`zaiberg*`) in many headlines, and
 * walked 150,000 articles for one in 430 of 1,000,000 (0.1 to 0.9 s). From
 * the column's statistics: the share `d` of the rarest word (for a
 * beginning, the sum of the common words' it begins; a beginning of one or
 * two letters, common); the walk reads `limit / d` rows at about 0.7 µs
 * each in `articles` and 14 in `article_search` (whose headline words are
 * fetched from TOAST, migration 0018), the index `d` of them all at about
 * 5 µs, so a search whose words are all common is walked, any other asked
 * of the index.
 *
 * A phrase's words may each be common and seldom side by side: `the
 * minister` is in 7% of the headlines of 100,000 generated articles with
 * both words, and in 0.24% as a phrase; the planner, believing it as common
 * as its words, walked 84,000 rows for 200 matches (45-100 ms; the index,
 * 26 ms). Search's older headline matches find a phrase by its pairs
 * (`headline_pairs`, migration 0016), whose statistics give its share:
 * `pairShares`, its pairs' shares, each as common as a word. Without them
 * (the back office's headline words, or before every article has its
 * pairs) the walk's `d` is counted in the SAMPLE rows the walk would read
 * first, the newest below where it starts (in `articles.title_words`), and
 * the index's stays the rarest word's.
 */
/** Rows counted for a phrase's share in headlines (rareInHeadlines). */
const SAMPLE = 2000;

function headlineFrequencies(
  db: Db,
  table: 'articles' | 'article_search',
  column: 'title_words' | 'headline',
) {
  const statistics = columnStatistics(db, table, column);
  // A row walked, in µs: the back office's headline words are in the row; search's are fetched
  // from TOAST (migration 0018: the 943 newest rows' headlines read in 16 ms, in the row 2.4).
  const walkedRow = table === 'articles' ? 0.7 : 14;
  /**
   * The share of the newest SAMPLE articles below `below` whose headline and standfirst hold
   * `terms` (half an article if none do), counted in `articles.title_words` whichever column is
   * asked about: the same words as search's `headline` (migration 0011), kept in the row, where
   * search's are fetched from TOAST (2,000 of them: 46-54 ms, against 11 in `articles`).
   */
  const sampled = async (terms: Term[], below: number | undefined): Promise<number> => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n
      from (select title_words as words from articles
        ${below === undefined ? sql`` : sql`where id < ${below}`}
        order by id desc limit ${SAMPLE}) as newest
      where newest.words @@ ${all(terms)}`.execute(db);
    return Math.max(rows[0]?.n ?? 0, 0.5) / SAMPLE;
  };
  const shareIn =
    (stats: ColumnStatistics) =>
    (word: string, prefix: boolean): number => {
      if (!prefix) return stats.shares.get(word) ?? stats.unknown;
      if (shortBeginning(word)) return 1;
      let sum = 0;
      for (const [common, s] of stats.shares) if (common.startsWith(word)) sum += s;
      return Math.min(1, sum || stats.unknown);
    };
  const rareInHeadlines = async (
    terms: Term[],
    limit: number,
    below?: number,
    pairShares?: number[],
  ): Promise<boolean> => {
    const stats = await statistics();
    if (!stats) return false;
    const share = shareIn(stats);
    // The rarest term's share, not the terms' multiplied: a headline's words go together
    // (`energy` and `prices` each in 6% of headlines, both in 3.5%, not 0.3%).
    const d = Math.min(
      ...terms.flatMap((term) =>
        term.words.map((word, i) => share(word, term.prefix && i === term.words.length - 1)),
      ),
      ...(pairShares ?? []),
    );
    // A phrase found by its pairs is as common as the rarest of them; else counted.
    const walked =
      !pairShares && terms.some((term) => term.words.length > 1) ? await sampled(terms, below) : d;
    return d * stats.documents * 5 < (limit / walked) * walkedRow;
  };
  return {
    /** Whether the index should find the `limit` newest matches (below `below`, if given). */
    rareInHeadlines,
    /** Words (lexemes), the rarest in headlines first, as the statistics have them; as given without. */
    async rarestFirst(words: string[]): Promise<string[]> {
      const stats = await statistics();
      if (!stats) return words;
      const share = shareIn(stats);
      return words.toSorted((a, b) => share(a, false) - share(b, false));
    },
    /**
     * How the back office finds the `limit` newest articles with `terms`
     * (articles.title_words): by the beginnings' ranges of headline_words
     * (`words`), when every term is one word's beginning, letters and digits
     * but not digits alone (a number is also looked for as a signed one, see
     * `all`), and reading every term's entries (each about 0.15 µs, summed
     * over the terms) costs less than walking (`limit / d` rows, 0.7 µs each)
     * and than fetching the rarest term's matches by the GIN index (5 µs
     * each, its posting lists read for every term); else as rareInHeadlines
     * says (`index` or `walk`).
     */
    async way(terms: Term[], limit: number): Promise<'words' | 'index' | 'walk'> {
      const stats = await statistics();
      const eligible = terms.every((term) => term.prefix && oneWord(term));
      if (stats && eligible) {
        const share = shareIn(stats);
        const shares = terms.map((term) => share(term.words[0], true));
        const entries = shares.reduce((sum, x) => sum + x, 0) * stats.documents;
        const d = Math.min(...shares);
        const words = entries * 0.15;
        if (words < (limit / d) * 0.7 && words < d * stats.documents * 5 + entries * 0.02) return 'words';
      }
      return (await rareInHeadlines(terms, limit)) ? 'index' : 'walk';
    },
  };
}
