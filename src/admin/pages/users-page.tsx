import { ROLES, type User } from '../../content/index.js';
import type { Role } from '../../db/schema.js';
import { formatDate } from '../../lib/dateline.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import { ActionForm, ConfirmScript, Field, PageHead, type FormProblem } from './manage-kit.js';

export const ROLE_HELP: Record<Role, string> = {
  contributor: 'writes drafts and submits them for review',
  author: 'also publishes own articles',
  editor: 'publishes everything; manages sections, tags, sources, authors and media',
  admin: 'also manages users and settings',
};

const ROLE_LABEL: Record<Role, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  admin: 'Administrator',
};

function RoleSelect(props: { name: string; id: string; value?: string }) {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <select id={props.id} name={props.name} aria-describedby={hintId}>
        {ROLES.map((role) => (
          <option key={role} value={role} selected={props.value === role}>
            {ROLE_LABEL[role]}
          </option>
        ))}
      </select>
      <ul class="hint mg-roles" id={hintId}>
        {ROLES.map((role) => (
          <li key={role}>
            <strong>{ROLE_LABEL[role]}</strong> {ROLE_HELP[role]}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface NewUserValues {
  email?: string;
  name?: string;
  role?: string;
}

/** Every account, and the form to invite one. */
export function UsersPage(props: {
  ctx: AdminContext;
  users: User[];
  timeZone: string;
  problem?: FormProblem;
  values?: NewUserValues;
}) {
  const { ctx } = props;
  const v = props.values ?? { role: 'contributor' };
  return (
    <AdminLayout ctx={ctx} title="Users" wide>
      <PageHead title="Users">
        <a class="button" href="/admin/account">
          Your account
        </a>
      </PageHead>
      <div class="mg-grid">
        <section aria-labelledby="users-list">
          <h2 id="users-list" class="visually-hidden">
            All users
          </h2>
          <table class="table mg-table">
            <caption class="visually-hidden">Users by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <tr key={u.id} class={u.disabled ? 'mg-row--off' : undefined}>
                  <td class="title">
                    <a href={`/admin/users/${u.id}`}>{u.name}</a>
                    {u.id === ctx.user?.id ? <span class="muted"> (you)</span> : null}
                    <div class="mg-slug">{u.email}</div>
                  </td>
                  <td>{ROLE_LABEL[u.role]}</td>
                  <td>
                    {u.disabled ? (
                      <span class="status status--unpublished">Disabled</span>
                    ) : (
                      <span class="status status--published">Active</span>
                    )}
                  </td>
                  <td>
                    <time dateTime={u.createdAt}>
                      {formatDate(u.createdAt, props.timeZone, 'D MMM YYYY')}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <aside class="panel mg-aside" aria-labelledby="add-user">
          <h2 id="add-user">Add a user</h2>
          <FormError message={props.problem?.message} />
          <form method="post" action="/admin/users" class="stack">
            <Csrf ctx={ctx} />
            <Field
              label="Name"
              name="name"
              value={v.name}
              problem={props.problem}
              required
              maxLength={100}
              autoComplete="off"
            />
            <Field
              label="Email"
              name="email"
              type="email"
              value={v.email}
              problem={props.problem}
              required
              maxLength={200}
              autoComplete="off"
            />
            <div class="mg-field">
              <label for="f-role">Role</label>
              <RoleSelect id="f-role" name="role" value={v.role} />
            </div>
            <Field
              label="Initial password"
              name="password"
              type="password"
              problem={props.problem}
              required
              autoComplete="new-password"
              hint="At least 10 characters. Give it to them in person; they can change it on their account page."
            />
            <div>
              <button type="submit" class="button button--primary">
                Add user
              </button>
            </div>
          </form>
        </aside>
      </div>
    </AdminLayout>
  );
}

/** One account, for an administrator: name, role, disable/enable, new password. */
export function UserEditPage(props: {
  ctx: AdminContext;
  user: User;
  problem?: FormProblem;
  form?: 'name' | 'role' | 'status' | 'password';
}) {
  const { ctx, user } = props;
  const self = ctx.user?.id === user.id;
  const problemFor = (form: string) => (props.form === form ? props.problem : undefined);
  return (
    <AdminLayout ctx={ctx} title={`User: ${user.name}`}>
      <PageHead title={user.name} crumbs={[{ href: '/admin/users', label: 'Users' }]} />
      <p class="mg-lede">
        {user.email} · {ROLE_LABEL[user.role]} ·{' '}
        {user.disabled ? <strong>Disabled: cannot sign in</strong> : 'Active'}
        {self ? ' · This is you' : ''}
      </p>
      <div class="mg-stack">
        <section class="panel" aria-labelledby="user-name">
          <h2 id="user-name">Name</h2>
          <FormError message={problemFor('name')?.message} />
          <form method="post" action={`/admin/users/${user.id}/name`} class="stack">
            <Csrf ctx={ctx} />
            <Field
              label="Name"
              name="name"
              value={user.name}
              problem={problemFor('name')}
              required
              maxLength={100}
            />
            <div>
              <button type="submit" class="button button--primary">
                Save name
              </button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="user-role">
          <h2 id="user-role">Role</h2>
          <FormError message={problemFor('role')?.message} />
          <form method="post" action={`/admin/users/${user.id}/role`} class="stack">
            <Csrf ctx={ctx} />
            <div class="mg-field">
              <label for="f-role">Role</label>
              <RoleSelect id="f-role" name="role" value={user.role} />
            </div>
            <div>
              <button type="submit" class="button button--primary">
                Change role
              </button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="user-password">
          <h2 id="user-password">Reset password</h2>
          <p class="hint">Sets a new password and signs {self ? 'you' : 'them'} out on every device.</p>
          <FormError message={problemFor('password')?.message} />
          <form method="post" action={`/admin/users/${user.id}/password`} class="stack">
            <Csrf ctx={ctx} />
            <Field
              label="New password"
              name="password"
              type="password"
              problem={problemFor('password')}
              required
              autoComplete="new-password"
              hint="At least 10 characters."
            />
            <div>
              <button type="submit" class="button">
                Set password
              </button>
            </div>
          </form>
        </section>
        <section class={user.disabled ? 'panel' : 'panel mg-danger'} aria-labelledby="user-status">
          <h2 id="user-status">{user.disabled ? 'Enable account' : 'Disable account'}</h2>
          <FormError message={problemFor('status')?.message} />
          {user.disabled ? (
            <>
              <p>{user.name} cannot sign in. Enabling lets them sign in again with their password.</p>
              <ActionForm ctx={ctx} action={`/admin/users/${user.id}/enable`} label="Enable account" />
            </>
          ) : self ? (
            <p>You cannot disable your own account; another administrator can.</p>
          ) : (
            <>
              <p>
                Disabling signs {user.name} out on every device and stops their API tokens. Their articles and
                byline stay.
              </p>
              <ActionForm
                ctx={ctx}
                action={`/admin/users/${user.id}/disable`}
                label="Disable account"
                danger
                confirm={`Disable ${user.name}'s account and sign them out everywhere?`}
              />
            </>
          )}
        </section>
      </div>
      <ConfirmScript />
    </AdminLayout>
  );
}

/** The signed-in user's own account: name, password, sign out everywhere. */
export function AccountPage(props: {
  ctx: AdminContext;
  user: User;
  problem?: FormProblem;
  form?: 'name' | 'password';
}) {
  const { ctx, user } = props;
  const problemFor = (form: string) => (props.form === form ? props.problem : undefined);
  return (
    <AdminLayout ctx={ctx} title="Your account">
      <PageHead title="Your account" />
      <p class="mg-lede">
        Signed in as {user.email} · {ROLE_LABEL[user.role]} ({ROLE_HELP[user.role]})
      </p>
      <div class="mg-stack">
        <section class="panel" aria-labelledby="account-name">
          <h2 id="account-name">Name</h2>
          <FormError message={problemFor('name')?.message} />
          <form method="post" action="/admin/account" class="stack">
            <Csrf ctx={ctx} />
            <Field
              label="Name"
              name="name"
              value={user.name}
              problem={problemFor('name')}
              required
              maxLength={100}
              autoComplete="name"
            />
            <div>
              <button type="submit" class="button button--primary">
                Save name
              </button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="account-password">
          <h2 id="account-password">Change password</h2>
          <FormError message={problemFor('password')?.message} />
          <form method="post" action="/admin/account/password" class="stack">
            <Csrf ctx={ctx} />
            {/* The username field helps password managers file the new password under the right account. */}
            <input type="hidden" name="username" autoComplete="username" value={user.email} />
            <Field
              label="Current password"
              name="currentPassword"
              type="password"
              problem={problemFor('password')}
              required
              autoComplete="current-password"
            />
            <Field
              label="New password"
              name="newPassword"
              type="password"
              problem={problemFor('password')}
              required
              autoComplete="new-password"
              hint="At least 10 characters. Your other devices are signed out; this one stays signed in."
            />
            <div>
              <button type="submit" class="button button--primary">
                Change password
              </button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="account-sessions">
          <h2 id="account-sessions">Sign out everywhere</h2>
          <p>
            Ends every session of yours, on every device, including this one. Use it if you lost a device.
          </p>
          <ActionForm
            ctx={ctx}
            action="/admin/logout-everywhere"
            label="Sign out everywhere"
            confirm="Sign out on every device, including this one?"
          />
        </section>
      </div>
      <ConfirmScript />
    </AdminLayout>
  );
}
