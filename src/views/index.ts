/** View counting: beacons, repeat and bot filtering, batched writes. */
export { ViewCounter, type ViewCounterOptions, type ViewOutcome } from './view-counter.js';
export { importDailyViews, rollWeek, setViewCount, WEEK_DAYS } from './views.repository.js';
