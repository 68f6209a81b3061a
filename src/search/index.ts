/**
 * Site search. Routes and the CLI use what is exported here; wire it to the
 * content events once at start-up, and `rebuild()` after imports or restores.
 */
export {
  wireSearch,
  type SearchHit,
  type SearchIndex,
  type SearchResults,
  type SnippetPart,
} from './search-index.js';
export { createSearchIndex } from './search-engines.js';
export { queueReindex, SearchReindexer } from './search-queue.js';
export { searchDocument, type SearchDocument } from './search-documents.js';
