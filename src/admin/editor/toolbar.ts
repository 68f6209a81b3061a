import type { Editor } from '@tiptap/core';

type Command = { run: () => void; active?: () => boolean; can?: () => boolean };

/**
 * The formatting toolbar: one tab stop (arrow keys move between buttons, as
 * in the ARIA toolbar pattern), `aria-pressed` on what applies at the cursor.
 */
export function bindToolbar(
  editor: Editor,
  toolbar: HTMLElement,
  open: { link: () => void; image: () => void; related: () => void },
): void {
  const chain = () => editor.chain().focus();
  const commands: Record<string, Command> = {
    bold: {
      run: () => chain().toggleBold().run(),
      active: () => editor.isActive('bold'),
      can: () => editor.can().toggleBold(),
    },
    italic: {
      run: () => chain().toggleItalic().run(),
      active: () => editor.isActive('italic'),
      can: () => editor.can().toggleItalic(),
    },
    link: { run: open.link, active: () => editor.isActive('link') },
    h2: {
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: () => editor.isActive('heading', { level: 2 }),
      can: () => editor.can().toggleHeading({ level: 2 }),
    },
    h3: {
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: () => editor.isActive('heading', { level: 3 }),
      can: () => editor.can().toggleHeading({ level: 3 }),
    },
    quote: {
      run: () => chain().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
      can: () => editor.can().toggleBlockquote(),
    },
    bulletList: {
      run: () => chain().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
      can: () => editor.can().toggleBulletList(),
    },
    orderedList: {
      run: () => chain().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
      can: () => editor.can().toggleOrderedList(),
    },
    image: { run: open.image },
    related: { run: open.related },
  };
  const buttons = Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button[data-cmd]'));

  const refresh = () => {
    for (const button of buttons) {
      const command = commands[button.dataset.cmd!];
      if (!command) continue;
      if (command.active) button.setAttribute('aria-pressed', String(command.active()));
      const usable = editor.isEditable && (command.can?.() ?? true);
      button.disabled = false;
      button.setAttribute('aria-disabled', String(!usable));
    }
  };

  // One tab stop: the last button used, or the first.
  let current = 0;
  const focusAt = (index: number) => {
    current = (index + buttons.length) % buttons.length;
    buttons.forEach((b, i) => (b.tabIndex = i === current ? 0 : -1));
    buttons[current].focus();
  };
  buttons.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusAt(moves[event.key]);
    }
  });
  toolbar.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-cmd]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    current = buttons.indexOf(button);
    buttons.forEach((b, i) => (b.tabIndex = i === current ? 0 : -1));
    commands[button.dataset.cmd!]?.run();
  });
  // The editor keeps its selection while a toolbar button is pressed.
  toolbar.addEventListener('mousedown', (event) => event.preventDefault());
  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
}
