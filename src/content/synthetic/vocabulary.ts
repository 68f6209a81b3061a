/**
 * Word lists for the synthetic news archive, written for this project (British
 * spelling, like the rest of the newsroom). Search statistics on a synthetic
 * archive are only meaningful if word frequencies look like real copy, so every
 * list is ordered roughly from most to least common: a Zipf draw over a list then
 * gives a few words that appear in most articles and a long tail of rare ones.
 *
 * Verbs are written once in their base form (with irregular forms spelled out as
 * `base:past:participle:ing`) and expanded when the module loads, so the hot path
 * only indexes arrays.
 */

/** Function words: the glue of every sentence (used by the templates and to tell content words apart). */
// prettier-ignore
export const functionWords: readonly string[] = [
  'the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'for', 'on', 'it', 'with', 'was', 'as', 'by', 'at',
  'he', 'she', 'be', 'from', 'has', 'have', 'had', 'are', 'were', 'an', 'this', 'but', 'not', 'or',
  'they', 'which', 'will', 'would', 'their', 'its', 'been', 'after', 'who', 'more', 'we', 'there', 'than',
  'about', 'could', 'also', 'over', 'into', 'some', 'them', 'if', 'other', 'no', 'when', 'our', 'can',
  'all', 'up', 'out', 'so', 'what', 'his', 'her', 'i', 'one', 'may', 'should', 'those', 'these', 'any',
  'before', 'while', 'such', 'against', 'under', 'between', 'during', 'since', 'because', 'both', 'most',
  'many', 'much', 'where', 'through', 'until', 'how', 'very', 'still', 'might', 'must', 'each', 'own',
  'across', 'among', 'without', 'within', 'around', 'despite', 'amid', 'towards', 'whether', 'though',
  'although', 'per', 'do', 'does', 'did', 'being', 'us', 'you', 'your', 'my', 'me', 'him', 'then',
  'than', 'yet', 'nor', 'either', 'neither', 'every', 'few', 'several', 'less', 'least', 'only', 'just',
  'even', 'again', 'already', 'now', 'here', 'why', 'whose', 'whom', 'upon', 'onto', 'off', 'down',
  'near', 'beyond', 'behind', 'above', 'below', 'along', 'ahead', 'unless', 'once', 'too', 'rather',
];

