import type { ArticleStatus } from '../../db/schema.js';

/**
 * The buttons under "Publish", by status and role. Shared by the server page
 * (first paint) and the browser code (after a save changes the status), so
 * both always offer the same choices. No DOM here.
 */
export type EditorAction =
  | 'save-draft'
  | 'save'
  | 'submit'
  | 'publish'
  | 'schedule'
  | 'publish-now'
  | 'update'
  | 'unschedule'
  | 'unpublish';

export interface ActionButton {
  action: EditorAction;
  label: string;
  kind: 'primary' | 'plain' | 'danger';
}

export interface ActionState {
  /** null for an article not saved yet. */
  status: ArticleStatus | null;
  canEdit: boolean;
  canPublish: boolean;
  /** Whether the publish-time field holds a time still to come. */
  future: boolean;
}

const LABELS: Record<EditorAction, string> = {
  'save-draft': 'Save draft',
  save: 'Save',
  submit: 'Submit for review',
  publish: 'Publish',
  schedule: 'Schedule',
  'publish-now': 'Publish now',
  update: 'Update',
  unschedule: 'Unschedule',
  unpublish: 'Unpublish',
};

const button = (action: EditorAction, kind: ActionButton['kind'] = 'plain'): ActionButton => ({
  action,
  label: LABELS[action],
  kind,
});

export function actionsFor(state: ActionState): ActionButton[] {
  if (!state.canEdit) return [];
  const goLive = button(state.future ? 'schedule' : 'publish', 'primary');
  switch (state.status) {
    case null:
    case 'draft':
      return state.canPublish
        ? [button('save-draft'), goLive]
        : [button('save-draft'), button('submit', 'primary')];
    case 'review':
    case 'unpublished':
      return state.canPublish ? [button('save'), goLive] : [button('save', 'primary')];
    case 'scheduled':
      return state.canPublish
        ? [button('update', 'primary'), button('publish-now'), button('unschedule', 'danger')]
        : [];
    case 'published':
      return state.canPublish ? [button('update', 'primary'), button('unpublish', 'danger')] : [];
  }
}

/** The status a save sends for each action; `current` is the article's status now. */
export function statusFor(action: EditorAction, current: ArticleStatus | null): ArticleStatus {
  switch (action) {
    case 'save-draft':
    case 'unschedule':
      return 'draft';
    case 'save':
    case 'update':
      return current ?? 'draft';
    case 'submit':
      return 'review';
    case 'publish':
    case 'publish-now':
      return 'published';
    case 'schedule':
      return 'scheduled';
    case 'unpublish':
      return 'unpublished';
  }
}

export const STATUS_LABELS: Record<ArticleStatus | 'new', string> = {
  new: 'New',
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};
