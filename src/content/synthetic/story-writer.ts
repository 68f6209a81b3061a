/**
 * Writes synthetic news stories (headline, lead, ProseMirror body) for benchmarks
 * and scale tests of up to a million articles. The prose is bland but reads like
 * wire copy, and its statistics are what search cares about: function words and
 * common news words in nearly every article, names drawn with a Zipf popularity so
 * a few recur and most are rare.
 *
 * It has to be fast (tens of thousands of stories a second), so every sentence is
 * a hand-written template that concatenates strings picked from precomputed
 * arrays: no regular expressions, no parsing and no per-word allocation on the
 * hot path. Strings from lists are capitalised ahead of time instead of
 * capitalising built sentences.
 */
import type { Block, BodyDoc, Inline, ListItem, Mark } from '../body/body.types.js';
import type { NamePool } from './names.js';
import type { Random } from './random.js';
import {
  adjectives,
  adverbs,
  anonymousSpeakers,
  beliefOpeners,
  conditions,
  connectors,
  critics,
  currencies,
  fallingVerbs,
  feelings,
  futureTimes,
  groups,
  headlinePhrasalVerbs,
  indefinite,
  judgementAdjectives,
  massNouns,
  measuresMass,
  measuresPlural,
  modals,
  months,
  nouns,
  numberWords,
  ofNouns,
  ordinals,
  orgRoles,
  outcomeNouns,
  pastTimes,
  perfectPhrases,
  personRoles,
  placeRoles,
  plural,
  pluralSayVerbs,
  politicalRoles,
  portfolios,
  reportedModals,
  reportingVerbs,
  reportingVerbsPresent,
  risingVerbs,
  stockQuotes,
  verbs,
  verdictNouns,
  wantVerbs,
  weekdays,
  wherePhrases,
} from './vocabulary.js';
import type { VerbForms } from './vocabulary.js';

export interface StoryCast {
  /** Names the story is about; they must appear in the text: the first in the title (usually) and lead, the rest somewhere in the body. */
  subjects: string[];
}

export interface SyntheticStory {
  title: string;
  lead: string;
  body: BodyDoc;
}

/** The word lists as one plain object: cheap property reads on the hot path. */
const W = {
  adjectives,
  adverbs,
  anonymousSpeakers,
  beliefOpeners,
  conditions,
  connectors,
  critics,
  currencies,
  fallingVerbs,
  feelings,
  futureTimes,
  groups,
  headlinePhrasalVerbs,
  judgementAdjectives,
  massNouns,
  measuresMass,
  measuresPlural,
  modals,
  months,
  nouns,
  numberWords,
  ofNouns,
  ordinals,
  orgRoles,
  outcomeNouns,
  pastTimes,
  perfectPhrases,
  personRoles,
  placeRoles,
  pluralSayVerbs,
  politicalRoles,
  portfolios,
  reportedModals,
  reportingVerbs,
  reportingVerbsPresent,
  risingVerbs,
  stockQuotes,
  verbs,
  verdictNouns,
  wantVerbs,
  weekdays,
  wherePhrases,
};

type Kind = 'person' | 'place' | 'organisation' | 'topic' | 'other';

/** Someone (or something) quoted in a story, with the forms a reporter uses for them. */
interface Speaker {
  /** First mention at the start of a sentence: "Mira Tolvane, the energy minister," or "Officials". */
  firstCap: string;
  /** First mention after a clause: "…, Mira Tolvane, the energy minister, said." or "officials". */
  first: string;
  /** First mention after "said": "said Mira Tolvane, the energy minister." */
  inverted: string;
  /** Later mentions: "Tolvane", "the ministry". */
  short: string;
  shortCap: string;
  /** Another later form: "the minister". */
  role: string;
  introduced: boolean;
  name: string;
}

/**
 * Draws from a word list with a Zipf popularity, P(k) ∝ 1/(k+1+q)^s (the list is
 * ordered most common first; q > 0 flattens the head, as for names, where even the
 * most prominent person is in a minority of stories). Walker's alias method: one
 * random number and one comparison per draw, where `zipf()` searches a table; the
 * writer draws a few hundred words per story.
 */
class Words {
  private readonly n: number;
  private readonly threshold: Float64Array;
  private readonly alias: Uint32Array;
  constructor(
    readonly items: readonly string[],
    s: number,
    q = 0,
  ) {
    const n = items.length;
    const weights = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) total += weights[k] = 1 / Math.pow(k + 1 + q, s);
    this.n = n;
    this.threshold = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let k = 0; k < n; k++) {
      this.threshold[k] = (weights[k] * n) / total;
      (this.threshold[k] < 1 ? small : large).push(k);
    }
    while (small.length && large.length) {
      const lo = small.pop() as number;
      const hi = large[large.length - 1];
      this.alias[lo] = hi;
      this.threshold[hi] -= 1 - this.threshold[lo];
      if (this.threshold[hi] < 1) small.push(large.pop() as number);
    }
    for (const k of large) this.threshold[k] = 1;
    for (const k of small) this.threshold[k] = 1;
  }
  index(random: Random): number {
    const x = random.next() * this.n;
    const k = Math.floor(x);
    return x - k < this.threshold[k] ? k : this.alias[k];
  }
  pick(random: Random): string {
    return this.items[this.index(random)];
  }
}

const CHARS_PER_WORD = 6.35;
const MEAN_WORDS = 480;

const RISEN = ['risen', 'increased', 'climbed', 'jumped', 'grown', 'edged up', 'surged'];
const FALLEN = ['fallen', 'dropped', 'declined', 'slipped', 'eased', 'dipped', 'plunged'];
const QUANT_MASS = [
  'growing',
  'little',
  'no',
  'strong',
  'widespread',
  'some',
  'mounting',
  'renewed',
  'broad',
];
const QUANT_PLURAL = ['growing', 'few', 'no', 'fresh', 'widespread', 'some', 'renewed', 'repeated', 'new'];
const APPROX = ['about', 'more than', 'nearly', 'at least', 'almost', 'around', 'fewer than', 'some'];
const APPROX_CAP = APPROX.map(capitalise);
const SHARE = ['More than', 'Almost', 'Around', 'Fewer than', 'Roughly', 'Nearly'];
const COST_VERBS = [
  'is expected to cost',
  'would cost',
  'will cost',
  'could cost',
  'is likely to cost',
  'has cost',
];
const SPEND_VERBS = ['spent', 'invested', 'set aside', 'raised', 'lost', 'earmarked', 'borrowed', 'saved'];
const SOURCE_INTROS = ['figures from', 'a report by', 'a survey by', 'data published by', 'estimates from'];
const WHETHER = ['whether', 'when', 'how', 'why'];
const DUE = ['is due to', 'will', 'is expected to', 'has promised to', 'plans to', 'is set to', 'hopes to'];
const NO_COMMENT = [
  'did not respond to a request for comment',
  'declined to comment',
  'did not immediately respond to questions',
  'said it would not comment while the matter was under review',
  'said it would respond in due course',
];
const TALKS = ['Talks', 'Discussions', 'Negotiations', 'Hearings', 'Consultations', 'Inspections'];
const RESUME = ['continue', 'resume', 'begin', 'conclude', 'take place'];
const NEXT_ADJ = ['final', 'formal', 'full', 'further', 'detailed', 'second', 'public', 'fresh'];
const COMES = ['comes after', 'comes amid', 'follows', 'came after', 'comes as', 'came amid'];
const SINCE = [
  'this year',
  'in recent months',
  'in a decade',
  'since the spring',
  'this decade',
  'in two years',
];
const OVER_YEARS = [
  '',
  '',
  '',
  ' over three years',
  ' over five years',
  ' this year',
  ' by the end of the decade',
  ' a year',
];
const DEBATE = [
  'has divided',
  'has dominated debate among',
  'has long frustrated',
  'has become a priority for',
  'has worried',
  'has energised',
  'has split',
  'matters most to',
];
const FLARED = ['intensified', 'returned', 'flared up', 'resurfaced', 'sharpened', 'reopened', 'deepened'];
const DURING = [
  'election',
  'campaign',
  'summit',
  'strike',
  'crisis',
  'debate',
  'review',
  'season',
  'festival',
  'trial',
  'talks',
];
const SUBORDINATORS = [
  'because',
  'although',
  'while',
  'as',
  'after',
  'even though',
  'before',
  'since',
  'once',
  'until',
];
const TAILS_PARTICIPLE = ['saying', 'arguing', 'warning', 'adding', 'insisting', 'noting'];
const HEADING_FIXED = [
  'What happens next',
  'The background',
  'Reaction',
  'What it means',
  'The numbers',
  'A long dispute',
  'Questions remain',
  'The view from the street',
  'Next steps',
  'Winners and losers',
  'How we got here',
];
const LIST_INTROS = [
  'The main measures include:',
  'Under the proposals:',
  'Key points:',
  'What changes:',
  'The plan in brief:',
  'Among the findings:',
  'The demands include:',
  'What we know so far:',
];