/** Countable nouns in the singular, most common first. */
// prettier-ignore
export const nouns: readonly string[] = unique([
  'government', 'plan', 'country', 'city', 'report', 'decision', 'group', 'company',
  'law', 'party', 'election', 'school', 'service', 'vote', 'deal', 'case', 'area', 'region',
  'problem', 'project', 'member', 'family', 'child', 'business', 'market', 'price', 'budget', 'rule',
  'court', 'council', 'leader', 'office', 'system', 'programme', 'policy', 'town', 'community', 'proposal',
  'agreement', 'change', 'statement', 'meeting', 'issue', 'question', 'job', 'home', 'hospital', 'road',
  'bill', 'scheme', 'official', 'worker', 'minister', 'team', 'investigation', 'response', 'situation',
  'campaign', 'crisis', 'increase', 'risk', 'effort', 'challenge', 'result', 'review', 'contract',
  'strategy', 'target', 'sector', 'measure', 'debate', 'committee', 'reform', 'move', 'step', 'fund',
  'figure', 'survey', 'study', 'record', 'centre', 'site', 'station', 'network', 'project', 'building',
  'district', 'village', 'season', 'match', 'game', 'player', 'club', 'coach', 'election', 'candidate',
  'court', 'judge', 'trial', 'charge', 'sentence', 'ruling', 'appeal', 'inquiry', 'hearing', 'lawyer',
  'officer', 'incident', 'attack', 'accident', 'fire', 'flood', 'storm', 'warning', 'alert',
  'patient', 'doctor', 'nurse', 'student', 'teacher', 'university', 'course', 'exam', 'class', 'parent',
  'resident', 'tenant', 'landlord', 'property', 'house', 'flat', 'rent', 'loan', 'bank', 'rate', 'tax',
  'cost', 'bill', 'payment', 'grant', 'subsidy', 'price', 'wage', 'salary', 'pension', 'benefit',
  'factory', 'plant', 'mine', 'farm', 'port', 'airport', 'bridge', 'tunnel', 'railway', 'line', 'route',
  'bus', 'train', 'flight', 'ticket', 'passenger', 'driver', 'car', 'vehicle', 'ship', 'border',
  'product', 'brand', 'shop', 'store', 'restaurant', 'hotel', 'visitor', 'tourist', 'festival', 'event',
  'concert', 'exhibition', 'museum', 'library', 'theatre', 'film', 'book', 'album', 'show', 'award',
  'prize', 'competition', 'tournament', 'final', 'league', 'title', 'goal', 'win', 'defeat', 'draw',
  'lead', 'share', 'stake', 'profit', 'loss', 'deficit', 'surplus', 'debt', 'bond', 'investor',
  'customer', 'supplier', 'partner', 'owner', 'manager', 'director', 'executive', 'board', 'chair',
  'union', 'strike', 'protest', 'demonstration', 'march', 'petition', 'complaint', 'claim', 'dispute',
  'conflict', 'war', 'ceasefire', 'summit', 'visit', 'trip', 'tour', 'conference', 'forum',
  'parliament', 'assembly', 'coalition', 'opposition', 'majority', 'minority', 'seat', 'poll', 'ballot',
  'referendum', 'constitution', 'amendment', 'motion', 'term', 'mandate', 'cabinet', 'ministry',
  'agency', 'authority', 'department', 'institution', 'organisation', 'charity', 'foundation', 'trust',
  'association', 'federation', 'network', 'platform', 'website', 'app', 'account', 'database', 'device',
  'phone', 'computer', 'system', 'tool', 'technology', 'method', 'approach',
  'model', 'version', 'feature', 'option', 'alternative', 'solution', 'idea', 'view', 'opinion', 'concern',
  'fear', 'hope', 'promise', 'threat', 'danger', 'benefit', 'advantage', 'impact', 'effect', 'factor',
  'reason', 'cause', 'source', 'sign', 'signal', 'trend', 'pattern', 'level', 'number', 'amount',
  'total', 'average', 'share', 'majority', 'percentage', 'estimate',
  'forecast', 'outlook', 'prospect', 'opportunity', 'chance', 'priority', 'goal', 'aim', 'objective',
  'deadline', 'timetable', 'date', 'period', 'phase', 'stage', 'round', 'session', 'term',
  'street', 'square', 'park', 'garden', 'field', 'river', 'lake', 'coast', 'beach', 'island', 'forest',
  'mountain', 'valley', 'neighbourhood', 'suburb', 'estate', 'capital', 'province', 'county', 'state',
  'nation', 'economy', 'industry', 'market', 'exporter', 'importer', 'producer', 'consumer', 'retailer',
  'employer', 'employee', 'volunteer', 'activist', 'campaigner', 'critic', 'supporter', 'opponent',
  'rival', 'ally', 'neighbour', 'friend', 'relative', 'victim', 'witness', 'suspect', 'prisoner',
  'soldier', 'veteran', 'refugee', 'migrant', 'citizen', 'voter', 'taxpayer', 'pensioner', 'household',
  'generation', 'population', 'audience', 'crowd', 'fan', 'artist', 'musician', 'writer', 'author',
  'journalist', 'editor', 'scientist', 'researcher', 'expert', 'analyst', 'economist', 'engineer',
  'architect', 'farmer', 'fisherman', 'miner', 'builder', 'developer', 'entrepreneur', 'founder',
  'spokesperson', 'adviser', 'regulator', 'inspector', 'auditor', 'watchdog', 'ombudsman', 'mayor',
  'governor', 'president', 'ambassador', 'diplomat', 'delegation', 'envoy', 'spokesman', 'spokeswoman',
  'clinic', 'ward', 'ambulance', 'vaccine', 'treatment', 'drug', 'disease', 'virus', 'outbreak', 'test',
  'operation', 'appointment', 'waiting list', 'surgery', 'pharmacy', 'care home', 'nursery', 'kindergarten',
  'playground', 'pool', 'stadium', 'arena', 'track', 'pitch', 'court', 'gym', 'cycle lane', 'car park',
  'pipeline', 'grid', 'reactor', 'turbine', 'panel', 'battery', 'well', 'reservoir', 'dam', 'canal',
  'harbour', 'terminal', 'warehouse', 'depot', 'yard', 'shipyard', 'refinery', 'smelter', 'mill',
  'permit', 'licence', 'certificate', 'passport', 'visa', 'document', 'letter', 'email',
  'message', 'post', 'video', 'photo', 'image', 'interview', 'speech', 'address', 'announcement',
  'briefing', 'document', 'draft', 'text', 'clause', 'provision', 'regulation', 'directive', 'guideline',
  'standard', 'requirement', 'condition', 'exception', 'exemption', 'loophole', 'penalty', 'fine', 'ban',
  'limit', 'cap', 'quota', 'threshold', 'ceiling', 'floor', 'margin', 'gap', 'shortfall', 'backlog',
  'shortage', 'surge', 'rise', 'fall', 'drop', 'decline', 'slump', 'recovery', 'boom', 'recession',
  'downturn', 'upturn', 'rebound', 'cut', 'hike', 'freeze', 'delay', 'closure', 'opening', 'launch',
  'expansion', 'merger', 'takeover', 'acquisition', 'sale', 'purchase', 'order', 'shipment', 'delivery',
  'supply', 'harvest', 'crop', 'herd', 'catch', 'season', 'drought', 'heatwave', 'wildfire', 'landslide',
  'earthquake', 'blackout', 'outage', 'leak', 'spill', 'collapse', 'crash', 'collision', 'derailment',
  'evacuation', 'rescue', 'search', 'recall', 'scandal', 'allegation', 'resignation', 'dismissal',
  'nomination', 'promotion', 'retirement', 'anniversary', 'ceremony', 'funeral', 'wedding', 'birthday',
  'tradition', 'custom', 'heritage', 'monument', 'statue', 'memorial', 'church', 'mosque', 'temple',
  'castle', 'palace', 'tower', 'market hall', 'town hall', 'courthouse', 'prison', 'barracks', 'base',
]);

