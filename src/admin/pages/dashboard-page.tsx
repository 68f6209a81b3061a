import type {
  AdminArticleRow,
  ArticleSummary,
  AuditRow,
  DayViews,
  ScheduledArticle,
} from '../../content/index.js';
import type { ArticleStatus } from '../../db/schema.js';
import { formatDate } from '../../lib/dateline.js';
import { BarChart, type Bar } from '../charts/bar-chart.js';
import { AdminLayout, type AdminContext } from './admin-layout.js';
import { DeskHead, STATUS_LABELS, When } from './articles-list-page.js';
import { actionLabel } from './audit-page.js';

export interface DashboardProps {
  ctx: AdminContext;
  timeZone: string;
  views: DayViews[];
  mostRead: ArticleSummary[];
  scheduled: ScheduledArticle[];
  counts: Record<ArticleStatus, number>;
  ownDrafts: AdminArticleRow[];
  /** Editors and administrators only. */
  review?: AdminArticleRow[];
  activity?: { rows: AuditRow[]; existing: Set<number> };
}

const number = new Intl.NumberFormat('en-GB');
/** A day string is a calendar day already: format it at noon UTC so no zone moves it. */
const dayLabel = (day: string, pattern: string) => formatDate(`${day}T12:00:00Z`, 'UTC', pattern);

export function DashboardPage(props: DashboardProps) {
  return (
    <AdminLayout ctx={props.ctx} title="Dashboard" wide>
      <DeskHead title="Dashboard" newArticle />
      <AtAGlance counts={props.counts} />
      <div class="desk-dashboard">
        <div class="desk-dashboard__main">
          <ViewsPanel views={props.views} />
          <section class="panel" aria-labelledby="most-read-heading">
            <h2 id="most-read-heading">Most read, last 7 days</h2>
            {props.mostRead.length ? (
              <ol class="desk-ranked">
                {props.mostRead.map((a) => (
                  <li key={a.id}>
                    <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>
                    <span class="desk-ranked__count">{number.format(a.views)}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">No views counted in the last 7 days.</p>
            )}
          </section>
          {props.activity ? <ActivityPanel {...props.activity} timeZone={props.timeZone} /> : null}
        </div>
        <div class="desk-dashboard__side">
          <section class="panel" aria-labelledby="scheduled-heading">
            <h2 id="scheduled-heading">Scheduled</h2>
            {props.scheduled.length ? (
              <ul class="desk-list">
                {props.scheduled.map((a) => (
                  <li key={a.id}>
                    <When at={a.publishAt} timeZone={props.timeZone} />
                    <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">Nothing is scheduled.</p>
            )}
          </section>
          {props.review ? (
            <ArticleListPanel
              id="review"
              title="Awaiting review"
              rows={props.review}
              timeZone={props.timeZone}
              empty="Nothing is waiting for review."
              more={props.counts.review > props.review.length ? '/admin/articles?status=review' : undefined}
            />
          ) : null}
          <ArticleListPanel
            id="drafts"
            title="Your recent drafts"
            rows={props.ownDrafts}
            timeZone={props.timeZone}
            empty="You have no drafts."
            more={props.ownDrafts.length ? '/admin/articles?status=draft&mine=1' : undefined}
          />
        </div>
      </div>
    </AdminLayout>
  );
}

function AtAGlance(props: { counts: Record<ArticleStatus, number> }) {
  const order: ArticleStatus[] = ['published', 'scheduled', 'review', 'draft'];
  return (
    <nav aria-label="Articles by status">
      <ul class="desk-glance">
        {order.map((status) => (
          <li key={status}>
            <a
              href={`/admin/articles?status=${status}`}
              class={`desk-glance__item desk-glance__item--${status}`}
            >
              <span class="desk-glance__count">{number.format(props.counts[status])}</span>
              <span class="desk-glance__label">{STATUS_LABELS[status]}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ViewsPanel(props: { views: DayViews[] }) {
  const { views } = props;
  const total = views.reduce((sum, d) => sum + d.views, 0);
  const busiest = views.reduce((best, d) => (d.views > best.views ? d : best), views[0]);
  const today = views[views.length - 1];
  const bars: Bar[] = views.map((d, i) => ({
    label: dayLabel(d.day, 'ddd D MMM YYYY'),
    tick: dayLabel(d.day, 'D MMM'),
    value: d.views,
    partial: i === views.length - 1,
  }));
  const first = dayLabel(views[0].day, 'D MMM');
  const last = dayLabel(today.day, 'D MMM YYYY');
  const description =
    total === 0
      ? `No views counted from ${first} to ${last}.`
      : `${number.format(total)} views from ${first} to ${last}; the busiest day was ${dayLabel(busiest.day, 'dddd D MMM')} with ${number.format(busiest.views)}. Today so far: ${number.format(today.views)}.`;
  return (
    <section class="panel" aria-labelledby="views-heading">
      <div class="desk-panel-head">
        <h2 id="views-heading">Views, last 30 days</h2>
        <p class="desk-stat">
          <span class="desk-stat__number">{number.format(total)}</span> views ·{' '}
          <span class="desk-stat__number">{number.format(today.views)}</span> today so far
        </p>
      </div>
      <BarChart
        id="views-chart"
        title={`Views per day, ${first} to ${last}`}
        description={description}
        unit="views"
        bars={bars}
        tickEvery={7}
      />
      <p class="desk-chart-note muted">Today’s bar is lighter: its views are still coming in.</p>
    </section>
  );
}

function ArticleListPanel(props: {
  id: string;
  title: string;
  rows: AdminArticleRow[];
  timeZone: string;
  empty: string;
  more?: string;
}) {
  return (
    <section class="panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.rows.length ? (
        <ul class="desk-list">
          {props.rows.map((row) => (
            <li key={row.id}>
              <a href={`/admin/articles/${row.id}/edit`}>{row.title}</a>
              <span class="muted desk-small">
                {row.section} · changed <When at={row.updatedAt} timeZone={props.timeZone} />
                {row.updatedBy ? ` by ${row.updatedBy}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{props.empty}</p>
      )}
      {props.more ? (
        <p class="desk-more">
          <a href={props.more}>See all</a>
        </p>
      ) : null}
    </section>
  );
}

/** The last few entries of the audit log, as sentences: "Maria Petrova published “Headline”". */
function ActivityPanel(props: { rows: AuditRow[]; existing: Set<number>; timeZone: string }) {
  return (
    <section class="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {props.rows.length ? (
        <ul class="desk-list desk-activity">
          {props.rows.map((row) => (
            <li key={row.id}>
              <When at={row.at} timeZone={props.timeZone} />
              <span>
                <strong>{row.userName}</strong> {actionLabel(row.action).toLowerCase()}{' '}
                {row.articleId !== null && props.existing.has(row.articleId) ? (
                  <a href={`/admin/articles/${row.articleId}/edit`}>{row.subject}</a>
                ) : (
                  <span class="muted">{row.subject}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Nothing yet.</p>
      )}
      <p class="desk-more">
        <a href="/admin/audit">The whole audit log</a>
      </p>
    </section>
  );
}
