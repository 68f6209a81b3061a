/**
 * JSON for a <script> element: JSON.stringify output made safe by escaping
 * `<`, `>`, `&` and the two line separators JavaScript treats as newlines, so
 * no string in the data can close the element or start a comment. Parsing it
 * back gives the same data.
 *
 * @example safeJson({ title: '</script>' }) // '{"title":"\\u003c/script\\u003e"}'
 */
export function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The one place raw markup enters a reader page: a JSON-LD block, serialised by safeJson. */
export function JsonLd(props: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(props.data) }} />;
}