/** Uncountable nouns, most common first: "funding", "evidence". */
// prettier-ignore
export const massNouns: readonly string[] = unique([
  'funding', 'support', 'money', 'pressure', 'evidence', 'information', 'research', 'growth', 'investment',
  'opposition', 'criticism', 'progress', 'training', 'housing', 'traffic', 'energy', 'electricity',
  'water', 'healthcare', 'education', 'transport', 'security', 'safety', 'inflation', 'unemployment',
  'advice', 'equipment', 'infrastructure', 'power', 'food', 'fuel', 'waste', 'pollution', 'damage',
  'help', 'access', 'uncertainty', 'confidence', 'trust', 'demand', 'interest', 'attention', 'land',
  'legislation', 'guidance', 'oversight', 'compensation', 'aid', 'tourism', 'trade', 'migration',
  'crime', 'corruption', 'violence', 'poverty', 'debt', 'spending', 'borrowing', 'revenue', 'income',
  'employment', 'production', 'output', 'capacity', 'competition', 'cooperation', 'development',
  'maintenance', 'construction', 'planning', 'management', 'leadership', 'accountability', 'transparency',
  'regulation', 'enforcement', 'protection', 'prevention', 'treatment', 'recovery', 'resilience',
  'stability', 'reform', 'change', 'unrest', 'anger', 'frustration', 'disappointment', 'relief',
  'optimism', 'scepticism', 'resistance', 'backing', 'approval', 'consent', 'permission', 'feedback',
  'insurance', 'heating', 'lighting', 'broadband', 'parking', 'recycling', 'farming', 'fishing',
  'mining', 'manufacturing', 'shipping', 'logistics', 'childcare', 'welfare', 'justice', 'policing',
  'surveillance', 'privacy', 'freedom', 'democracy', 'turnout', 'participation', 'attendance',
  'membership', 'ownership', 'rent', 'tax', 'wealth', 'capital', 'credit', 'cash', 'gas', 'oil', 'coal',
  'steel', 'timber', 'grain', 'wheat', 'milk', 'meat', 'fruit', 'wine', 'music', 'art', 'culture',
  'history', 'science', 'technology', 'software', 'hardware', 'weather', 'rain', 'snow', 'heat', 'ice',
  'wind', 'noise', 'dust', 'smoke', 'air quality', 'biodiversity', 'wildlife', 'soil', 'drinking water',
  'public transport', 'mental health', 'social care', 'climate policy', 'foreign policy', 'tax relief',
]);

/** Plural-only nouns for people in the news, most common first: "residents", "officials". */
// prettier-ignore
export const groups: readonly string[] = unique([
  'people', 'residents', 'officials', 'workers', 'families', 'parents', 'children', 'students',
  'teachers', 'businesses', 'voters', 'patients', 'doctors', 'nurses', 'farmers', 'drivers',
  'passengers', 'investors', 'experts', 'analysts', 'economists', 'campaigners', 'critics',
  'supporters', 'opponents', 'protesters', 'police', 'politicians', 'lawmakers', 'councillors',
  'ministers', 'employers', 'employees', 'unions', 'companies', 'households', 'pensioners', 'tenants',
  'landlords', 'homeowners', 'shoppers', 'customers', 'consumers', 'taxpayers', 'commuters', 'visitors',
  'tourists', 'fans', 'players', 'athletes', 'artists', 'musicians', 'scientists', 'researchers',
  'engineers', 'volunteers', 'activists', 'locals', 'young people', 'older people', 'migrants',
  'refugees', 'veterans', 'fishermen', 'miners', 'retailers', 'builders', 'developers', 'regulators',
  'inspectors', 'diplomats', 'delegates', 'judges', 'lawyers', 'prosecutors', 'witnesses', 'victims',
  'survivors', 'firefighters', 'paramedics', 'soldiers', 'officers', 'staff', 'managers', 'owners',
  'shareholders', 'lenders', 'borrowers', 'exporters', 'importers', 'suppliers', 'growers',
  'shopkeepers', 'landowners', 'cyclists', 'pedestrians', 'motorists', 'hauliers', 'dockworkers',
  'midwives', 'carers', 'caregivers', 'academics', 'historians', 'curators', 'collectors', 'readers',
  'viewers', 'listeners', 'subscribers', 'users', 'applicants', 'graduates', 'apprentices', 'trainees',
]);

/** Nouns that take an "of" complement: "the cost of", "a review of". */
// prettier-ignore
export const ofNouns: readonly string[] = unique([
  'cost', 'future', 'impact', 'number', 'review', 'lack', 'quality', 'price', 'closure', 'expansion',
  'sale', 'future', 'scale', 'size', 'value', 'state', 'role', 'use', 'safety', 'level', 'share',
  'supply', 'loss', 'return', 'rest', 'part', 'end', 'start', 'head', 'members', 'rise', 'fall',
  'handling', 'collapse', 'extent', 'timing', 'details', 'results', 'findings', 'effects', 'terms',
  'funding', 'management', 'condition', 'running', 'financing', 'redevelopment', 'privatisation',
]);

/** Measures that rise and fall, plural agreement: "prices rose". */
// prettier-ignore
export const measuresPlural: readonly string[] = unique([
  'prices', 'costs', 'rents', 'sales', 'profits', 'exports', 'wages', 'energy bills', 'house prices',
  'fuel prices', 'waiting times', 'imports', 'pensions', 'tax receipts', 'visitor numbers',
  'passenger numbers', 'applications', 'complaints', 'bookings', 'donations', 'emissions', 'earnings',
  'interest rates', 'food prices', 'ticket sales', 'admissions', 'arrivals', 'subscriptions',
  'insurance premiums', 'property values', 'hospital admissions', 'enrolments', 'job vacancies',
]);

/** Measures that rise and fall, singular agreement: "unemployment rose". */
// prettier-ignore
export const measuresMass: readonly string[] = unique([
  'inflation', 'unemployment', 'turnout', 'spending', 'investment', 'borrowing', 'debt', 'output',
  'demand', 'production', 'crime', 'traffic', 'revenue', 'growth', 'membership', 'attendance',
  'the deficit', 'public debt', 'consumer confidence', 'footfall', 'youth unemployment', 'recycling',
]);

