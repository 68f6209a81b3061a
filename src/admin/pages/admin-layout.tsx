import type { ComponentChildren } from 'preact';
import type { User } from '../../content/index.js';
import { atLeast } from '../../content/index.js';

/** What every back-office page receives. */
export interface AdminContext {
  user: User | undefined;
  csrfToken: string | undefined;
  siteName: string;
  path: string;
  assets: { css: string; js: string; editorJs: string };
  /** A one-line message shown at the top, e.g. after a redirect ("Saved."). */
  notice?: string;
}

const NAV: { href: string; label: string; min: 'contributor' | 'editor' | 'admin' }[] = [
  { href: '/admin', label: 'Dashboard', min: 'contributor' },
  { href: '/admin/articles', label: 'Articles', min: 'contributor' },
  { href: '/admin/articles/new', label: 'New article', min: 'contributor' },
  { href: '/admin/media', label: 'Media', min: 'contributor' },
  { href: '/admin/incoming', label: 'Incoming', min: 'editor' },
  { href: '/admin/sections', label: 'Sections', min: 'editor' },
  { href: '/admin/tags', label: 'Tags', min: 'editor' },
  { href: '/admin/sources', label: 'Sources', min: 'editor' },
  { href: '/admin/authors', label: 'Authors', min: 'editor' },
  { href: '/admin/audit', label: 'Audit log', min: 'editor' },
  { href: '/admin/users', label: 'Users', min: 'admin' },
  { href: '/admin/settings', label: 'Settings', min: 'admin' },
];

/** The back office's frame: navigation by role, the signed-in user, sign-out. */
export function AdminLayout(props: {
  ctx: AdminContext;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const { ctx } = props;
  const user = ctx.user;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · ${ctx.siteName} admin`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <script src={ctx.assets.js} defer />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        {user ? (
          <header class="admin-bar">
            <a class="admin-bar__site" href="/admin">
              {ctx.siteName}
            </a>
            <nav aria-label="Back office">
              <ul class="admin-nav">
                {NAV.filter((item) =>
                  atLeast({ id: user.id, name: user.name, role: user.role, authorId: null }, item.min),
                ).map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="admin-bar__user">
              <a href="/" class="admin-bar__view">
                View site
              </a>
              <a
                href="/admin/account"
                aria-current={ctx.path.startsWith('/admin/account') ? 'page' : undefined}
              >
                {user.name} <span class="role">{user.role}</span>
              </a>
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </div>
          </header>
        ) : null}
        <main id="main" class={props.wide ? 'admin-main admin-main--wide' : 'admin-main'}>
          {ctx.notice ? (
            <p class="notice" role="status">
              {ctx.notice}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

function isCurrent(path: string, href: string): boolean {
  const bare = path.split('?')[0];
  if (href === '/admin') return bare === '/admin';
  if (href === '/admin/articles') return bare === '/admin/articles' || /^\/admin\/articles\/\d+/.test(bare);
  return bare === href || bare.startsWith(`${href}/`);
}

/** A hidden CSRF field for every form that changes data. */
export function Csrf(props: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/** A form error with what was wrong. */
export function FormError(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  );
}

/** Errors met inside the back office: what went wrong, and where to go next. */
export function AdminErrorPage(props: { ctx: AdminContext; status: number; message?: string }) {
  const title =
    props.status === 404
      ? 'Not found'
      : props.status === 403
        ? 'Not allowed'
        : props.status < 500
          ? 'That did not work'
          : 'Something went wrong';
  return (
    <AdminLayout ctx={props.ctx} title={title}>
      <div class="panel">
        <p class="muted">Error {props.status}</p>
        <h1>{title}</h1>
        <p>{props.message ?? 'The problem has been logged. Please try again in a moment.'}</p>
        <p>
          <a href="/admin">Back to the dashboard</a>
        </p>
      </div>
    </AdminLayout>
  );
}
