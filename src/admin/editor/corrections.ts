import { formatDate } from '../../lib/dateline.js';
import { api } from './api.js';
import { h } from './dom.js';
import type { ArticleJson } from './editor-data.js';

/** "Add a correction": a dated note readers see at the foot of the article. */
export function bindCorrections(articleId: () => number | null, timeZone: string): void {
  const text = document.getElementById('correction-text') as HTMLTextAreaElement | null;
  const button = document.getElementById('correction-add');
  const list = document.getElementById('corrections');
  const state = document.getElementById('correction-state');
  if (!text || !button || !list || !state) return;
  button.addEventListener('click', async () => {
    const id = articleId();
    if (!id || !text.value.trim()) {
      state.textContent = 'Write the correction first.';
      text.focus();
      return;
    }
    button.setAttribute('disabled', '');
    state.textContent = 'Adding…';
    const result = await api<ArticleJson>('POST', `/api/admin/articles/${id}/corrections`, {
      text: text.value,
    });
    button.removeAttribute('disabled');
    if (!result.ok) {
      state.textContent =
        result.error.status === 403
          ? `Your role does not allow this: ${result.error.message}`
          : `Not added: ${result.error.message}`;
      return;
    }
    list.replaceChildren(
      ...result.data.corrections.map((c) =>
        h(
          'li',
          {},
          h('time', { datetime: c.createdAt }, formatDate(c.createdAt, timeZone, 'D MMM YYYY, HH:mm')),
          ` ${c.text}`,
        ),
      ),
    );
    text.value = '';
    state.textContent = 'Correction added; readers see it now.';
  });
}