/**
 * Transitive verbs, most common first: `base` or `base:past` or `base:past:participle`
 * or `base:past:participle:ing` where the regular rules would go wrong.
 */
// prettier-ignore
const verbSpecs: readonly string[] = [
  'announce', 'approve', 'propose', 'reject', 'support', 'launch', 'review', 'introduce', 'plan:planned',
  'back', 'oppose', 'criticise', 'defend', 'delay', 'cancel:cancelled', 'confirm', 'welcome', 'consider',
  'discuss', 'extend', 'expand', 'reduce', 'increase', 'cut:cut:cut:cutting', 'raise', 'block',
  'challenge', 'examine', 'investigate', 'suspend', 'restore', 'replace', 'fund', 'build:built:built',
  'close', 'open', 'sign', 'publish', 'release', 'deny', 'unveil', 'question', 'accept', 'receive',
  'complete', 'begin:began:begun:beginning', 'end', 'improve', 'protect', 'change', 'secure',
  'win:won:won:winning', 'lose:lost:lost', 'pay:paid:paid', 'spend:spent:spent', 'lead:led:led',
  'run:ran:run:running', 'offer', 'request', 'demand', 'promise', 'prepare', 'present', 'submit:submitted',
  'adopt', 'pass', 'scrap:scrapped', 'revise', 'update', 'postpone', 'make:made:made', 'take:took:taken',
  'give:gave:given', 'hold:held:held', 'set:set:set:setting', 'send:sent:sent', 'bring:brought:brought',
  'meet:met:met', 'seek:sought:sought', 'sell:sold:sold', 'buy:bought:bought', 'keep:kept:kept',
  'find:found:found', 'hit:hit:hit:hitting', 'put:put:put:putting', 'see:saw:seen:seeing',
  'show:showed:shown', 'choose:chose:chosen', 'draw:drew:drawn', 'break:broke:broken', 'freeze:froze:frozen',
  'ban:banned', 'stop:stopped', 'drop:dropped', 'admit:admitted', 'control:controlled', 'label:labelled',
  'fuel:fuelled', 'signal:signalled', 'target', 'tackle', 'address', 'address', 'ease', 'boost',
  'strengthen', 'weaken', 'limit', 'restrict', 'require', 'allow', 'force', 'prevent', 'avoid', 'face',
  'reach', 'agree', 'endorse', 'praise', 'condemn', 'dismiss', 'fire', 'appoint', 'elect', 'nominate',
  'hire', 'train', 'employ', 'recruit', 'attract', 'lose', 'cover', 'share', 'provide', 'deliver',
  'supply', 'export', 'import', 'produce', 'manufacture', 'develop', 'design', 'test', 'trial:trialled', 'pilot',
  'monitor', 'measure', 'assess', 'evaluate', 'audit', 'inspect', 'check', 'track', 'record', 'report',
  'highlight', 'outline', 'detail', 'explain', 'describe', 'defend', 'justify', 'clarify', 'correct',
  'amend', 'draft', 'negotiate', 'finalise', 'renew', 'terminate', 'withdraw:withdrew:withdrawn',
  'overturn', 'uphold:upheld:upheld', 'appeal', 'contest', 'dispute', 'settle', 'resolve', 'handle',
  'manage', 'oversee:oversaw:overseen', 'coordinate', 'organise', 'host', 'attend', 'visit', 'tour',
  'inaugurate', 'celebrate', 'mark', 'commemorate', 'honour', 'award', 'grant', 'lend:lent:lent',
  'borrow', 'invest', 'allocate', 'earmark', 'redirect', 'divert', 'save', 'waste', 'lower', 'double',
  'triple', 'halve', 'exceed', 'miss', 'meet', 'hit', 'surpass', 'match', 'beat:beat:beaten',
  'defeat', 'overtake:overtook:overtaken', 'join', 'leave:left:left', 'quit:quit:quit:quitting',
  'resign', 'replace', 'succeed', 'demolish', 'renovate', 'restore', 'repair', 'upgrade', 'modernise',
  'convert', 'relocate', 'reopen', 'shut:shut:shut:shutting', 'evacuate', 'rescue', 'arrest', 'charge',
  'convict', 'sentence', 'acquit', 'release', 'detain', 'question', 'interview', 'survey', 'poll',
  'warn', 'urge', 'remind', 'reassure', 'persuade', 'convince', 'pressure', 'lobby', 'petition',
  'consult', 'inform', 'notify', 'alert', 'contact', 'phone', 'email', 'brief', 'advise', 'counsel:counselled',
  'sponsor', 'subsidise', 'tax', 'charge', 'fine', 'compensate', 'reimburse', 'refund', 'insure',
  'cap:capped', 'peg:pegged', 'index', 'link', 'tie', 'merge', 'split:split:split:splitting', 'acquire', 'sell',
];

export interface VerbForms {
  base: string;
  /** "approved" */
  past: string;
  /** "approved", "taken" */
  participle: string;
  /** third person singular present, for headlines: "approves" */
  present: string;
  /** "approving" */
  ing: string;
}

/** Transitive verbs with all their forms, most common first. */
export const verbs: readonly VerbForms[] = unique(verbSpecs).map(expandVerb);

/** Headline-only verbs that take a prepositional object: "warns of", "calls for". */
// prettier-ignore
export const headlinePhrasalVerbs: readonly string[] = [
  'warns of', 'calls for', 'pushes for', 'presses for', 'hopes for', 'bets on', 'cracks down on',
  'signs off on', 'backs down on', 'rules out', 'steps up', 'opens talks on', 'moves ahead with',
  'pulls out of', 'presses ahead with', 'holds firm on', 'takes aim at', 'sets out', 'lays out',
];

