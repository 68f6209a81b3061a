/** View counting: beacons, repeat and bot filtering, batched writes. */
export { ViewCounter, type ViewCounterOptions, type ViewOutcome } from './view-counter.js';