/** Writes stories; deterministic for the generator it is given. */
export class StoryWriter {
  private readonly r: Random;
  private readonly kinds = new Map<string, Kind>();

  private readonly people: Words;
  private readonly places: Words;
  private readonly organisations: Words;
  private readonly topics: Words;
  private readonly topicLower: string[];
  /** Names as they read mid-sentence ("the Ministry of Energy") and at its start ("The Ministry of Energy"). */
  private readonly placeMid: string[];
  private readonly placeCap: string[];
  private readonly orgMid: string[];
  private readonly orgCap: string[];

  private readonly noun: Words;
  private readonly aNoun: string[];
  private readonly nounPlural: string[];
  private readonly adjective: Words;
  private readonly aAdjective: string[];
  private readonly adjectiveCap: string[];
  private readonly mass: Words;
  private readonly group: Words;
  private readonly groupCap: string[];
  private readonly ofNoun: Words;
  private readonly verb: Words;
  private readonly verbForms: readonly VerbForms[];
  private readonly adverb: Words;
  private readonly report: Words;
  private readonly pastTime: Words;
  private readonly futureTime: Words;
  private readonly measurePlural: Words;
  private readonly measurePluralCap: string[];
  private readonly measureMass: Words;
  private readonly measureMassCap: string[];
  private readonly feeling: Words;
  private readonly condition: Words;
  private readonly outcome: Words;
  private readonly critic: Words;
  private readonly anonymous: Words;
  /** Unnamed sources never need introducing, so one shared object each will do. */
  private readonly anonymousSpeakers: Speaker[];
  private readonly quote: Words;
  private readonly aOrgRole: string[];
  private readonly aOrgRoleCap: string[];
  private readonly aPersonRole: string[];
  private readonly orgRole: Words;
  private readonly personRole: Words;
  private readonly aVerdict: string[];

  // Per-story state, reset by story().
  private topic = '';
  private topicLc = '';
  private place = '';
  private placeMid0 = '';
  private placeCap0 = '';
  private org = '';
  private orgMid0 = '';
  private orgCap0 = '';
  private day = '';
  private currency = '';
  private percent = ' per cent';
  private main: Speaker | null = null;
  /** Whether the main subject can speak or act (a topic cannot). */
  private mainSpeaks = true;
  private speakers: Speaker[] = [];
  private newSpeakers = 0;
  /** Who is talking in the sentence being written; they are not also its grammatical subject. */
  private current: Speaker | null = null;
  /** How many sentences the next sentence() may write, and how many it did (a quote can hold two). */
  private room = 1;
  private sentencesWritten = 1;

  constructor(random: Random, names: NamePool) {
    this.r = random;
    for (const name of names.topics) this.kinds.set(name, 'topic');
    for (const name of names.organisations) this.kinds.set(name, 'organisation');
    for (const name of names.places) this.kinds.set(name, 'place');
    for (const name of names.people) this.kinds.set(name, 'person');

    this.people = new Words(names.people, 1.0, 5);
    this.places = new Words(names.places, 1.0, 3);
    this.organisations = new Words(names.organisations, 1.0, 3);
    this.topics = new Words(names.topics, 0.9);
    this.topicLower = names.topics.map(lowerFirst);
    this.placeMid = names.places.map((n) => withArticle(n, false));
    this.placeCap = names.places.map((n) => withArticle(n, true));
    this.orgMid = names.organisations.map((n) => withArticle(n, false));
    this.orgCap = names.organisations.map((n) => withArticle(n, true));

    this.noun = new Words(W.nouns, 0.85);
    this.aNoun = W.nouns.map(indefinite);
    this.nounPlural = W.nouns.map(plural);
    this.adjective = new Words(W.adjectives, 0.85);
    this.aAdjective = W.adjectives.map(indefinite);
    this.adjectiveCap = W.adjectives.map(capitalise);
    this.mass = new Words(W.massNouns, 0.9);
    this.group = new Words(W.groups, 0.9);
    this.groupCap = W.groups.map(capitalise);
    this.ofNoun = new Words(W.ofNouns, 1.0);
    this.verbForms = W.verbs;
    this.verb = new Words(
      W.verbs.map((v) => v.base),
      0.85,
    );
    this.adverb = new Words(W.adverbs, 1.0);
    this.report = new Words(W.reportingVerbs, 1.6);
    this.pastTime = new Words(W.pastTimes, 0.8);
    this.futureTime = new Words(W.futureTimes, 0.8);
    this.measurePlural = new Words(W.measuresPlural, 0.8);
    this.measurePluralCap = W.measuresPlural.map(capitalise);
    this.measureMass = new Words(W.measuresMass, 0.8);
    this.measureMassCap = W.measuresMass.map(capitalise);
    this.feeling = new Words(W.feelings, 0.8);
    this.condition = new Words(W.conditions, 0.8);
    this.outcome = new Words(W.outcomeNouns, 0.8);
    this.critic = new Words(W.critics, 0.8);
    this.anonymous = new Words(W.anonymousSpeakers, 0.9);
    this.anonymousSpeakers = W.anonymousSpeakers.map((s) => ({
      name: '',
      firstCap: capitalise(s),
      first: s,
      inverted: s,
      short: s,
      shortCap: capitalise(s),
      role: s,
      introduced: true,
    }));
    this.quote = new Words(W.stockQuotes, 0.5);
    this.orgRole = new Words(W.orgRoles, 1.0);
    this.aOrgRole = W.orgRoles.map(indefinite);
    this.aOrgRoleCap = this.aOrgRole.map(capitalise);
    this.personRole = new Words(W.personRoles, 0.8);
    this.aPersonRole = W.personRoles.map(indefinite);
    this.aVerdict = W.verdictNouns.map(indefinite);
  }

  story(cast: StoryCast): SyntheticStory {
    const r = this.r;
    const subjects = cast.subjects.length ? cast.subjects.map(clean) : [this.people.pick(r)];
    const kinds = subjects.map((s) => this.kindOf(s));

    // Story state: one topic, home place, organisation and weekday.
    const topicSubject = kinds.indexOf('topic');
    if (topicSubject >= 0) {
      this.topic = subjects[topicSubject];
      this.topicLc = lowerFirst(this.topic);
    } else {
      const t = this.topics.index(r);
      this.topic = this.topics.items[t];
      this.topicLc = this.topicLower[t];
    }
    const placeSubject = kinds.indexOf('place');
    this.place = placeSubject >= 0 ? subjects[placeSubject] : this.places.pick(r);
    this.placeMid0 = withArticle(this.place, false);
    this.placeCap0 = withArticle(this.place, true);
    const orgSubject = kinds.indexOf('organisation');
    this.org = orgSubject >= 0 ? subjects[orgSubject] : this.organisations.pick(r);
    this.orgMid0 = withArticle(this.org, false);
    this.orgCap0 = withArticle(this.org, true);
    this.day = r.pick(W.weekdays);
    this.currency = r.pick(W.currencies);
    this.percent = r.chance(0.6) ? ' per cent' : '%';
    this.speakers = [];
    this.newSpeakers = 0;

    const lead0 = subjects[0];
    const kind0 = kinds[0];
    this.main = this.speakerFor(lead0, kind0);
    this.mainSpeaks = kind0 !== 'topic';
    if (kind0 === 'person') this.speakers.push(this.main);

    const title = this.title(lead0, kind0);
    const lead = this.lead(lead0, kind0);
    const body = this.body(subjects, kinds);
    return { title, lead, body };
  }