/** Past-tense reporting verbs, "said" first and by far the most common. */
// prettier-ignore
export const reportingVerbs: readonly string[] = [
  'said', 'told reporters', 'added', 'warned', 'said in a statement', 'explained', 'argued', 'insisted',
  'noted', 'confirmed', 'admitted', 'claimed', 'stressed', 'acknowledged', 'suggested', 'pointed out',
  'told a news conference', 'wrote in a statement', 'told local radio', 'conceded', 'maintained',
  'cautioned', 'predicted', 'recalled', 'complained', 'announced', 'replied', 'told a briefing',
  'told the committee', 'said on social media', 'told the assembly', 'observed', 'remarked',
];

/** Present-tense reporting verbs for headlines: "says". */
// prettier-ignore
export const reportingVerbsPresent: readonly string[] = [
  'says', 'warns', 'claims', 'insists', 'admits', 'argues', 'believes', 'fears', 'predicts', 'suggests',
];

/** Attributive adjectives, most common first. */
// prettier-ignore
export const adjectives: readonly string[] = unique([
  'new', 'local', 'national', 'public', 'former', 'major', 'big', 'small', 'large', 'high', 'low',
  'final', 'further', 'latest', 'recent', 'current', 'long', 'short', 'key', 'main', 'senior', 'economic',
  'political', 'social', 'financial', 'international', 'foreign', 'regional', 'rural', 'urban', 'private',
  'independent', 'young', 'old', 'early', 'full', 'annual', 'proposed', 'planned', 'controversial',
  'popular', 'strong', 'weak', 'serious', 'significant', 'sharp', 'modest', 'growing', 'rising',
  'falling', 'record', 'heavy', 'wide', 'clear', 'difficult', 'important', 'special', 'general',
  'common', 'similar', 'possible', 'likely', 'official', 'legal', 'medical', 'military', 'environmental',
  'digital', 'central', 'northern', 'southern', 'eastern', 'western', 'coastal', 'historic', 'temporary',
  'permanent', 'additional', 'extra', 'emergency', 'fresh', 'joint', 'cross-party', 'long-term',
  'short-term', 'ambitious', 'costly', 'expensive', 'cheap', 'affordable', 'free', 'open', 'closed',
  'ongoing', 'upcoming', 'previous', 'existing', 'original', 'revised', 'updated', 'detailed', 'brief',
  'broad', 'narrow', 'limited', 'widespread', 'sudden', 'gradual', 'unexpected', 'surprising', 'rare',
  'unusual', 'familiar', 'traditional', 'modern', 'green', 'renewable', 'nuclear', 'industrial',
  'agricultural', 'commercial', 'residential', 'municipal', 'federal', 'provincial', 'parliamentary',
  'judicial', 'diplomatic', 'strategic', 'technical', 'practical', 'administrative', 'educational',
  'cultural', 'scientific', 'academic', 'professional', 'voluntary', 'mandatory', 'compulsory',
  'statutory', 'formal', 'informal', 'initial', 'second', 'third', 'overall', 'total', 'net', 'average',
  'minimum', 'maximum', 'basic', 'essential', 'critical', 'urgent', 'immediate', 'direct', 'indirect',
  'visible', 'hidden', 'quiet', 'busy', 'crowded', 'empty', 'vacant', 'derelict', 'flagship', 'landmark',
  'pioneering', 'innovative', 'experimental', 'pilot', 'trial', 'interim', 'transitional', 'seasonal',
  'weekly', 'monthly', 'daily', 'nightly', 'overnight', 'five-year', 'two-year', 'ten-year', 'multi-year',
  'citywide', 'nationwide', 'regionwide', 'bilateral', 'multilateral', 'cross-border', 'domestic',
  'overseas', 'global', 'neighbouring', 'remote', 'isolated', 'deprived', 'wealthy', 'poor',
  'vulnerable', 'elderly', 'disabled', 'low-income', 'middle-income', 'skilled', 'unskilled', 'seasoned',
  'veteran', 'rookie', 'talented', 'experienced', 'prominent', 'leading', 'influential', 'powerful',
  'fragile', 'stable', 'volatile', 'uncertain', 'bleak', 'gloomy', 'upbeat', 'positive', 'negative',
  'mixed', 'muted', 'lukewarm', 'fierce', 'bitter', 'heated', 'lengthy', 'protracted', 'swift', 'rapid',
  'slow', 'steady', 'steep', 'dramatic', 'marked', 'notable', 'substantial', 'considerable', 'massive',
  'huge', 'tiny', 'minor', 'marginal', 'symbolic', 'landmark', 'unprecedented', 'historic', 'routine',
  'annual', 'biennial', 'unpaid', 'overdue', 'outstanding', 'pending', 'disputed', 'contested',
  'unanimous', 'narrow', 'decisive', 'tentative', 'provisional', 'binding', 'non-binding', 'confidential',
  'leaked', 'unpublished', 'anonymous', 'unnamed', 'retired', 'acting', 'outgoing', 'incoming',
]);

/** How people feel, after "were": "residents were worried". */
// prettier-ignore
export const feelings: readonly string[] = [
  'concerned', 'worried', 'confident', 'optimistic', 'cautious', 'frustrated', 'disappointed', 'angry',
  'divided', 'unhappy', 'pleased', 'hopeful', 'sceptical', 'uncertain', 'surprised', 'shocked', 'relieved',
  'nervous', 'upset', 'anxious', 'excited', 'enthusiastic', 'unsure', 'realistic', 'curious', 'furious',
];

