import { withoutNonXml } from './xml.js';

/**
 * What the `feed` library (through xml-js) leaves to its caller. It writes
 * titles, summaries and content as CDATA but splits only the first `]]>` in a
 * section, and it escapes no `<` in attribute values. Atom's title, summary
 * and content are `type="html"`: a reader takes their text as HTML.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text as HTML that shows exactly that text. Escaping `>` also means
 * the result can never close a CDATA section.
 *
 * @example htmlText('<b> & co') // '&lt;b&gt; &amp; co'
 */
export function htmlText(text: string): string {
  return withoutNonXml(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

/** HTML for a CDATA section: `>` written as `&gt;` after `]]` means the same in HTML. */
export function cdataHtml(html: string): string {
  return withoutNonXml(html).replaceAll(']]>', ']]&gt;');
}

/**
 * Plain text for a CDATA section (an RSS title). Text has no escape, so a
 * `]]>` gets an invisible zero-width space: `]]\u200B>`.
 */
export function cdataText(text: string): string {
  return withoutNonXml(text).replaceAll(']]>', ']]\u200B>');
}

/** Text for an XML element the library writes as escaped text. */
export function elementText(text: string): string {
  return withoutNonXml(text);
}

/** Text for an attribute value, or undefined when it holds a `<` the library would leave unescaped. */
export function attributeText(text: string): string | undefined {
  const clean = withoutNonXml(text);
  return clean.includes('<') ? undefined : clean;
}

/**
 * Plain text for a field that feed readers ought to show as text but many
 * render as HTML (RSS titles, categories and authors, JSON Feed titles,
 * summaries and tags): what would open a tag gets a look-alike (`‹`, U+2039)
 * and what would spell a character reference a full-width ampersand, so such
 * a reader shows the text instead of running it. A `<` that opens no tag
 * (`inflation < 2%`) stays as typed, as does every other character.
 *
 * @example inertText('<img src=x onerror=alert(1)> &lt;b&gt; 1 < 2') // '‹img src=x onerror=alert(1)> ＆lt;b＆gt; 1 < 2'
 */
export function inertText(text: string): string {
  return text.replace(/<(?=[A-Za-z!/?])/g, '\u2039').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\uFF06');
}