  // ---------------------------------------------------------------- structure

  private body(subjects: string[], kinds: Kind[]): BodyDoc {
    const r = this.r;
    // Log-normal length: median about 440 words, mean about 480, clamped to 150..1400.
    const normal = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
    const words = Math.min(1400, Math.max(150, Math.round((MEAN_WORDS / 1.092) * Math.exp(0.42 * normal))));
    const paragraphs = Math.min(14, Math.max(4, Math.round(words / 62 + (r.next() - 0.5) * 2)));
    let budget = words * CHARS_PER_WORD;

    // Where the optional blocks and the other subjects go.
    const heading = r.chance(0.25) ? r.int(2, paragraphs - 2) : -1;
    const blockquote = r.chance(0.2) ? r.int(1, paragraphs - 2) : -1;
    const list = r.chance(0.125) ? r.int(1, paragraphs - 2) : -1;
    const markAt = r.int(1, paragraphs - 1);
    const mark: Mark | null = r.chance(1 / 3)
      ? { type: 'link', attrs: { href: '' } }
      : r.chance(0.04)
        ? { type: 'bold' }
        : r.chance(0.04)
          ? { type: 'italic' }
          : null;
    const mentions: number[] = [];
    for (let i = 1; i < subjects.length; i++) mentions.push(r.int(0, paragraphs - 1));

    const content: Block[] = [];
    const sentences: string[] = [];
    let written = 0;
    for (let p = 0; p < paragraphs; p++) {
      if (p === heading)
        content.push({ type: 'heading', attrs: { level: 2 }, content: [text(this.headingText())] });
      const target = (budget / (paragraphs - p)) * (0.55 + 0.9 * r.next());
      sentences.length = 0;
      let length = 0;
      let count = 0;
      for (let i = 0; i < mentions.length; i++) {
        if (mentions[i] === p) {
          const s = this.mention(subjects[i + 1], kinds[i + 1]);
          sentences.push(s);
          length += s.length + 1;
          count++;
        }
      }
      if (p === 0) {
        const s = this.opening(kinds[0]);
        sentences.unshift(s);
        length += s.length + 1;
        count++;
      }
      // At most five sentences, counting the marked one and a list's introduction.
      const most = 5 - (p === markAt && mark ? 1 : 0) - (p === list ? 1 : 0);
      while (count === 0 || (length < target && count < most)) {
        this.room = most - count;
        const s = this.sentence(count > 0);
        sentences.push(s);
        length += s.length + 1;
        count += this.sentencesWritten;
      }
      budget -= length;
      written += length;

      const listIntro = p === list ? ' ' + r.pick(LIST_INTROS) : '';
      if (p === markAt && mark) {
        content.push(this.markedParagraph(sentences, mark, listIntro));
      } else {
        content.push({ type: 'paragraph', content: [text(sentences.join(' ') + listIntro)] });
      }
      if (p === blockquote) {
        const q = r.chance(0.5) ? `“${this.quoteText()}.”` : `“${this.quoteText()}. ${this.quoteText()}.”`;
        content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: [text(q)] }] });
      }
      if (p === list) content.push(this.bulletList());
    }
    // Characters only estimate words; a story that came out too short gets another paragraph.
    if (written < 200 * CHARS_PER_WORD) {
      let count = 0;
      for (const block of content) {
        if (block.type === 'paragraph')
          for (const node of block.content ?? []) if (node.type === 'text') count += wordCount(node.text);
      }
      while (count < 160) {
        sentences.length = 0;
        for (let i = 0; i < 3 && count < 160; i++) {
          this.room = 1;
          const s = this.sentence(i > 0);
          sentences.push(s);
          count += wordCount(s);
        }
        content.push({ type: 'paragraph', content: [text(sentences.join(' '))] });
      }
    }
    return { type: 'doc', content };
  }

  /** A paragraph with one extra sentence whose middle words carry a link, bold or italic mark. */
  private markedParagraph(sentences: string[], mark: Mark, ending: string): Block {
    const r = this.r;
    const at = r.int(0, sentences.length);
    const [pre, span, post] = this.spanSentence();
    let m = mark;
    if (m.type === 'link') {
      const slug = slugify(span);
      const href = r.chance(0.5)
        ? `https://www.example.org/${slug}`
        : `https://news.example.com/${r.int(2015, 2024)}/${r.int(1, 12)}/${slug}`;
      m = { type: 'link', attrs: { href } };
    }
    const before = sentences.slice(0, at).join(' ');
    const after = sentences.slice(at).join(' ');
    const inline: Inline[] = [
      text(before ? `${before} ${pre}` : pre),
      { type: 'text', text: span, marks: [m] },
      text((after ? `${post} ${after}` : post) + ending),
    ];
    return { type: 'paragraph', content: inline };
  }

  private spanSentence(): [string, string, string] {
    const r = this.r;
    switch (r.int(0, 4)) {
      case 0:
        return [
          `${this.organisation(true)} published `,
          `${this.aAdjective[this.adjective.index(r)]} report on ${this.topicLc}`,
          ` ${this.time()}.`,
        ];
      case 1:
        return ['The figures were set out in ', `a statement from ${this.organisation()}`, '.'];
      case 2:
        return [
          `Details of the ${this.outcome.pick(r)} are available on `,
          `${this.organisation()}’s website`,
          '.',
        ];
      case 3:
        return [
          `${this.speakerStart(this.anySpeaker())} ${this.report.pick(r)} the ${this.noun.pick(r)} was `,
          `${this.adverb.pick(r)} ${this.condition.pick(r)}`,
          '.',
        ];
      default:
        return ['Read more about ', `${this.topicLc} in ${this.placeMid0}`, '.'];
    }
  }

  private bulletList(): Block {
    const r = this.r;
    const items = r.int(3, 5);
    const content: ListItem[] = [];
    for (let i = 0; i < items; i++) {
      let item: string;
      switch (r.int(0, 4)) {
        case 0:
          item = `${this.adjectiveCap[this.adjective.index(r)]} ${this.noun.pick(r)} for ${this.group.pick(r)}`;
          break;
        case 1:
          item = `${capitalise(r.pick(W.numberWords))} new ${this.nounPlural[this.noun.index(r)]} ${this.pp()}`;
          break;
        case 2:
          item = `A ${r.int(2, 30)}${this.percent} rise in ${this.mass.pick(r)}`;
          break;
        case 3:
          item = `${capitalise(this.verbForms[this.verb.index(r)].ing)} ${this.np()}`;
          break;
        default:
          item = `${this.money()} for ${this.np()}`;
      }
      content.push({ type: 'listItem', content: [{ type: 'paragraph', content: [text(item)] }] });
    }
    return { type: 'bulletList', content };
  }

  private headingText(): string {
    const r = this.r;
    switch (r.int(0, 5)) {
      case 0:
        return `${this.topic} in ${this.place}`;
      case 1:
        return `${this.adjectiveCap[this.adjective.index(r)]} ${this.nounPlural[this.noun.index(r)]}`;
      case 2:
        return `What the ${this.outcome.pick(r)} means for ${this.group.pick(r)}`;
      case 3:
        return `The view from ${this.placeMid[this.places.index(r)]}`;
      default:
        return r.pick(HEADING_FIXED);
    }
  }

  // ---------------------------------------------------------------- title and lead

  private title(subject: string, kind: Kind): string {
    const r = this.r;
    const usesSubject = kind === 'topic' || r.chance(0.88);
    for (let attempt = 0; attempt < 12; attempt++) {
      const t = usesSubject || attempt > 8 ? this.titleWith(subject, kind) : this.titleWithout();
      const n = wordCount(t);
      if (n >= 5 && n <= 14) return capitalise(t);
    }
    // Names long enough to break every template: keep the name, trim to 14 words.
    const words =
      `${subject} ${this.verbForms[this.verb.index(r)].present} ${this.adjNoun(0)} in ${this.place}`.split(
        ' ',
      );
    while (words.length < 5) words.push('again');
    return capitalise(words.slice(0, 14).join(' '));
  }

  private titleWith(s: string, kind: Kind): string {
    const r = this.r;
    const v = this.verbForms[this.verb.index(r)];
    if (kind === 'topic') {
      // A topic leads the headline as given, so the exact name is always in the title.
      switch (r.int(0, 3)) {
        case 0:
          return `${s}: ${this.group.pick(r)} ${v.base} ${this.headlineObject()} in ${this.place}`;
        case 1:
          return `${s}: ${this.org} ${v.present} ${this.headlineObject()}`;
        case 2:
          return `${s}: what the ${this.outcome.pick(r)} means for ${this.group.pick(r)}`;
        default:
          return `${s}: ${this.place} ${v.present} ${this.adjNoun(0)}`;
      }
    }
    if (kind === 'place' && r.chance(0.6)) {
      switch (r.int(0, 3)) {
        case 0:
          return `${this.groupCap[this.group.index(r)]} in ${s} ${v.base} ${this.adjNoun(0)}`;
        case 1: {
          const m = r.chance(0.5);
          const what = m ? this.measurePlural.pick(r) : this.measureMass.pick(r);
          const up = r.chance(0.5);
          const move = m ? (up ? 'rise' : 'fall') : up ? 'rises' : 'falls';
          return `${what} ${move} ${r.int(2, 30)}% in ${s}`;
        }
        case 2:
          return `${this.topic} in ${s}: ${this.group.pick(r)} ${v.base} ${this.headlineObject()}`;
        default:
          return `${this.adjNoun(2)} ${this.pick(['hit', 'divide', 'worry', 'test'])} ${s}`;
      }
    }
    switch (r.int(0, 6)) {
      case 0:
        return `${s} ${v.present} ${this.adjNoun(0)} ${this.titleTail()}`;
      case 1:
        return `${s} ${r.pick(W.headlinePhrasalVerbs)} ${this.headlineObject()} ${this.titleTail()}`;
      case 2:
        return `${s} to ${v.base} ${this.headlineObject()} ${this.titleTail()}`;
      case 3:
        return `${s} ${r.pick(W.reportingVerbsPresent)} ${this.group.pick(r)} ${r.pick(W.modals)} ${this.verbForms[this.verb.index(r)].base} ${this.headlineObject()}`;
      case 4:
        return `${this.topic}: ${s} ${v.present} ${this.headlineObject()}`;
      case 5:
        return `${s} under pressure over ${this.topicLc}${s === this.place ? '' : ' in ' + this.place}`;
      default:
        return `${s} ${v.present} ${this.headlineObject()} after ${this.noun.pick(r)} ${this.pick(['row', 'setback', 'dispute', 'protest', 'delay'])}`;
    }
  }

  private titleWithout(): string {
    const r = this.r;
    const v = this.verbForms[this.verb.index(r)];
    return r.chance(0.5)
      ? `${this.topic}: ${this.group.pick(r)} ${v.base} ${this.headlineObject()} in ${this.place}`
      : `${this.groupCap[this.group.index(r)]} ${r.pick(W.pluralSayVerbs)} ${this.adjNoun(0)} ${this.titleTail()}`;
  }

  private headlineObject(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.35) return `${this.adjNoun(0)}`;
    if (roll < 0.6) return `${this.adjNoun(2)}`;
    if (roll < 0.75) return this.mass.pick(r);
    if (roll < 0.9) {
      const first = this.noun.index(r);
      const second = this.noun.index(r);
      return `${W.nouns[first]} ${W.nouns[second === first ? (second + 1) % W.nouns.length : second]}`;
    }
    return `${this.ofNoun.pick(r)} of ${this.nounPlural[this.noun.index(r)]}`;
  }

  private titleTail(): string {
    const r = this.r;
    switch (r.int(0, 3)) {
      case 0:
        return this.main && this.main.name === this.place ? `for ${this.group.pick(r)}` : `in ${this.place}`;
      case 1:
        return `on ${this.topicLc}`;
      case 2:
        return `for ${this.group.pick(r)}`;
      default:
        return r.chance(0.5) ? `over ${this.mass.pick(r)}` : `amid ${this.mass.pick(r)} row`;
    }
  }

  private lead(subject: string, kind: Kind): string {
    // A discarded attempt must not leave anyone marked as introduced: their
    // introduction would be missing from the text. (Introducing twice is harmless.)
    const main = this.main as Speaker;
    const mainIntroduced = main.introduced;
    const known = this.speakers.length;
    const newSpeakers = this.newSpeakers;
    let best = '';
    let bestDistance = Infinity;
    for (let attempt = 0; attempt < 10; attempt++) {
      main.introduced = mainIntroduced;
      this.speakers.length = known;
      this.newSpeakers = newSpeakers;
      let lead = this.leadSentence(subject, kind, attempt === 0);
      let n = wordCount(lead);
      if (n < 20) {
        this.room = 1;
        const more = this.sentence(false);
        lead = `${lead} ${more}`;
        n += wordCount(more);
      }
      if (n >= 20 && n <= 45) return lead;
      const distance = n < 20 ? 20 - n : n - 45;
      if (distance < bestDistance) {
        best = lead;
        bestDistance = distance;
      }
    }
    main.introduced = mainIntroduced;
    this.speakers.length = known;
    this.newSpeakers = newSpeakers;
    return best;
  }

  /** The lead's main sentence; retries name a person plainly, so a retried lead is less likely to run long. */
  private leadSentence(s: string, kind: Kind, first: boolean): string {
    const r = this.r;
    const main = this.main as Speaker;
    const v = this.verbForms[this.verb.index(r)];
    this.current = main;
    if (kind === 'person') {
      const form = r.int(0, 2);
      if (form === 2) return `${s} ${v.past} ${this.np()} ${this.time()}, ${this.tail()}.`;
      const intro = first ? main.firstCap : s;
      if (first) main.introduced = true;
      return form === 0
        ? `${intro} ${this.report.pick(r)} ${this.time()} that ${this.clause(false, 1)}, ${this.tail()}.`
        : `${intro} has ${v.participle} ${this.np()} ${this.pp()}, ${this.tail()}.`;
    }
    if (kind === 'topic') {
      const lc = lowerFirst(s);
      return r.chance(0.5)
        ? `${this.groupCap[this.group.index(r)]} in ${this.placeMid0} ${r.pick(W.modals)} ${v.base} ${this.np()} ${this.future()}, after ${this.orgMid0} ${this.verbForms[this.verb.index(r)].past} ${r.chance(0.5) ? 'its policy on' : 'new rules on'} ${lc} ${this.time()}.`
        : `The debate over ${lc} ${r.pick(FLARED)} in ${this.placeMid0} ${this.time()}, after ${this.orgMid0} ${this.verbForms[this.verb.index(r)].past} ${this.np()} ${this.pp()}.`;
    }
    if (kind === 'place') {
      const mid = withArticle(s, false);
      return r.chance(0.5)
        ? `${this.groupCap[this.group.index(r)]} in ${mid} ${r.pick(W.modals)} ${v.base} ${this.np()} ${this.future()}, ${this.speakerEnd(this.anySpeaker())} ${this.report.pick(r)} ${this.time()}, ${this.tail()}.`
        : `The ${this.adjNoun(0)} in ${mid} ${v.past} ${this.np()} ${this.time()}, ${this.tail()}.`;
    }
    const cap = withArticle(s, true);
    return r.chance(0.5)
      ? `${cap} ${v.past} ${this.np()} ${this.pp()} ${this.time()}, ${this.tail()}.`
      : `${cap} said ${this.time()} it ${r.pick(W.reportedModals)} ${v.base} ${this.np()}, ${this.tail()}.`;
  }

  private tail(): string {
    const r = this.r;
    switch (r.int(0, 5)) {
      case 0:
        return `as ${this.clause(false, 1)}`;
      case 1:
        return `amid ${this.adjective.pick(r)} ${this.mass.pick(r)} over ${this.topicLc}`;
      case 2:
        return `in a move that ${r.pick(W.modals)} ${this.verbForms[this.verb.index(r)].base} ${this.np()}`;
      case 3:
        return `after ${this.np()} ${this.pp()}`;
      case 4:
        return `${r.pick(TAILS_PARTICIPLE)} that ${this.clause(false, 1)}`;
      default:
        return `the latest sign of ${this.mass.pick(r)} ${this.pp()}`;
    }
  }

  /** The first body sentence: picks the story up from the lead. */
  private opening(kind: Kind): string {
    const r = this.r;
    const main = this.main as Speaker;
    this.current = main;
    if (kind === 'person' || r.chance(0.4)) {
      return `${this.speakerStart(main)} ${this.report.pick(r)} ${this.time()} that ${this.clause(false, 0)}.`;
    }
    return this.event('');
  }

  // ---------------------------------------------------------------- sentences

  private sentence(continuing: boolean): string {
    const r = this.r;
    this.current = null;
    this.sentencesWritten = 1;
    const open = continuing && r.chance(0.12) ? `${r.pick(W.connectors)}, ` : '';
    const roll = r.next();
    if (roll < 0.16) return this.attributed(open);
    if (roll < 0.3) return this.reported();
    if (roll < 0.48) return this.quoted();
    if (roll < 0.58) return this.number(open);
    if (roll < 0.7) return this.event(open);
    if (roll < 0.78) return this.context();
    if (roll < 0.85) return this.criticism();
    if (roll < 0.92) return this.next();
    return this.r.chance(0.3)
      ? this.orgSentence(this.orgMid0, this.orgCap0)
      : this.orgSentence(this.organisation(false), this.organisation(true));
  }

  /** Sometimes a second clause: " because residents were worried about the new road". */
  private because(p: number): string {
    const r = this.r;
    return r.chance(p) ? ` ${r.pick(SUBORDINATORS)} ${this.clause(false, 1)}` : '';
  }

  private attributed(open: string): string {
    const r = this.r;
    const sp = (this.current = this.anySpeaker());
    const clause = this.clause(open === '', 0) + this.because(0.4);
    return r.chance(0.85)
      ? `${open}${clause}, ${this.speakerEnd(sp)} ${this.report.pick(r)}.`
      : `${open}${clause}, according to ${this.speakerAccording(sp)}.`;
  }

  private reported(): string {
    const r = this.r;
    const sp = (this.current = this.anySpeaker());
    const who = this.speakerStart(sp);
    return r.chance(0.6)
      ? `${who} ${this.report.pick(r)} ${r.chance(0.3) ? this.time() + ' ' : ''}that ${this.clause(false, 0)}${this.because(0.4)}.`
      : `${who} ${this.report.pick(r)} ${this.clause(false, 0)}${this.because(0.4)}.`;
  }

  private quoted(): string {
    const r = this.r;
    const sp = (this.current = this.anySpeaker());
    const roll = r.next();
    if (roll < 0.45) {
      return r.chance(0.5)
        ? `“${this.quoteText()},” said ${this.speakerInverted(sp)}.`
        : `“${this.quoteText()},” ${this.speakerEnd(sp)} said.`;
    }
    if (roll < 0.85 || this.room < 2) {
      return `${this.speakerStart(sp)} ${this.pick(['said', 'added', 'told reporters', 'said'])}: “${this.quoteText()}.”`;
    }
    this.sentencesWritten = 2;
    return roll < 0.65
      ? `“${this.quoteText()}. ${this.quoteText()},” ${this.speakerEnd(sp)} ${this.report.pick(r)}.`
      : `“${this.quoteText()},” ${this.speakerEnd(sp)} ${this.report.pick(r)}. “${this.quoteText()}.”`;
  }

  private quoteText(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.18) {
      return `We ${r.pick(W.modals)} ${this.verbForms[this.verb.index(r)].base} ${this.np()}${this.ppOpt()}${this.because(0.3)}`;
    }
    if (roll < 0.3) {
      const what = r.chance(0.5)
        ? r.pick(this.aVerdict)
        : `${this.aAdjective[this.adjective.index(r)]} ${r.pick(W.verdictNouns)}`;
      return `This is ${what} for ${this.group.pick(r)}`;
    }
    if (roll < 0.45) return `${r.pick(W.beliefOpeners)} ${this.clause(false, 1)}${this.because(0.25)}`;
    if (roll < 0.57) return `${this.groupCap[this.group.index(r)]} ${r.pick(W.wantVerbs)} ${this.np()}`;
    if (roll < 0.65) return `It is ${r.pick(W.judgementAdjectives)} that ${this.clause(false, 1)}`;
    if (roll < 0.75)
      return `We have ${this.verbForms[this.verb.index(r)].participle} ${this.np()}${this.ppOpt()}`;
    if (roll < 0.87) return this.quote.pick(r);
    return `Our ${this.noun.pick(r)} ${r.chance(0.5) ? 'is' : 'remains'} ${this.condition.pick(r)}`;
  }

  private number(open: string): string {
    const r = this.r;
    const cap = open === '';
    const roll = r.next();
    if (roll < 0.3) {
      const pl = r.chance(0.6);
      const i = pl ? this.measurePlural.index(r) : this.measureMass.index(r);
      const what = pl
        ? cap
          ? this.measurePluralCap[i]
          : W.measuresPlural[i]
        : cap
          ? this.measureMassCap[i]
          : W.measuresMass[i];
      const move = r.chance(0.55) ? r.pick(W.risingVerbs) : r.pick(W.fallingVerbs);
      const by = !pl && r.chance(0.4) ? 'to' : 'by';
      return `${open}${what} ${move} ${by} ${this.pct()} ${this.time()}, according to ${this.source()}.`;
    }
    if (roll < 0.5) {
      const a = r.int(0, APPROX.length - 1);
      return `${open}${cap ? APPROX_CAP[a] : APPROX[a]} ${this.count()} ${this.group.pick(r)} ${this.verbForms[this.verb.index(r)].past} ${this.np()} ${this.time()}.`;
    }
    if (roll < 0.65) {
      return `${open}${cap ? 'The' : 'the'} ${this.noun.pick(r)} ${r.pick(COST_VERBS)} ${this.money()}${r.pick(OVER_YEARS)}.`;
    }
    if (roll < 0.8) {
      return `${this.organisation(true)} said it had ${r.pick(SPEND_VERBS)} ${this.money()} on ${this.np()} ${r.chance(0.5) ? 'since ' + r.int(1998, 2023) : this.time()}.`;
    }
    return `${r.pick(SHARE)} ${this.pct()} of ${this.group.pick(r)} in ${this.somePlace()} ${this.verbForms[this.verb.index(r)].past} ${this.np()}, according to ${this.source()}.`;
  }

  private event(open: string): string {
    const r = this.r;
    const cap = open === '';
    const v = this.verbForms[this.verb.index(r)];
    const roll = r.next();
    if (roll < 0.5) {
      const tail = r.chance(0.35) ? `, ${this.tail()}` : '';
      return `${open}${this.subject(cap)} ${v.past} ${this.np()}${this.ppOpt()} ${this.time()}${tail}.`;
    }
    if (roll < 0.68)
      return `On ${this.day}, ${this.subject(false)} ${v.past} ${this.np()} in ${this.somePlace()}.`;
    if (roll < 0.84)
      return `${open}${this.subject(cap)} ${this.adverb.pick(r)} ${v.past} ${this.np()} ${this.pp()}.`;
    return `${open}${cap ? 'The' : 'the'} ${this.noun.pick(r)} was ${v.participle} ${this.time()} ${r.chance(0.5) ? 'by ' + this.organisation() : 'after ' + this.np()}.`;
  }

  private context(): string {
    const r = this.r;
    switch (r.int(0, 5)) {
      case 0: {
        let why: string;
        switch (r.int(0, 2)) {
          case 0:
            why = `${r.pick(W.numberWords)} months of ${this.mass.pick(r)} over ${this.topicLc}`;
            break;
          case 1:
            why = `${this.adjective.pick(r)} ${this.mass.pick(r)} ${this.pp()}`;
            break;
          default:
            why = `${this.adjNoun(1)} by ${this.organisation()}`;
        }
        return `The ${this.outcome.pick(r)} ${r.pick(COMES)} ${why}.`;
      }
      case 1:
        return `It is the ${r.pick(W.ordinals)} ${this.noun.pick(r)} in ${this.somePlace()} ${r.pick(SINCE)}.`;
      case 2:
        return `${this.somePlace(true)} ${r.pick(W.perfectPhrases)} ${this.np()} ${r.chance(0.5) ? 'since ' + r.int(1990, 2022) : 'in recent years'}.`;
      case 3:
        return `The question of ${this.topicLc} ${r.pick(DEBATE)} ${this.group.pick(r)} ${r.pick(W.wherePhrases)} for years.`;
      case 4:
        return `In ${r.int(1995, 2023)}, ${this.subject(false)} ${this.verbForms[this.verb.index(r)].past} ${this.np()}.`;
      default:
        return `${this.groupCap[this.group.index(r)]} in ${this.somePlace()} were ${this.feeling.pick(r)} about ${this.np()}, ${this.speakerEnd(this.anySpeaker())} ${this.report.pick(r)}.`;
    }
  }

  private criticism(): string {
    const r = this.r;
    const who = this.critic.pick(r);
    switch (r.int(0, 2)) {
      case 0:
        return `${who} ${r.pick(W.pluralSayVerbs)} the ${this.outcome.pick(r)} ${r.pick(W.modals)} ${this.verbForms[this.verb.index(r)].base} ${this.np()}.`;
      case 1:
        return `${who} ${r.pick(W.pluralSayVerbs)} that ${this.clause(false, 0)}.`;
      default:
        return `${who} have ${this.verbForms[this.verb.index(r)].participle} ${this.np()}, ${r.pick(TAILS_PARTICIPLE)} that ${this.clause(false, 1)}.`;
    }
  }

  private next(): string {
    const r = this.r;
    switch (r.int(0, 5)) {
      case 0:
        return `A ${r.pick(NEXT_ADJ)} ${this.outcome.pick(r)} is ${r.chance(0.6) ? 'expected' : 'due'} ${this.future()}.`;
      case 1:
        return `${this.organisation(true)} ${r.pick(DUE)} ${this.verbForms[this.verb.index(r)].base} ${this.np()} ${this.future()}.`;
      case 2:
        return `It was not immediately clear ${r.pick(WHETHER)} ${this.clause(false, 1)}.`;
      case 3:
        return `${this.organisation(true)} ${r.pick(NO_COMMENT)}.`;
      case 4:
        return `${r.pick(TALKS)} are set to ${r.pick(RESUME)} ${this.future()}.`;
      default:
        return `${this.speakerStart(this.anySpeaker())} is due to ${r.pick(['meet', 'visit', 'brief', 'address'])} ${r.chance(0.5) ? this.organisation() : this.group.pick(r) + ' in ' + this.somePlace()} ${this.future()}.`;
    }
  }

  private orgSentence(org: string, orgCap: string): string {
    const r = this.r;
    const v = this.verbForms[this.verb.index(r)];
    switch (r.int(0, 2)) {
      case 0:
        return `In a statement, ${org} said it ${r.pick(W.reportedModals)} ${v.base} ${this.np()}.`;
      case 1:
        return `${this.aOrgRoleCap[this.orgRole.index(r)]} for ${org} ${this.report.pick(r)} that ${this.clause(false, 0)}.`;
      default:
        return `${orgCap} ${v.past} ${this.np()} ${this.time()}, ${r.pick(TAILS_PARTICIPLE)} that ${this.clause(false, 1)}.`;
    }
  }

  /** A sentence that names one of the story's other subjects in full. */
  private mention(name: string, kind: Kind): string {
    const r = this.r;
    switch (kind) {
      case 'person': {
        let sp = this.speakers.find((known) => known.name === name);
        if (!sp) {
          sp = this.speakerFor(name, 'person');
          this.speakers.push(sp);
        }
        this.current = sp;
        return r.chance(0.5)
          ? `“${this.quoteText()},” said ${this.speakerInverted(sp)}.`
          : `${this.speakerStart(sp)} ${this.report.pick(r)} that ${this.clause(false, 0)}.`;
      }
      case 'place':
        switch (r.int(0, 2)) {
          case 0:
            return `In ${withArticle(name, false)}, ${this.clause(false, 0)}.`;
          case 1:
            return `${this.groupCap[this.group.index(r)]} in ${withArticle(name, false)} ${r.pick(W.pluralSayVerbs)} ${this.clause(false, 0)}.`;
          default:
            return `The ${this.outcome.pick(r)} ${r.pick(W.modals)} also affect ${this.group.pick(r)} in ${withArticle(name, false)}, ${this.speakerEnd(this.anySpeaker())} ${this.report.pick(r)}.`;
        }
      case 'topic':
        // The topic opens the sentence as given, so the exact name is in the text.
        return r.chance(0.5)
          ? `${name} will be on the agenda when ${this.organisation()} meets ${this.future()}.`
          : `${name} could dominate the ${this.outcome.pick(r)} ${this.future()}, ${this.speakerEnd(this.anySpeaker())} ${this.report.pick(r)}.`;
      default:
        return this.orgSentence(withArticle(name, false), withArticle(name, true));
    }
  }

  // ---------------------------------------------------------------- phrases

  /** A clause with no final stop: "the council would review the new budget in North Veldor". */
  private clause(cap: boolean, depth: number): string {
    const r = this.r;
    const v = this.verbForms[this.verb.index(r)];
    switch (r.int(0, 9)) {
      case 0:
      case 1:
        return `${this.subject(cap)} ${r.pick(W.modals)} ${v.base} ${this.np()}${this.ppOpt()}`;
      case 2:
      case 3:
        return `${this.subject(cap)} ${v.past} ${this.np()}${this.ppOpt()}`;
      case 4:
        return `${this.subject(cap)} had ${r.chance(0.3) ? this.adverb.pick(r) + ' ' : ''}${v.participle} ${this.np()}`;
      case 5:
        return r.chance(0.5)
          ? `${cap ? 'There' : 'there'} was ${r.pick(QUANT_MASS)} ${this.mass.pick(r)} ${this.pp()}`
          : `${cap ? 'There' : 'there'} were ${r.pick(QUANT_PLURAL)} ${this.nounPlural[this.noun.index(r)]} ${this.pp()}`;
      case 6: {
        const g = this.group.index(r);
        return `${cap ? this.groupCap[g] : W.groups[g]} ${r.pick(W.wherePhrases)} were ${this.feeling.pick(r)} about ${this.np()}`;
      }
      case 7:
        return `${cap ? 'The' : 'the'} ${r.chance(0.5) ? this.outcome.pick(r) : this.noun.pick(r)} ${r.chance(0.5) ? 'was' : 'remained'} ${this.condition.pick(r)}`;
      case 8: {
        const pl = r.chance(0.6);
        const i = pl ? this.measurePlural.index(r) : this.measureMass.index(r);
        const what = pl
          ? cap
            ? this.measurePluralCap[i]
            : W.measuresPlural[i]
          : cap
            ? this.measureMassCap[i]
            : W.measuresMass[i];
        return `${what} had ${r.chance(0.55) ? r.pick(RISEN) : r.pick(FALLEN)} by ${this.pct()} ${this.time()}`;
      }
      default:
        return depth === 0
          ? `${cap ? 'It' : 'it'} was ${r.pick(W.judgementAdjectives)} that ${this.clause(false, 1)}`
          : `${this.subject(cap)} ${v.past} ${this.np()}${this.ppOpt()}`;
    }
  }

  /** Who did something: a noun phrase, an organisation, a group, a place or the story's subject. */
  private subject(cap: boolean): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.3) return `${cap ? 'The' : 'the'} ${this.noun.pick(r)}`;
    if (roll < 0.42) return `${cap ? 'The' : 'the'} ${this.adjNoun(0)}`;
    if (roll < 0.56) return this.organisation(cap);
    if (roll < 0.68) {
      const g = this.group.index(r);
      return cap ? this.groupCap[g] : W.groups[g];
    }
    if (roll < 0.82 && this.mainSpeaks && this.current !== this.main) {
      const main = this.main as Speaker;
      return main.introduced ? (cap ? main.shortCap : main.short) : cap ? main.firstCap : main.first;
    }
    if (roll < 0.9) return this.somePlace(cap);
    return `${cap ? 'The' : 'the'} ${this.ofNoun.pick(r)} of the ${this.noun.pick(r)}`;
  }

  /**
   * An adjective and a noun that do not echo each other ("official official",
   * "cross-party party"): 0 "new plan", 1 "a new plan", 2 "new plans".
   */
  private adjNoun(form: 0 | 1 | 2): string {
    const r = this.r;
    const a = this.adjective.index(r);
    let n = this.noun.index(r);
    if (W.adjectives[a].endsWith(W.nouns[n])) n = (n + 1) % W.nouns.length;
    if (form === 2) return `${W.adjectives[a]} ${this.nounPlural[n]}`;
    return `${form === 1 ? this.aAdjective[a] : W.adjectives[a]} ${W.nouns[n]}`;
  }

  /** An object noun phrase: "the new budget", "rising costs", "the future of the port". */
  private np(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.17) return `the ${this.noun.pick(r)}`;
    if (roll < 0.25) {
      return `the ${this.noun.pick(r)} ${this.verbForms[this.verb.index(r)].participle} by ${this.organisation()}`;
    }
    if (roll < 0.4) return `the ${this.adjNoun(0)}`;
    if (roll < 0.5) return `${this.adjNoun(1)}`;
    if (roll < 0.58) return this.aNoun[this.noun.index(r)];
    if (roll < 0.68) return `${this.adjNoun(2)}`;
    if (roll < 0.76) return this.mass.pick(r);
    if (roll < 0.82) return `${r.chance(0.5) ? 'more' : this.adjective.pick(r)} ${this.mass.pick(r)}`;
    if (roll < 0.9) {
      const of = this.ofNoun.pick(r);
      return r.chance(0.5)
        ? `the ${of} of the ${this.noun.pick(r)}`
        : `the ${of} of ${this.nounPlural[this.noun.index(r)]}`;
    }
    if (roll < 0.95) return `plans for ${this.aNoun[this.noun.index(r)]}`;
    return `${r.chance(0.5) ? 'its policy on' : 'new rules on'} ${this.topicLc}`;
  }

  private pp(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.25) return `in ${this.somePlace()}`;
    if (roll < 0.4) return `for ${this.group.pick(r)}`;
    if (roll < 0.5) return r.pick(W.wherePhrases);
    if (roll < 0.6) return `over ${this.topicLc}`;
    if (roll < 0.7) return `during the ${r.pick(DURING)}`;
    if (roll < 0.78) return `at the ${this.noun.pick(r)}`;
    if (roll < 0.86) return `after ${this.np()}`;
    if (roll < 0.93) return `with ${this.organisation()}`;
    return `under the ${this.adjNoun(0)}`;
  }

  private ppOpt(): string {
    return this.r.chance(0.5) ? ' ' + this.pp() : '';
  }

  private time(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.45) return this.pastTime.pick(r);
    if (roll < 0.8) return `on ${this.day}`;
    if (roll < 0.9) return `on ${this.day} ${this.pick(['morning', 'afternoon', 'evening', 'night'])}`;
    return `in ${r.pick(W.months)}`;
  }

  private future(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.8) return this.futureTime.pick(r);
    if (roll < 0.9) return `on ${r.pick(W.weekdays)}`;
    return `in ${r.pick(W.months)}`;
  }

  /** The story's own place or, less often, any place by popularity. */
  private somePlace(cap = false): string {
    const r = this.r;
    if (r.chance(0.4)) return cap ? this.placeCap0 : this.placeMid0;
    const i = this.places.index(r);
    return cap ? this.placeCap[i] : this.placeMid[i];
  }

  private organisation(cap = false): string {
    const r = this.r;
    if (r.chance(0.3)) return cap ? this.orgCap0 : this.orgMid0;
    const i = this.organisations.index(r);
    return cap ? this.orgCap[i] : this.orgMid[i];
  }

  private source(): string {
    return this.r.chance(0.5) ? this.organisation() : `${this.pick(SOURCE_INTROS)} ${this.organisation()}`;
  }

  private pct(): string {
    const r = this.r;
    return r.chance(0.6) ? `${r.int(1, 45)}${this.percent}` : `${r.int(0, 12)}.${r.int(1, 9)}${this.percent}`;
  }

  private count(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.3) return String(r.int(12, 99));
    if (roll < 0.65) return String(r.int(100, 999));
    if (roll < 0.9) return thousands(r.int(1000, 99999));
    return thousands(r.int(100000, 2000000));
  }

  private money(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.5) return `${r.int(2, 950)} million ${this.currency}`;
    if (roll < 0.75) return `${r.int(1, 40)}.${r.int(1, 9)} billion ${this.currency}`;
    return `${thousands(r.int(10, 990) * 1000)} ${this.currency}`;
  }

  private pick(items: readonly string[]): string {
    return this.r.pick(items);
  }

  // ---------------------------------------------------------------- speakers

  private kindOf(name: string): Kind {
    const known = this.kinds.get(name);
    if (known) return known;
    // Unknown names: two capitalised words read as a person, anything else as an organisation.
    const space = name.indexOf(' ');
    return space > 0 && name.indexOf(' ', space + 1) < 0 && isUpper(name, 0) && isUpper(name, space + 1)
      ? 'person'
      : 'other';
  }

  /** Chooses who speaks next: the main subject, someone already quoted, someone new or an anonymous source. */
  private anySpeaker(): Speaker {
    const r = this.r;
    const roll = r.next();
    const main = this.main as Speaker;
    if (roll < 0.28 && this.mainSpeaks) return main;
    if (roll < 0.6 && this.speakers.length > 0) return this.speakers[r.int(0, this.speakers.length - 1)];
    if (roll < 0.88 && this.newSpeakers < 6) {
      const name = this.people.pick(r);
      // A popular name can come up twice: it is the same person, already introduced.
      for (const known of this.speakers) if (known.name === name) return known;
      this.newSpeakers++;
      const sp = this.speakerFor(name, 'person');
      this.speakers.push(sp);
      return sp;
    }
    return this.anonymousSpeakers[this.anonymous.index(r)];
  }

  private speakerFor(name: string, kind: Kind): Speaker {
    const r = this.r;
    if (kind === 'person') {
      const surname = name.slice(name.lastIndexOf(' ') + 1);
      const [appositive, role] = this.appositive();
      return {
        name,
        firstCap: `${name}, ${appositive},`,
        first: `${name}, ${appositive},`,
        inverted: `${name}, ${appositive}`,
        short: surname,
        shortCap: surname,
        role: role || surname,
        introduced: false,
      };
    }
    if (kind === 'place') {
      const mid = withArticle(name, false);
      const officials = `officials in ${mid}`;
      return {
        name,
        firstCap: `Officials in ${mid}`,
        first: officials,
        inverted: officials,
        short: mid,
        shortCap: withArticle(name, true),
        role: officials,
        introduced: false,
      };
    }
    if (kind === 'topic') {
      const lower = lowerFirst(name);
      return {
        name,
        firstCap: name,
        first: lower,
        inverted: lower,
        short: lower,
        shortCap: name,
        role: lower,
        introduced: false,
      };
    }
    const mid = withArticle(name, false);
    const ref = r.chance(0.5) ? mid : orgReference(name);
    return {
      name,
      firstCap: withArticle(name, true),
      first: mid,
      inverted: mid,
      short: ref,
      shortCap: capitalise(ref),
      role: ref,
      introduced: false,
    };
  }

  /** "the energy minister", "a spokeswoman for Castellan Institute": the appositive and a later reference. */
  private appositive(): [string, string] {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.12) return [`the ${r.pick(W.portfolios)} minister`, 'the minister'];
    if (roll < 0.5) {
      const i = this.orgRole.index(r);
      const role = W.orgRoles[i];
      return i < 3 || r.chance(0.5)
        ? [
            `${this.aOrgRole[i]} ${i < 3 || r.chance(0.5) ? 'for' : 'at'} ${this.organisation()}`,
            `the ${role}`,
          ]
        : [`the ${role} of ${this.organisation()}`, `the ${role}`];
    }
    if (roll < 0.65) {
      const role = r.pick(W.placeRoles);
      return [`the ${role} of ${this.somePlace()}`, `the ${role}`];
    }
    if (roll < 0.88) {
      const i = this.personRole.index(r);
      return [`${this.aPersonRole[i]} ${r.chance(0.5) ? 'from' : 'in'} ${this.somePlace()}`, ''];
    }
    const role = r.pick(W.politicalRoles);
    return [`the ${role}`, `the ${role}`];
  }

  private speakerStart(sp: Speaker): string {
    if (!sp.introduced) {
      sp.introduced = true;
      return sp.firstCap;
    }
    return sp.shortCap;
  }

  private speakerEnd(sp: Speaker): string {
    if (!sp.introduced) {
      sp.introduced = true;
      return sp.first;
    }
    return this.r.chance(0.3) ? sp.role : sp.short;
  }

  private speakerInverted(sp: Speaker): string {
    if (!sp.introduced) {
      sp.introduced = true;
      return sp.inverted;
    }
    return sp.short;
  }

  private speakerAccording(sp: Speaker): string {
    if (!sp.introduced) {
      sp.introduced = true;
      return sp.inverted;
    }
    return sp.short;
  }
}

