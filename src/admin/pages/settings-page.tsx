import type { SiteSettings } from '../../content/index.js';
import { AdminLayout, FormError, type AdminContext } from './admin-layout.js';
import { Field, ManageForm, PageHead, type FieldProps, type FormProblem } from './manage-kit.js';

/** The settings form's fields, flat, as the browser sends them. */
export interface SettingsForm {
  name?: string;
  tagline?: string;
  timeZone?: string;
  dateFormat?: string;
  language?: string;
  twitter?: string;
  facebook?: string;
  appeal?: string;
  linkText?: string;
  pageTitle?: string;
  pageText?: string;
  donateUrl?: string;
  adminsNeedTwoFactor?: boolean;
}

export function formOf(s: SiteSettings): SettingsForm {
  return {
    name: s.name,
    tagline: s.tagline,
    timeZone: s.timeZone,
    dateFormat: s.dateFormat,
    language: s.language,
    twitter: s.social.twitter,
    facebook: s.social.facebook,
    ...s.support,
    adminsNeedTwoFactor: s.adminsNeedTwoFactor,
  };
}

function timeZones(current: string | undefined): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = new Set(['UTC', ...zones]);
  if (current) all.add(current);
  return [...all];
}

/** One setting's field: its value from the form; `group` names it in errors (`support.appeal`). */
function SettingField(
  props: Omit<FieldProps, 'value' | 'problem' | 'errorKey'> & {
    name: Exclude<keyof SettingsForm, 'adminsNeedTwoFactor'>;
    form: { values: SettingsForm; problem?: FormProblem };
    group?: 'social' | 'support';
  },
) {
  const { form, group, ...field } = props;
  return (
    <Field
      {...field}
      value={form.values[props.name]}
      problem={form.problem}
      errorKey={group && `${group}.${props.name}`}
    />
  );
}

/** The site's name, time, language, social links and support appeal. */
export function SettingsPage(props: {
  ctx: AdminContext;
  values: SettingsForm;
  /** Today's date in the entered format and zone, computed on the server. */
  example: string;
  problem?: FormProblem;
}) {
  const { ctx, values: v, problem } = props;
  const form = { values: v, problem };
  return (
    <AdminLayout ctx={ctx} title="Settings">
      <PageHead title="Settings" />
      <FormError message={problem?.message} />
      <ManageForm ctx={ctx} action="/admin/settings" submit="Save settings" class="stack mg-settings">
        <fieldset class="panel">
          <legend>Site</legend>
          <SettingField form={form} label="Site name" name="name" required maxLength={100} />
          <SettingField
            form={form}
            label="Tagline"
            name="tagline"
            maxLength={200}
            hint="Under the site's name, and the description of the home page and feeds."
          />
          <SettingField
            form={form}
            label="Language"
            name="language"
            required
            maxLength={20}
            hint="A language tag: en, bg, de, pt-BR. Used for the pages' lang and the feeds."
          />
        </fieldset>
        <fieldset class="panel">
          <legend>Dates and times</legend>
          <div class={problem?.field === 'timeZone' ? 'mg-field mg-field--invalid' : 'mg-field'}>
            <label for="f-timeZone">Time zone</label>
            <select id="f-timeZone" name="timeZone" aria-describedby="f-timeZone-hint">
              {timeZones(v.timeZone).map((zone) => (
                <option key={zone} value={zone} selected={zone === v.timeZone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
            <p class="hint" id="f-timeZone-hint">
              Dates readers see, the archive's days and "today" in most read follow this zone.
            </p>
            {problem?.field === 'timeZone' ? <p class="mg-field__error">{problem.message}</p> : null}
          </div>
          <SettingField
            form={form}
            label="Date format"
            name="dateFormat"
            required
            maxLength={60}
            hint={
              <>
                YYYY year, MMMM January, MMM Jan, MM 01, M 1, DD 05, D 5, dddd Saturday, ddd Sat, HH hours
                (00–23), mm minutes. Anything else is shown as typed.
              </>
            }
          />
          <p class="mg-example">
            Example:{' '}
            <output id="date-example" for="f-dateFormat f-timeZone" aria-live="polite">
              {props.example}
            </output>
          </p>
        </fieldset>
        <fieldset class="panel">
          <legend>Social</legend>
          <SettingField
            form={form}
            group="social"
            label="X (Twitter) profile"
            name="twitter"
            type="url"
            maxLength={500}
            placeholder="https://x.com/…"
          />
          <SettingField
            form={form}
            group="social"
            label="Facebook page"
            name="facebook"
            type="url"
            maxLength={500}
            placeholder="https://www.facebook.com/…"
          />
        </fieldset>
        <fieldset class="panel">
          <legend>Reader support</legend>
          <SettingField
            form={form}
            group="support"
            label="Appeal under articles"
            name="appeal"
            rows={2}
            maxLength={500}
          />
          <SettingField
            form={form}
            group="support"
            label="Link text"
            name="linkText"
            required
            maxLength={60}
            hint="The link to the support page, under articles and in the footer."
          />
          <SettingField
            form={form}
            group="support"
            label="Support page title"
            name="pageTitle"
            required
            maxLength={120}
          />
          <SettingField
            form={form}
            group="support"
            label="Support page text"
            name="pageText"
            rows={6}
            maxLength={5000}
            hint="Plain text; an empty line starts a new paragraph."
          />
          <SettingField
            form={form}
            group="support"
            label="Donation page address"
            name="donateUrl"
            type="url"
            maxLength={500}
            placeholder="https://"
            hint="Optional: where the support page's button leads."
          />
        </fieldset>
        <fieldset class="panel">
          <legend>Signing in</legend>
          <label class="ed-check">
            <input
              type="checkbox"
              name="adminsNeedTwoFactor"
              checked={form.values.adminsNeedTwoFactor ?? false}
            />
            Administrators must use two-factor sign-in
          </label>
          <p class="hint">
            An administrator without it can open only their account page, to set it up, until they have.
          </p>
        </fieldset>
      </ManageForm>
    </AdminLayout>
  );
}