/** How things stand, after "was" or "remained": "the situation remained tense". */
// prettier-ignore
export const conditions: readonly string[] = [
  'unclear', 'unchanged', 'stable', 'fragile', 'tense', 'calm', 'difficult', 'manageable', 'unsustainable',
  'unacceptable', 'inevitable', 'premature', 'encouraging', 'disappointing', 'alarming', 'worrying',
  'reassuring', 'open', 'closed', 'available', 'unavailable', 'overwhelmed', 'stretched', 'underfunded',
  'overcrowded', 'uncertain', 'on track', 'behind schedule', 'under review', 'on hold',
  'in doubt', 'under way', 'out of date', 'too expensive', 'too slow', 'long overdue',
];

/** Nouns for verdicts in quotes: "This is a difficult moment". */
// prettier-ignore
export const verdictNouns: readonly string[] = [
  'moment', 'step', 'decision', 'day', 'result', 'blow', 'setback', 'opportunity', 'signal', 'test',
  'start', 'victory', 'mistake', 'problem', 'relief', 'warning', 'compromise', 'breakthrough', 'gamble',
];

/** Things that are expected, due or awaited: "A final decision is expected next month." */
// prettier-ignore
export const outcomeNouns: readonly string[] = [
  'decision', 'vote', 'ruling', 'report', 'review', 'verdict', 'announcement', 'debate', 'hearing',
  'agreement', 'deal', 'budget', 'response', 'consultation', 'statement', 'meeting', 'assessment',
  'inquiry', 'recommendation', 'judgment', 'timetable', 'proposal', 'audit', 'update',
];

/** What places have been through, after a place name: "North Veldor has seen". */
// prettier-ignore
export const perfectPhrases: readonly string[] = [
  'has seen', 'has faced', 'has struggled with', 'has invested heavily in', 'has long debated',
  'has been hit by', 'has benefited from', 'has relied on', 'has resisted', 'has pushed for',
  'has campaigned against', 'has been at the centre of', 'has experimented with', 'has been spared',
];

/** How plural groups report things, present tense: "Critics say". */
// prettier-ignore
export const pluralSayVerbs: readonly string[] = [
  'say', 'argue', 'warn', 'fear', 'point out', 'have warned', 'have long argued', 'believe', 'claim',
  'complain', 'insist', 'suspect', 'accept', 'worry',
];

/** Past-tense movement of a measure: "rose by", "fell to". */
export const risingVerbs: readonly string[] = [
  'rose',
  'increased',
  'climbed',
  'jumped',
  'grew',
  'edged up',
  'surged',
];
export const fallingVerbs: readonly string[] = [
  'fell',
  'dropped',
  'declined',
  'slipped',
  'eased',
  'dipped',
  'plunged',
];

/** Short stock sentences people say in quotes (no final stop). */
// prettier-ignore
export const stockQuotes: readonly string[] = [
  'Nobody expected this', 'We are not there yet', 'It is too early to say', 'This is not the end of the story',
  'We will keep going', 'The door remains open', 'Nothing has been decided', 'We have to be realistic',
  'There is no quick fix', 'Time is running out', 'We cannot wait any longer', 'This affects everyone',
  'We have heard these promises before', 'The numbers speak for themselves', 'It is a question of fairness',
  'We are listening', 'People are tired', 'Nobody is pretending this is easy', 'We owe it to the next generation',
  'This was never about money', 'We will look at every option', 'The work starts now', 'Nobody wins from this',
];

/** Adjectives for "it is … that": "it is clear that". */
// prettier-ignore
export const judgementAdjectives: readonly string[] = [
  'clear', 'important', 'vital', 'essential', 'likely', 'unlikely', 'possible', 'obvious', 'true',
  'disappointing', 'encouraging', 'worrying', 'regrettable', 'striking', 'remarkable', 'crucial',
];

/** Adverbs, most common first. */
// prettier-ignore
export const adverbs: readonly string[] = unique([
  'also', 'now', 'still', 'already', 'recently', 'currently', 'previously', 'later', 'sharply',
  'slightly', 'significantly', 'quickly', 'slowly', 'largely', 'mostly', 'nearly', 'almost', 'widely',
  'strongly', 'firmly', 'openly', 'publicly', 'privately', 'formally', 'officially', 'finally',
  'eventually', 'initially', 'immediately', 'repeatedly', 'increasingly', 'particularly', 'especially',
  'clearly', 'simply', 'directly', 'fully', 'partly', 'heavily', 'steadily', 'gradually', 'broadly',
  'roughly', 'briefly', 'carefully', 'jointly', 'narrowly', 'unanimously', 'quietly', 'reportedly',
  'apparently', 'reluctantly', 'temporarily', 'permanently', 'effectively', 'ultimately', 'swiftly',
  'sharply', 'bluntly', 'cautiously', 'deliberately', 'consistently', 'routinely', 'seriously',
  'substantially', 'modestly', 'dramatically', 'abruptly', 'unexpectedly', 'belatedly', 'quickly',
]);

/** Ministerial portfolios, in lower case: "the energy minister", "Ministry of Energy". */
// prettier-ignore
export const portfolios: readonly string[] = [
  'finance', 'health', 'energy', 'education', 'interior', 'defence', 'justice', 'transport',
  'foreign', 'economy', 'agriculture', 'environment', 'housing', 'labour', 'culture', 'trade',
  'tourism', 'science', 'sport', 'digital affairs', 'social affairs', 'infrastructure', 'industry',
  'fisheries', 'water', 'regional development', 'family affairs', 'public works', 'mining', 'planning',
];