// ---------------------------------------------------------------- helpers

const ORG_REFERENCES: [string, string][] = [
  ['Ministry', 'the ministry'],
  ['Department', 'the department'],
  ['University', 'the university'],
  ['College', 'the college'],
  ['Party', 'the party'],
  ['Alliance', 'the alliance'],
  ['Council', 'the council'],
  ['Institute', 'the institute'],
  ['Agency', 'the agency'],
  ['Authority', 'the authority'],
  ['Office', 'the office'],
  ['Commission', 'the commission'],
  ['Bank', 'the bank'],
  ['Court', 'the court'],
  ['Union', 'the union'],
  ['Foundation', 'the foundation'],
  ['Trust', 'the trust'],
  ['Museum', 'the museum'],
  ['Hospital', 'the hospital'],
  ['Police', 'police'],
  ['Orchestra', 'the orchestra'],
  ['Society', 'the society'],
  ['United', 'the club'],
  ['Rovers', 'the club'],
  ['Athletic', 'the club'],
  ['City', 'the club'],
  ['Wanderers', 'the club'],
  ['FC', 'the club'],
  ['Albion', 'the club'],
  ['Sporting', 'the club'],
  ['Town', 'the club'],
  ['Movement', 'the movement'],
  ['Front', 'the party'],
  ['League', 'the league'],
  ['Bloc', 'the bloc'],
  ['Coalition', 'the coalition'],
  ['Association', 'the association'],
  ['Board', 'the board'],
  ['Service', 'the service'],
  ['Festival', 'the festival'],
  ['Forum', 'the forum'],
  ['Academy', 'the academy'],
  ['Library', 'the library'],
  ['Clinic', 'the clinic'],
  ['Airport', 'the airport'],
];

