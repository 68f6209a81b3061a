/**
 * Escaping for the XML we write by hand (sitemaps, OpenSearch). Feeds go
 * through the `feed` library instead; see feed.text.ts for what it leaves to us.
 */

// Characters XML 1.0 forbids outright: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text safe for XML element content and attribute values alike.
 *
 * @example escapeXml('Tom & "Jerry" <3') // 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function escapeXml(text: string): string {
  return withoutNonXml(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** The text less the characters no XML document may contain, even escaped. */
export function withoutNonXml(text: string): string {
  return text.replace(NOT_XML, '');
}

/** `<name>text</name>`, the text escaped. */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