/** Roles held at an organisation: "a spokeswoman for", "the director of". */
// prettier-ignore
export const orgRoles: readonly string[] = [
  'spokeswoman', 'spokesman', 'spokesperson', 'chief executive', 'director', 'chair',
  'president', 'senior official', 'adviser', 'analyst', 'researcher', 'economist', 'deputy director',
  'board member', 'founder', 'lawyer', 'chief economist', 'press officer', 'secretary general',
  'vice president', 'professor', 'lecturer', 'coordinator', 'communications director', 'policy director',
  'head of research', 'union representative', 'finance director', 'managing director', 'head coach',
  'captain', 'trustee', 'chief operating officer', 'general secretary', 'deputy chair', 'fellow',
  'senior researcher', 'programme director', 'legal adviser', 'technical director', 'sporting director',
];

/** Roles tied to a place: "the mayor of". */
// prettier-ignore
export const placeRoles: readonly string[] = [
  'mayor', 'governor', 'deputy mayor', 'police chief', 'council leader', 'chief medical officer',
  'regional director', 'fire chief', 'bishop', 'prefect', 'district judge', 'harbour master',
  'head of the regional council', 'chief planner', 'public health director', 'schools inspector',
];

/** Roles with no organisation: "a nurse from". */
// prettier-ignore
export const personRoles: readonly string[] = [
  'resident', 'shop owner', 'teacher', 'nurse', 'farmer', 'retired engineer', 'student', 'taxi driver',
  'doctor', 'pensioner', 'mother of two', 'father of three', 'small business owner', 'local historian',
  'cafe owner', 'bus driver', 'fisherman', 'volunteer', 'software developer', 'builder', 'musician',
  'shopkeeper', 'restaurant owner', 'midwife', 'paramedic', 'firefighter', 'social worker', 'architect',
  'accountant', 'electrician', 'landlord', 'tenant', 'commuter', 'hairdresser', 'baker', 'carpenter',
  'plumber', 'nursery worker', 'retired teacher', 'council tenant', 'hotel manager', 'tour guide',
];

/** Titles that stand alone before or after a name: "opposition leader". */
// prettier-ignore
export const politicalRoles: readonly string[] = [
  'opposition leader', 'prime minister', 'deputy prime minister', 'party leader', 'lawmaker',
  'member of parliament', 'speaker of parliament', 'committee chair', 'junior minister', 'senator',
  'regional councillor', 'city councillor', 'party chair', 'chief whip', 'shadow minister',
];

/** Speakers with no name: "officials said". */
// prettier-ignore
export const anonymousSpeakers: readonly string[] = [
  'officials', 'a government spokesman', 'a spokeswoman for the council', 'police', 'analysts',
  'campaigners', 'local officials', 'union leaders', 'opposition politicians', 'experts', 'economists',
  'a spokesperson for the ministry', 'residents', 'diplomats', 'people familiar with the talks',
  'a senior official', 'organisers', 'the company', 'the council', 'the ministry', 'prosecutors',
];

/** Groups who object to things: "Critics say". */
// prettier-ignore
export const critics: readonly string[] = [
  'Critics', 'Opposition politicians', 'Campaigners', 'Residents', 'Business groups', 'Unions',
  'Some economists', 'Local councillors', 'Environmental groups', 'Consumer groups', 'Parents',
  'Several lawmakers', 'Patient groups', 'Farmers', 'Landlords', 'Tenant groups', 'Small businesses',
];

// prettier-ignore
export const weekdays: readonly string[] = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
];

// prettier-ignore
export const months: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
];

/** Time phrases for things that have happened, most common first. */
// prettier-ignore
export const pastTimes: readonly string[] = [
  'last week', 'last year', 'last month', 'earlier this week', 'earlier this month', 'earlier this year',
  'in recent weeks', 'in recent months', 'over the weekend', 'this week', 'in recent days',
  'two years ago', 'last summer', 'last spring', 'last autumn', 'last winter', 'late last year',
  'at the start of the year', 'overnight', 'this morning', 'a decade ago', 'three years ago',
  'in the past year', 'since the spring', 'at the weekend', 'a fortnight ago', 'months ago',
];

/** Time phrases for things still to come, most common first. */
// prettier-ignore
export const futureTimes: readonly string[] = [
  'next week', 'next month', 'next year', 'later this week', 'later this month', 'later this year',
  'in the coming weeks', 'in the coming months', 'by the end of the year', 'before the summer',
  'early next year', 'within weeks', 'in the spring', 'in the autumn', 'by the end of the month',
  'before the next election', 'over the next five years', 'over the coming decade', 'in the new year',
  'before the winter', 'within a year', 'by the end of the decade',
];

/** Sentence openers, already capitalised and followed by a comma in use. */
// prettier-ignore
export const connectors: readonly string[] = [
  'However', 'Meanwhile', 'At the same time', 'In addition', 'Elsewhere', 'Separately', 'Last year',
  'Earlier', 'Since then', 'Even so', 'By contrast', 'In response', 'For now', 'In the meantime',
  'Despite this', 'Under the plan', 'Overall', 'In total', 'Still', 'In practice', 'Until now',
  'As a result', 'In theory', 'On paper', 'Privately', 'Publicly', 'For many', 'In the past',
];

export const modals: readonly string[] = ['would', 'could', 'will', 'may', 'should', 'might', 'must', 'can'];

