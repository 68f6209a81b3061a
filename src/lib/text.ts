/**
 * The one rule for characters no text field may hold: control characters
 * other than tab, line feed and carriage return (C0, DEL and C1), and lone
 * UTF-16 surrogates (half of a character, left by a cut or a broken
 * encoder; SQLite would store it as U+FFFD and JSON as an escape).
 * Input from people (the admin API and the back office's forms) is refused
 * with the field's name when it has one; text we make or import ourselves
 * is cleaned with `stripControl`.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with this text under the rule, in words, or undefined.
 *
 * @example textProblem('a\u0007b') // 'has a control character (U+0007) at character 2: remove it'
 */
export function textProblem(text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (control)
    return `has a control character (${hex(control[0])}) at character ${control.index + 1}: remove it`;
  const half = LONE_SURROGATE.exec(text);
  if (half)
    return `has a broken character (half of a UTF-16 pair, ${hex(half[0])}) at character ${half.index + 1}: type or paste that part again`;
  return undefined;
}

/** The text without control characters other than tab, line feed and carriage return. */
export function stripControl(text: string): string {
  return text.replace(CONTROL_ALL, '');
}

/** The text as one line: without control characters, each run of white space one space, none at either end. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/**
 * Text safe inside HTML, as element content or a quoted attribute value.
 *
 * @example escapeHtml('Tom & "Jerry" <3') // 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `text` at most `max` characters, cut at a word, with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  return `${head.slice(0, head.lastIndexOf(' ') > max / 2 ? head.lastIndexOf(' ') : head.length).trimEnd()}…`;
}