/** How a story refers to an organisation after naming it: "the ministry", "the company", or its name again. */
function orgReference(name: string): string {
  for (const [word, ref] of ORG_REFERENCES) {
    if (name.startsWith(word + ' ') || name.endsWith(' ' + word) || name.includes(' ' + word + ' '))
      return ref;
  }
  return 'the company';
}

const ARTICLE_LAST_WORDS = new Set([
  'Institute',
  'Foundation',
  'Trust',
  'Academy',
  'Observatory',
  'Conservatory',
  'Centre',
  'Society',
  'Museum',
  'Library',
  'Orchestra',
  'Party',
  'Alliance',
  'Union',
  'Movement',
  'Front',
  'League',
  'Coalition',
  'Bloc',
  'Authority',
  'Agency',
  'Service',
  'Board',
  'Council',
  'Commerce',
  'Association',
  'Crafts',
  'Forum',
  'Festival',
  'Court',
  'Appeal',
  'Office',
  'Commission',
  'Guard',
  'Railways',
  'Broadcaster',
  'Assembly',
  'Valley',
  'Islands',
  'Coast',
  'Hills',
  'Region',
  'District',
  'Peninsula',
  'Highlands',
  'Lowlands',
  'Strait',
  'Basin',
  'Plain',
]);

/** "Ministry of Energy" reads "the Ministry of Energy" inside a sentence; "Pyjasa Group" stays as it is. */
function withArticle(name: string, cap: boolean): string {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const needs =
    ARTICLE_LAST_WORDS.has(last) ||
    name === 'Central Bank' ||
    name.startsWith('Ministry of ') ||
    name.startsWith('Department of ') ||
    name.startsWith('University of ') ||
    name.startsWith('Republic of ');
  return needs ? (cap ? 'The ' : 'the ') + name : name;
}

function text(value: string): Inline {
  return { type: 'text', text: value };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Energy prices" → "energy prices", but "AI rules" stays as it is. */
function lowerFirst(s: string): string {
  return s.length > 1 && isUpper(s, 1) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

function isUpper(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** Words in a string: spaces plus one (the templates never double a space). indexOf beats a charCodeAt loop. */
function wordCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i !== -1; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** 48250 → "48,250" */
function thousands(n: number): string {
  if (n < 1000) return String(n);
  return thousands(Math.floor(n / 1000)) + ',' + PAD3[n % 1000];
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Subjects come from the caller: keep control characters out of the copy. */
function clean(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001F\u007F]/.test(name) ? name.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim() : name;
}
