/**
 * A URL resolved against `base` unless it already has a scheme (https:,
 * mailto:): a path on this site becomes a full URL, and a picture already
 * behind MEDIA_BASE_URL stays where it is.
 */
export function absoluteUrl(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