/** Modal and semi-modal forms for reported plans: "said it would", "said it had no plans to". */
// prettier-ignore
export const reportedModals: readonly string[] = [
  'would', 'could', 'would not', 'was ready to', 'planned to', 'had no plans to', 'hoped to', 'intended to',
  'was likely to', 'might', 'was prepared to', 'expected to', 'aimed to', 'was unable to',
];

/** What people in quotes want: "People deserve". */
// prettier-ignore
export const wantVerbs: readonly string[] = [
  'want', 'need', 'deserve', 'expect', 'are asking for', 'are waiting for', 'have been promised',
  'rely on', 'cannot afford', 'are tired of', 'care about', 'were told about',
];

/** First-person openers for opinions in quotes: "I think". */
// prettier-ignore
export const beliefOpeners: readonly string[] = [
  'I think', 'We believe', 'I believe', 'We know', 'I am confident', 'We are concerned', 'I suspect',
  'We are convinced', 'I fear', 'We hope', 'I expect', 'Frankly,', 'Honestly,', 'To be clear,',
];

/** Places that qualify a noun phrase: "across the region". */
// prettier-ignore
export const wherePhrases: readonly string[] = [
  'across the country', 'across the region', 'in the capital', 'in rural areas', 'in the city centre',
  'nationwide', 'in the north', 'in the south', 'along the coast', 'in the suburbs', 'abroad',
  'on the border', 'in smaller towns', 'in the east', 'in the west', 'in poorer districts',
];

// prettier-ignore
export const numberWords: readonly string[] = [
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'twenty',
];

// prettier-ignore
export const ordinals: readonly string[] = [
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
];

/** Currencies for amounts of money; a story uses one. */
export const currencies: readonly string[] = ['euros', 'dollars', 'pounds', 'francs', 'crowns'];

/** Every distinct word in the lists above, lower-cased (names must avoid them). */
export function allWords(): Set<string> {
  const words = new Set<string>();
  const add = (phrase: string) => {
    for (const w of phrase.toLowerCase().split(/[^a-z]+/)) if (w) words.add(w);
  };
  const lists: readonly (readonly string[])[] = [
    functionWords,
    nouns,
    plurals(nouns),
    massNouns,
    groups,
    ofNouns,
    measuresPlural,
    measuresMass,
    headlinePhrasalVerbs,
    reportingVerbs,
    reportingVerbsPresent,
    adjectives,
    feelings,
    conditions,
    judgementAdjectives,
    adverbs,
    portfolios,
    orgRoles,
    placeRoles,
    personRoles,
    politicalRoles,
    anonymousSpeakers,
    critics,
    verdictNouns,
    outcomeNouns,
    perfectPhrases,
    pluralSayVerbs,
    risingVerbs,
    fallingVerbs,
    stockQuotes,
    weekdays,
    months,
    pastTimes,
    futureTimes,
    connectors,
    modals,
    reportedModals,
    wantVerbs,
    beliefOpeners,
    wherePhrases,
    numberWords,
    ordinals,
    currencies,
  ];
  for (const list of lists) for (const phrase of list) add(phrase);
  for (const v of verbs) for (const form of [v.base, v.past, v.participle, v.present, v.ing]) add(form);
  return words;
}

const IRREGULAR_PLURALS: Record<string, string> = {
  child: 'children',
  person: 'people',
  man: 'men',
  woman: 'women',
  crisis: 'crises',
  analysis: 'analyses',
  fisherman: 'fishermen',
  spokesman: 'spokesmen',
  spokeswoman: 'spokeswomen',
  ombudsman: 'ombudsmen',
  police: 'police',
  talks: 'talks',
  data: 'data',
  software: 'software',
  half: 'halves',
  shelf: 'shelves',
  chief: 'chiefs',
  roof: 'roofs',
  belief: 'beliefs',
};

/** The plural of each noun (last word of a compound), in the same order. */
export function plurals(list: readonly string[]): string[] {
  return list.map(plural);
}

export function plural(noun: string): string {
  const space = noun.lastIndexOf(' ');
  const head = noun.slice(0, space + 1);
  const word = noun.slice(space + 1);
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return head + irregular;
  if (/(s|x|z|ch|sh)$/.test(word)) return head + word + 'es';
  if (/[^aeiou]y$/.test(word)) return head + word.slice(0, -1) + 'ies';
  return head + word + 's';
}

/** "an" before a vowel sound (by spelling, with the usual exceptions). */
export function indefinite(phrase: string): string {
  return (
    (/^(hour|honest|heir)/.test(phrase) || (/^[aeiou]/.test(phrase) && !/^(uni|use|eu|one)/.test(phrase))
      ? 'an '
      : 'a ') + phrase
  );
}

function expandVerb(spec: string): VerbForms {
  const [base, pastGiven, participleGiven, ingGiven] = spec.split(':');
  const past = pastGiven ?? regularPast(base);
  const participle = participleGiven ?? past;
  let ing: string;
  if (ingGiven) ing = ingGiven;
  else if (past === base + base.slice(-1) + 'ed') ing = base + base.slice(-1) + 'ing';
  else if (base.endsWith('ie')) ing = base.slice(0, -2) + 'ying';
  else if (base.endsWith('e') && !base.endsWith('ee')) ing = base.slice(0, -1) + 'ing';
  else ing = base + 'ing';
  return { base, past, participle, present: presentTense(base), ing };
}

function regularPast(base: string): string {
  if (base.endsWith('e')) return base + 'd';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied';
  return base + 'ed';
}

function presentTense(base: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(base)) return base + 'es';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ies';
  return base + 's';
}

function unique(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const key = item.split(':')[0];
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}
