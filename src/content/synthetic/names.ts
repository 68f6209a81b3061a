/**
 * Invented proper names for the synthetic archive. Real search traffic is full of
 * names that occur in only a handful of articles, so the pool is built from
 * syllables (rare tokens, never dictionary words) rather than from a list of
 * real people; places and organisations combine those stems with familiar parts
 * ("North …", "… Institute", "Ministry of …") so they still read like news.
 * The pool depends only on the seed of the generator it is given.
 */
import type { Random } from './random.js';
import { allWords, portfolios } from './vocabulary.js';

export interface NamePool {
  people: string[];
  places: string[];
  organisations: string[];
  topics: string[];
}

const PEOPLE = 6000;
const PLACES = 2500;
const ORGANISATIONS = 1200;

// prettier-ignore
const ONSETS = [
  'b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't',
  'tr', 'v', 'z', 'th', 'sh', 'j', 'm', 'l', 'r', 'n', 'v', 'k', 'd', 's', 't', 'b', 'm', 'l', 'r',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'a', 'e', 'i', 'o', 'a', 'ai', 'ei', 'ou', 'ia', 'y'];
const CODAS = ['', '', '', '', '', 'n', 'r', 'l', 's', 'm', 'th', 'st', 'nd', 'rk', 'v', 'x', 'ld', 'rn'];
const MID_CODAS = ['n', 'r', 'l', 's', 'm'];

// prettier-ignore
const FIRST_ENDINGS = [
  'a', 'ia', 'ine', 'elle', 'ora', 'ette', 'i', 'is', 'o', 'an', 'en', 'us', 'ir', 'as', 'ek', 'or', 'ena',
  'ika', 'ios', 'el', 'ric', 'ard', 'in', 'ya', 'on', 'ey', 'eth', 'ana', 'ila', 'und',
];
// prettier-ignore
const LAST_ENDINGS = [
  'ane', 'ovic', 'sen', 'berg', 'ley', 'ford', 'ani', 'ez', 'ski', 'ard', 'ton', 'well', 'mann', 'ier',
  'ou', 'ari', 'ova', 'ic', 'ssen', 'dottir', 'escu', 'idis', 'opoulos', 'enko', 'ak', 'ell', 'wick',
  'more', 'by', 'ham', 'stone', 'ridge', 'vane', 'holt', 'quist', 'strand', 'dahl', 'ero', 'ino', 'esco',
  'ault', 'eau', 'ier', 'oni', 'elli', 'ada', 'uk', 'ych', 'as', 'is', 'os', 'en', 'an', 'ar',
];
// prettier-ignore
const PLACE_ENDINGS = [
  'dor', 'ven', 'mark', 'holm', 'ford', 'by', 'wick', 'ton', 'stad', 'grad', 'ria', 'ia', 'ovo', 'heim',
  'mouth', 'burgh', 'field', 'haven', 'ay', 'ora', 'ene', 'is', 'ara', 'ino', 'ost', 'vik', 'sund',
  'berg', 'dal', 'ley', 'mere', 'thorpe', 'port', 'ica', 'ana', 'el', 'an', 'ar', 'os', 'um',
];

// prettier-ignore
const PLACE_PREFIXES = [
  'North', 'South', 'East', 'West', 'Upper', 'Lower', 'New', 'Old', 'Great', 'Little', 'Port', 'Lake',
  'Mount', 'Saint', 'Fort', 'Cape', 'Glen', 'Inner', 'Outer', 'Central',
];
// prettier-ignore
const PLACE_SUFFIXES = [
  'Bay', 'Valley', 'Heights', 'Springs', 'Falls', 'Province', 'County', 'Islands', 'Coast', 'Hills',
  'Cross', 'Green', 'Bridge', 'Harbour', 'Plain', 'Basin', 'Point', 'Marsh', 'Wells', 'Junction',
  'Region', 'District', 'Peninsula', 'Highlands', 'Lowlands', 'Strait',
];

