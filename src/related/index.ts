/** Related articles: editors' picks, filled from shared tags, section, text and time. */
export { computeRelated, recomputeAll, relatedFor, wireRelated, RELATED_COUNT } from './related.service.js';
export { suggestTags, type TagSuggestion } from './tag-suggestions.js';
