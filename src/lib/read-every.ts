/**
 * `read`'s answer, kept: read once, then again whenever it is more than `ms`
 * milliseconds old. Only the first read is waited for; while a newer one is
 * read, callers get the last (a reader of the database's statistics does not
 * wait for the statistics). A failed first read is not kept: the next
 * caller reads again; a failed later one leaves the last answer kept
 * another `ms`.
 */
export function readEvery<T>(ms: number, read: () => Promise<T>): () => Promise<T> {
  let known: Promise<T> | undefined;
  let readAt = 0;
  let reading: Promise<T> | undefined;
  const start = () => {
    readAt = Date.now();
    const attempt = read();
    reading = attempt;
    const done = () => {
      if (reading === attempt) reading = undefined;
    };
    attempt.then(() => {
      known = attempt;
      done();
    }, done);
    return attempt;
  };
  return () => {
    if (!known) return reading ?? start();
    if (!reading && Date.now() - readAt > ms) start();
    return known;
  };
}