// prettier-ignore
const INDUSTRIES = [
  'Energy', 'Foods', 'Logistics', 'Motors', 'Telecom', 'Bank', 'Insurance', 'Airlines', 'Steel',
  'Pharmaceuticals', 'Media', 'Holdings', 'Group', 'Systems', 'Networks', 'Mining', 'Shipping', 'Rail',
  'Water', 'Retail', 'Construction', 'Capital', 'Software', 'Brewing', 'Textiles', 'Chemicals', 'Power',
  'Health', 'Labs', 'Partners', 'Industries', 'Technologies', 'Dairy', 'Timber', 'Cement', 'Solar',
  'Wind', 'Freight', 'Properties', 'Investments', 'Electronics', 'Aerospace', 'Robotics', 'Games',
];
// prettier-ignore
const INSTITUTIONS = [
  'Institute', 'University', 'College', 'Foundation', 'Trust', 'Academy', 'Observatory', 'Conservatory',
  'Research Centre', 'Policy Institute', 'Society', 'Museum', 'Library', 'Hospital', 'Clinic', 'Orchestra',
];
// prettier-ignore
const PARTY_ADJECTIVES = [
  'Progressive', 'Liberal', 'Conservative', 'Green', 'Social Democratic', 'Popular', 'National',
  'Democratic', 'Labour', 'Reform', 'Unity', 'Civic', 'Agrarian', 'Centre', 'Republican', 'Freedom',
  'Citizens', 'Pirate', 'Regional', 'Independent',
];
const PARTY_NOUNS = ['Party', 'Alliance', 'Union', 'Movement', 'Front', 'League', 'Coalition', 'Bloc'];
// prettier-ignore
const LOCAL_BODIES = [
  'Water Authority', 'Transport Agency', 'Police', 'Fire Service', 'Health Board', 'City Council',
  'Port Authority', 'Chamber of Commerce', 'Housing Association', 'Regional Council', 'Chamber of Crafts',
  'Energy Agency', 'Development Agency', 'Tourist Board', 'Airport', 'Football Association', 'Bar Association',
  'Teachers Union', 'Farmers Union', 'Business Forum', 'Wildlife Trust', 'Heritage Society', 'Film Festival',
  'District Court', 'Court of Appeal', 'Statistics Office', 'Environment Agency', 'Audit Office',
];
const CLUB_SUFFIXES = [
  'United',
  'Rovers',
  'Athletic',
  'City',
  'Wanderers',
  'FC',
  'Town',
  'Albion',
  'Sporting',
];
// prettier-ignore
const NATIONAL_BODIES = [
  'Central Bank', 'Supreme Court', 'Constitutional Court', 'National Assembly', 'Electoral Commission',
  'Competition Authority', 'Financial Conduct Office', 'Food Safety Agency', 'Medicines Agency',
  'Civil Aviation Authority', 'National Statistics Office', 'Meteorological Service', 'Coast Guard',
  'National Railways', 'Public Broadcaster', 'Data Protection Office', 'Anti-Corruption Office',
  'Consumer Council', 'National Audit Office', 'Ombudsman Office', 'Nuclear Safety Authority',
];

