/** Related articles: editors' picks, filled from shared tags, section, keywords and time. */
export {
  computeRelated,
  relatedFor,
  RelatedWorker,
  wireRelated,
  type RelatedWorkerOptions,
} from './related.service.js';
export { rebuildAllRelated, type RebuildProgress } from './related-bulk.js';
export { RELATED_COUNT } from './related-scoring.js';
export { enqueue as queueRelated } from './related.repository.js';
export { suggestTags, type TagSuggestion } from './tag-suggestions.js';
