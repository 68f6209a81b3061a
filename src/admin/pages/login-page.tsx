import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';

export function LoginPage(props: { ctx: AdminContext; next: string; error?: string; email?: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="Sign in">
      <div class="auth-box">
        <h1>Sign in to {props.ctx.siteName}</h1>
        <FormError message={props.error} />
        <form method="post" action="/admin/login" class="stack">
          <Csrf ctx={props.ctx} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required value={props.email ?? ''} />
          </label>
          <label>
            Password
            <input type="password" name="password" autoComplete="current-password" required />
          </label>
          <button type="submit" class="button button--primary">
            Sign in
          </button>
        </form>
      </div>
    </AdminLayout>
  );
}

export function SetupPage(props: {
  ctx: AdminContext;
  error?: string;
  values?: { email?: string; name?: string };
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Set up">
      <div class="auth-box">
        <h1>Create the first administrator</h1>
        <p>
          This page answers only while the site has no administrator. The account you create here can invite
          everyone else.
        </p>
        <FormError message={props.error} />
        <form method="post" action="/admin/setup" class="stack">
          <Csrf ctx={props.ctx} />
          <label>
            Name
            <input name="name" required autoComplete="name" value={props.values?.name ?? ''} />
          </label>
          <label>
            Email
            <input
              type="email"
              name="email"
              required
              autoComplete="username"
              value={props.values?.email ?? ''}
            />
          </label>
          <label>
            Password{' '}
            <span class="hint">(at least 10 characters, hard to guess: a few unrelated words work well)</span>
            <input type="password" name="password" required minLength={10} autoComplete="new-password" />
          </label>
          <button type="submit" class="button button--primary">
            Create administrator
          </button>
        </form>
      </div>
    </AdminLayout>
  );
}

/** The second step of signing in, for an account with two-factor sign-in. */
export function LoginCodePage(props: { ctx: AdminContext; email: string; error?: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="Sign in: code">
      <div class="auth-box">
        <h1>One more step</h1>
        <p>
          Type the 6-digit code your authenticator app shows for {props.email}, or one of your recovery codes.
        </p>
        <FormError message={props.error} />
        <form method="post" action="/admin/login/code" class="stack">
          <Csrf ctx={props.ctx} />
          <label>
            Code
            <input
              name="code"
              required
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="none"
              spellcheck={false}
              maxLength={20}
              autoFocus
            />
          </label>
          <button type="submit" class="button button--primary">
            Sign in
          </button>
        </form>
        <p class="hint">
          <a href="/admin/login">Start again</a>
        </p>
      </div>
    </AdminLayout>
  );
}
