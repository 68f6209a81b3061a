import { ROLES, type User } from '../../content/index.js';
import type { Role } from '../../db/schema.js';
import { formatDate } from '../../lib/dateline.js';
import { AdminLayout, FormError, type AdminContext } from './admin-layout.js';
import {
  ActionForm,
  AddPanel,
  Field,
  FormPanel,
  IndexPage,
  ListTable,
  ManageForm,
  PageHead,
  type FormProblem,
} from './manage-kit.js';

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

/** The role field: a choice of roles, and what each may do. */
function RoleField(props: { value?: string }) {
  return (
    <div class="mg-field">
      <label for="f-role">Role</label>
      <select id="f-role" name="role" aria-describedby="f-role-hint">
        {ROLES.map((role) => (
          <option key={role} value={role} selected={props.value === role}>
            {ROLE_LABEL[role]}
          </option>
        ))}
      </select>
      <ul class="hint mg-roles" id="f-role-hint">
        {ROLES.map((role) => (
          <li key={role}>
            <strong>{ROLE_LABEL[role]}</strong> {ROLE_HELP[role]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A password to set (or, with `current`, the one in use): required, and never shown again. */
function PasswordField(props: {
  label: string;
  name: string;
  problem?: FormProblem;
  current?: boolean;
  hint?: string;
}) {
  return (
    <Field
      label={props.label}
      name={props.name}
      type="password"
      problem={props.problem}
      required
      autoComplete={props.current ? 'current-password' : 'new-password'}
      hint={props.hint}
    />
  );
}

/** The panel that renames an account: a person's own, or anyone's for an administrator. */
function NamePanel(props: {
  ctx: AdminContext;
  id: string;
  action: string;
  value: string;
  problem?: FormProblem;
  autoComplete?: string;
}) {
  return (
    <FormPanel
      ctx={props.ctx}
      id={props.id}
      title="Name"
      problem={props.problem}
      action={props.action}
      submit="Save name"
    >
      <Field
        label="Name"
        name="name"
        value={props.value}
        problem={props.problem}
        required
        maxLength={100}
        autoComplete={props.autoComplete}
      />
    </FormPanel>
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
  return (
    <IndexPage
      ctx={ctx}
      title="Users"
      actions={
        <a class="button" href="/admin/account">
          Your account
        </a>
      }
      aside={<AddUserPanel ctx={ctx} problem={props.problem} values={props.values} />}
    >
      <ListTable
        caption="Users by name"
        columns={['Name', 'Role', 'Status', 'Since']}
        rows={props.users}
        row={(u) => (
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
              <time dateTime={u.createdAt}>{formatDate(u.createdAt, props.timeZone, 'D MMM YYYY')}</time>
            </td>
          </tr>
        )}
      />
    </IndexPage>
  );
}

function AddUserPanel(props: { ctx: AdminContext; problem?: FormProblem; values?: NewUserValues }) {
  const v = props.values ?? { role: 'contributor' };
  return (
    <AddPanel id="add-user" title="Add a user" problem={props.problem}>
      <ManageForm ctx={props.ctx} action="/admin/users" submit="Add user">
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
        <RoleField value={v.role} />
        <PasswordField
          label="Initial password"
          name="password"
          problem={props.problem}
          hint="At least 10 characters and hard to guess: a few unrelated words work well. Give it to them in person; they can change it on their account page."
        />
      </ManageForm>
    </AddPanel>
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
        <NamePanel
          ctx={ctx}
          id="user-name"
          action={`/admin/users/${user.id}/name`}
          value={user.name}
          problem={problemFor('name')}
        />
        <FormPanel
          ctx={ctx}
          id="user-role"
          title="Role"
          problem={problemFor('role')}
          action={`/admin/users/${user.id}/role`}
          submit="Change role"
        >
          <RoleField value={user.role} />
        </FormPanel>
        <FormPanel
          ctx={ctx}
          id="user-password"
          title="Reset password"
          hint={`Sets a new password and signs ${self ? 'you' : 'them'} out on every device.`}
          problem={problemFor('password')}
          action={`/admin/users/${user.id}/password`}
          submit="Set password"
          plain
        >
          <PasswordField
            label="New password"
            name="password"
            problem={problemFor('password')}
            hint="At least 10 characters and hard to guess: a few unrelated words work well."
          />
        </FormPanel>
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
        <NamePanel
          ctx={ctx}
          id="account-name"
          action="/admin/account"
          value={user.name}
          problem={problemFor('name')}
          autoComplete="name"
        />
        <FormPanel
          ctx={ctx}
          id="account-password"
          title="Change password"
          problem={problemFor('password')}
          action="/admin/account/password"
          submit="Change password"
        >
          {/* The username field helps password managers file the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={user.email} />
          <PasswordField
            label="Current password"
            name="currentPassword"
            problem={problemFor('password')}
            current
          />
          <PasswordField
            label="New password"
            name="newPassword"
            problem={problemFor('password')}
            hint="At least 10 characters and hard to guess: a few unrelated words work well. Your other devices are signed out; this one stays signed in."
          />
        </FormPanel>
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
    </AdminLayout>
  );
}
