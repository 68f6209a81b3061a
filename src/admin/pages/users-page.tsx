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
  plural,
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
  form?: 'name' | 'role' | 'status' | 'password' | 'two-factor';
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
        {user.twoFactorSince && !self ? (
          <section class="panel" aria-labelledby="user-two-factor">
            <h2 id="user-two-factor">Two-factor sign-in: on</h2>
            <FormError message={problemFor('two-factor')?.message} />
            <p>
              If {user.name} lost their phone and their recovery codes, turning it off lets their password
              alone sign them in; they can set it up again on their account page.
            </p>
            <ActionForm
              ctx={ctx}
              action={`/admin/users/${user.id}/two-factor/off`}
              label="Turn off two-factor sign-in"
              confirm={`Turn off two-factor sign-in for ${user.name}?`}
            />
          </section>
        ) : null}
      </div>
    </AdminLayout>
  );
}

/** Two-factor sign-in as the account page shows it. */
export interface TwoFactorState {
  /** In force since (ISO time), or null. */
  since: string | null;
  codesLeft: number;
  /** A setup under way: the secret to type and its QR code (a data: URI of an SVG). */
  pending?: { secret: string; qr: string };
}

/** The signed-in user's own account: name, password, two-factor sign-in, sign out everywhere. */
export function AccountPage(props: {
  ctx: AdminContext;
  user: User;
  twoFactor: TwoFactorState;
  timeZone: string;
  problem?: FormProblem;
  form?: 'name' | 'password' | 'two-factor';
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
        <TwoFactorPanel
          ctx={ctx}
          user={user}
          state={props.twoFactor}
          timeZone={props.timeZone}
          problem={problemFor('two-factor')}
        />
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

/** Two-factor sign-in on one's own account: set it up, confirm it, or turn it off. */
function TwoFactorPanel(props: {
  ctx: AdminContext;
  user: User;
  state: TwoFactorState;
  timeZone: string;
  problem?: FormProblem;
}) {
  const { ctx, state } = props;
  const id = 'account-two-factor';
  if (state.since)
    return (
      <FormPanel
        ctx={ctx}
        id={id}
        title="Two-factor sign-in: on"
        hint={
          <>
            Since {formatDate(state.since, props.timeZone, 'd MMMM yyyy')}. Signing in asks for the code your
            authenticator app shows, or one of your recovery codes ({plural(state.codesLeft, 'recovery code')}{' '}
            left). Turning it off needs your password.
          </>
        }
        problem={props.problem}
        action="/admin/account/two-factor/off"
        submit="Turn off two-factor sign-in"
        plain
        confirm="Turn off two-factor sign-in? Your password alone will sign you in."
      >
        <input type="hidden" name="username" autoComplete="username" value={props.user.email} />
        <PasswordField label="Your password" name="password" problem={props.problem} current />
      </FormPanel>
    );
  if (state.pending)
    return (
      <FormPanel
        ctx={ctx}
        id={id}
        title="Set up two-factor sign-in"
        hint="Scan the code with an authenticator app (on your phone or in your password manager), or type the key into it by hand, then type the 6 digits it shows."
        problem={props.problem}
        action="/admin/account/two-factor/confirm"
        submit="Turn on"
      >
        <img
          class="mg-qr"
          src={state.pending.qr}
          width={200}
          height={200}
          alt="QR code of the two-factor key"
        />
        <p class="mg-qr__key">
          Key: <code>{state.pending.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        <Field
          label="Code from the app"
          name="code"
          problem={props.problem}
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
        />
      </FormPanel>
    );
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>Two-factor sign-in: off</h2>
      <p>
        With it on, signing in also asks for a code from an app on your phone, so a stolen password alone does
        not open your account.
      </p>
      <FormError message={props.problem?.message} />
      <ActionForm ctx={ctx} action="/admin/account/two-factor/begin" label="Set up two-factor sign-in" />
    </section>
  );
}

/** The recovery codes, once, right after two-factor sign-in is turned on. */
export function RecoveryCodesPage(props: { ctx: AdminContext; codes: string[] }) {
  return (
    <AdminLayout ctx={props.ctx} title="Your recovery codes">
      <PageHead
        title="Two-factor sign-in is on"
        crumbs={[{ href: '/admin/account', label: 'Your account' }]}
      />
      <section class="panel" aria-labelledby="recovery-codes">
        <h2 id="recovery-codes">Your recovery codes</h2>
        <p>
          If you lose your phone, each of these signs you in once instead of a code. Keep them somewhere safe,
          apart from your phone: this is the only time they are shown.
        </p>
        <ul class="mg-recovery-codes">
          {props.codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button button--primary" href="/admin/account">
            I have kept them
          </a>
        </p>
      </section>
    </AdminLayout>
  );
}
