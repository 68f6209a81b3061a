import type { MostReadPeriod } from '../../content/index.js';
import { localDay } from '../../lib/dateline.js';
import type { SiteContext } from './site-context.js';

export const MOST_READ_LABELS: Record<MostReadPeriod, string> = {
  today: 'Today',
  week: 'The last seven days',
  all: 'All time',
};

/** Today in the site's time zone, YYYY-MM-DD: the day "today" counts. */
export function siteToday(site: Pick<SiteContext, 'now' | 'settings'>): string {
  return localDay(site.now, site.settings.timeZone);
}

export function MostReadTabs(props: { current: MostReadPeriod }) {
  return (
    <nav class="tabs" aria-label="Period">
      {(['today', 'week', 'all'] as const).map((p) => (
        <a key={p} href={`/most-read?period=${p}`} aria-current={p === props.current ? 'page' : undefined}>
          {MOST_READ_LABELS[p]}
        </a>
      ))}
    </nav>
  );
}