/** Short noun phrases for news topics, in sentence case; none contains a proper noun. */
// prettier-ignore
const TOPICS = [
  'Elections', 'Energy prices', 'Climate', 'Health care', 'Football', 'Housing', 'Inflation', 'Education',
  'Transport', 'Crime', 'Immigration', 'Taxes', 'The economy', 'Unemployment', 'Public spending',
  'Pensions', 'Defence', 'Foreign policy', 'Trade', 'Agriculture', 'Tourism', 'Technology', 'Courts',
  'Policing', 'Schools', 'Universities', 'Hospitals', 'Mental health', 'Social care', 'Child care',
  'Public transport', 'Roads', 'Railways', 'Aviation', 'Shipping', 'Fisheries', 'Water supply',
  'Flooding', 'Drought', 'Wildfires', 'Air pollution', 'Recycling', 'Renewable energy', 'Nuclear power',
  'Oil and gas', 'Mining', 'Manufacturing', 'Retail', 'Small business', 'Banking', 'Interest rates',
  'The stock market', 'Cryptocurrency', 'Artificial intelligence', 'Cybersecurity', 'Data privacy',
  'Social media', 'Broadband', 'Mobile networks', 'Space', 'Science funding', 'Medical research',
  'Vaccines', 'Public health', 'Drug policy', 'Alcohol', 'Smoking', 'Obesity', 'Sport', 'Tennis',
  'Basketball', 'Athletics', 'Cycling', 'Swimming', 'Rugby', 'Ice hockey', 'Motor racing', 'Skiing',
  'Sailing', 'Boxing', 'Chess', 'Film', 'Music', 'Theatre', 'Literature', 'Art', 'Museums', 'Heritage',
  'Architecture', 'Fashion', 'Food and drink', 'Travel', 'Weather', 'Wildlife', 'Forests', 'Rivers',
  'Farming subsidies', 'Food prices', 'Fuel prices', 'Rents', 'Homelessness', 'Poverty', 'Welfare',
  'Minimum wage', 'Strikes', 'Trade unions', 'Working hours', 'Remote work', 'Childcare costs',
  'Birth rates', 'Ageing population', 'Rural life', 'City planning', 'Local government', 'Corruption',
  'Lobbying', 'Party funding', 'Coalition talks', 'Budget talks', 'Constitutional reform',
  'Judicial reform', 'Press freedom', 'Human rights', 'Asylum', 'Border controls', 'Customs',
  'Sanctions', 'Diplomacy', 'Peace talks', 'Military spending', 'Conscription', 'Veterans',
  'Disaster relief', 'Emergency services', 'Road safety', 'Cycling lanes', 'Parking', 'Traffic',
  'Ports', 'Airports', 'Bridges', 'Tunnels', 'High-speed rail', 'Electric cars', 'Charging points',
  'Heat pumps', 'Insulation', 'Power cuts', 'The power grid', 'Solar power', 'Wind farms',
  'Hydropower', 'Carbon emissions', 'Carbon tax', 'Plastic waste', 'Water quality', 'Sewage',
  'Coastal erosion', 'Heatwaves', 'Storms', 'Earthquakes', 'Landslides', 'Avalanches', 'Hunting',
  'Animal welfare', 'Pets', 'Zoos', 'Gardening', 'Allotments', 'Parks', 'Playgrounds', 'Libraries',
  'Local newspapers', 'Broadcasting', 'Streaming', 'Video games', 'Board games', 'Festivals',
  'Concerts', 'Nightlife', 'Restaurants', 'Street food', 'Wine', 'Beer', 'Coffee', 'Bakeries',
  'Markets', 'Shopping centres', 'High streets', 'Online shopping', 'Delivery services', 'Postal service',
  'Telecoms', 'Start-ups', 'Venture capital', 'Mergers', 'Bankruptcies', 'Company profits', 'Exports',
  'Imports', 'Tariffs', 'Supply chains', 'Shipping costs', 'Currency', 'Public debt', 'Tax reform',
  'Tax evasion', 'Property tax', 'Income tax', 'Sales tax', 'Business rates', 'Mortgages', 'House prices',
  'Social housing', 'Student housing', 'Student loans', 'Tuition fees', 'Exam results', 'Teacher shortages',
  'School meals', 'Nursery places', 'Special education', 'Apprenticeships', 'Adult education',
  'Language teaching', 'Research grants', 'Hospital waiting lists', 'Nurse shortages', 'Doctors pay',
  'Ambulance response times', 'Pharmacies', 'Dental care', 'Elderly care', 'Care homes', 'Disability',
  'Loneliness', 'Volunteering', 'Charities', 'Religion', 'Church property', 'Anniversaries',
  'Royal visits', 'State visits', 'Summits', 'Referendums', 'Polling', 'Voter turnout', 'Campaign finance',
  'Local elections', 'By-elections', 'Leadership contests', 'Cabinet reshuffles', 'Resignations',
  'Scandals', 'Inquiries', 'Audits', 'Public procurement', 'Privatisation', 'Nationalisation',
  'State companies', 'Subsidies', 'Grants', 'Regional funds', 'Infrastructure spending', 'Road building',
  'Potholes', 'Speed limits', 'Drink driving', 'Taxi licensing', 'Ride hailing', 'Bus services',
  'Night trains', 'Commuting', 'Ferries', 'Cruise ships', 'Short-term lets', 'Hotels', 'Ski resorts',
  'Beaches', 'National parks', 'Hiking', 'Fishing quotas', 'Fish farming', 'Organic farming',
  'Pesticides', 'Bees', 'Soil health', 'Irrigation', 'Grain harvest', 'Dairy farming', 'Livestock',
  'Food waste', 'Food banks', 'School holidays', 'Daylight saving', 'Public holidays', 'Census',
  'Population decline', 'Emigration', 'Return migration', 'Digital government', 'Identity cards',
  'Surveillance', 'Police powers', 'Prisons', 'Youth crime', 'Knife crime', 'Fraud', 'Scams',
  'Cybercrime', 'Organised crime', 'Smuggling', 'Drug trafficking', 'Money laundering', 'Gun laws',
  'Domestic violence', 'Road deaths', 'Fire safety', 'Building safety', 'Asbestos', 'Lead pipes',
  'Noise', 'Light pollution', 'Urban trees', 'Green spaces', 'Flood defences', 'Dams', 'Canals',
];

