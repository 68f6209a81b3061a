/**
 * The one place raw markup enters a page: a JSON-LD block. JSON.stringify
 * output is made safe inside <script> by escaping `<`, `>`, `&` and the two
 * line separators JavaScript treats as newlines, so no string in the data can
 * close the element or start a comment.
 */
export function JsonLd(props: { data: unknown }) {
  const json = JSON.stringify(props.data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
