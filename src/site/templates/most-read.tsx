import type { MostReadPeriod } from '../../content/index.js';
import { localDay } from '../../lib/dateline.js';
import type { SiteContext } from './site-context.js';

export const MOST_READ_LABELS: Record<MostReadPeriod, string> = {
  today: 'Today',
  week: 'The last seven days',
  all: 'All time',
};

/** The first day (site-local) a period counts from; null for all time. */
export function mostReadSince(
  period: MostReadPeriod,
  site: Pick<SiteContext, 'now' | 'settings'>,
): string | null {
  if (period === 'all') return null;
  const days = period === 'today' ? 0 : 6;
  return localDay(new Date(site.now.getTime() - days * 86_400_000), site.settings.timeZone);
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