/** A pool of unique names: deterministic for the generator's seed. */
export function namePool(random: Random): NamePool {
  const r = random.fork();
  const dictionary = allWords();
  const taken = new Set<string>();
  const claim = (name: string): boolean => {
    const key = name.toLowerCase();
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  for (const topic of TOPICS) claim(topic);

  const stems = (
    count: number,
    endings: readonly string[],
    syllables: [number, number],
    min: number,
    max: number,
  ) => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let guard = 0; out.length < count && guard < count * 50; guard++) {
      const word = stem(r, r.int(syllables[0], syllables[1])) + r.pick(endings);
      if (
        word.length < min ||
        word.length > max ||
        seen.has(word) ||
        dictionary.has(word) ||
        !pronounceable(word)
      ) {
        continue;
      }
      seen.add(word);
      out.push(capitalise(word));
    }
    return out;
  };

  const firstNames = stems(700, FIRST_ENDINGS, [1, 2], 3, 8);
  const lastNames = stems(4500, LAST_ENDINGS, [1, 2], 4, 11);
  const placeStems = stems(2300, PLACE_ENDINGS, [1, 2], 4, 10);
  const orgStems = stems(700, ['', '', 'an', 'ex', 'ia', 'on', 'ar', 'is', 'um', 'ell'], [2, 3], 4, 9);

  const people: string[] = [];
  while (people.length < PEOPLE) {
    const name = `${r.pick(firstNames)} ${r.pick(lastNames)}`;
    if (claim(name)) people.push(name);
  }

  const places: string[] = [];
  let s = 0;
  while (places.length < PLACES) {
    const base = placeStems[s++ % placeStems.length];
    const roll = r.next();
    let name: string;
    if (roll < 0.62 || s <= placeStems.length * 0.5) name = base;
    else if (roll < 0.78) name = `${r.pick(PLACE_PREFIXES)} ${base}`;
    else if (roll < 0.96) name = `${base} ${r.pick(PLACE_SUFFIXES)}`;
    else name = `Republic of ${base}`;
    if (claim(name)) places.push(name);
  }
  const towns = places.filter((p) => !p.includes(' '));

  const organisations: string[] = [];
  const add = (name: string) => {
    if (organisations.length < ORGANISATIONS && claim(name)) organisations.push(name);
  };
  for (const p of portfolios) add(`Ministry of ${titleCase(p)}`);
  for (const b of NATIONAL_BODIES) add(b);
  for (const a of PARTY_ADJECTIVES) add(`${a} ${r.pick(PARTY_NOUNS)}`);
  for (const p of portfolios) if (r.chance(0.5)) add(`Department of ${titleCase(p)}`);
  let o = 0;
  for (let guard = 0; organisations.length < ORGANISATIONS && guard < ORGANISATIONS * 20; guard++) {
    const roll = r.next();
    const own = orgStems[o++ % orgStems.length];
    const town = r.pick(towns);
    if (roll < 0.4) add(`${own} ${r.pick(INDUSTRIES)}`);
    else if (roll < 0.55) add(`${own} ${r.pick(INSTITUTIONS)}`);
    else if (roll < 0.62) add(`University of ${town}`);
    else if (roll < 0.8) add(`${town} ${r.pick(LOCAL_BODIES)}`);
    else if (roll < 0.88) add(r.chance(0.2) ? `FC ${town}` : `${town} ${r.pick(CLUB_SUFFIXES)}`);
    else if (roll < 0.93) add(`${own} ${r.pick(PARTY_NOUNS)}`);
    else add(`${own} & ${r.pick(orgStems)}`);
  }

  // Shuffle so popularity (a Zipf draw over the list order) is unrelated to how a name was built.
  return {
    people: shuffle(r, people),
    places: shuffle(r, places),
    organisations: shuffle(r, organisations),
    topics: [...TOPICS],
  };
}

function stem(r: Random, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i++) {
    out += r.pick(ONSETS) + r.pick(VOWELS);
    out += i === syllables - 1 ? r.pick(CODAS) : r.chance(0.2) ? r.pick(MID_CODAS) : '';
  }
  return out;
}

/**
 * Rejects what no reader could say: more than two vowels or consonants in a row
 * (th, sh and ch count as one), a doubled vowel, or a syllable said twice ("nana").
 */
function pronounceable(word: string): boolean {
  const w = word.replace(/th|sh|ch/g, 'T');
  let vowels = 0;
  let consonants = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if ('aeiouy'.includes(c)) {
      vowels++;
      consonants = 0;
      if (i > 0 && w[i - 1] === c) return false;
    } else {
      consonants++;
      vowels = 0;
    }
    if (vowels > 2 || consonants > 2) return false;
    if (i >= 3 && w[i] === w[i - 2] && w[i - 1] === w[i - 3]) return false;
  }
  return true;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function titleCase(phrase: string): string {
  return phrase.split(' ').map(capitalise).join(' ');
}

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
