import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { validateXML } from 'xmllint-wasm';

/**
 * Checks a sitemap with libxml2's schema validator (xmllint, as WebAssembly,
 * no network): the core elements against sitemaps.org's official
 * sitemap.xsd, shipped in the `sitemap` package, and `news:` elements
 * against test/fixtures/news-sitemap.xsd (Google's documented rules; its own
 * XSD is online only); a sitemap index against test/fixtures/sitemap-index.xsd
 * (the protocol's rules; the package lacks sitemaps.org's siteindex.xsd).
 * Returns xmllint's complaints, none when valid.
 */
export async function sitemapProblems(xml: string): Promise<string[]> {
  const index = /<sitemapindex[\s>]/.test(xml);
  const result = await validateXML({
    xml: { fileName: 'sitemap.xml', contents: xml },
    ...(index
      ? { schema: { fileName: 'sitemap-index.xsd', contents: fs.readFileSync(INDEX, 'utf8') } }
      : {
          schema: { fileName: 'both.xsd', contents: BOTH },
          preload: [
            { fileName: 'sitemap.xsd', contents: fs.readFileSync(OFFICIAL, 'utf8') },
            { fileName: 'news-sitemap.xsd', contents: fs.readFileSync(NEWS, 'utf8') },
          ],
        }),
  });
  return result.errors.map((e) => e.rawMessage);
}

const OFFICIAL = path.join(
  path.dirname(createRequire(import.meta.url).resolve('sitemap/package.json')),
  'schema/sitemap.xsd',
);
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const NEWS = path.join(FIXTURES, 'news-sitemap.xsd');
const INDEX = path.join(FIXTURES, 'sitemap-index.xsd');
const BOTH = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xs:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="news-sitemap.xsd"/>
</xs:schema>`;
