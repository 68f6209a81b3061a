import { escapeXml, xmlElement, XML_DECLARATION } from './xml.js';

/**
 * `/opensearch.xml`, linked from every page: lets a browser add the site's
 * search. ShortName is limited to 16 characters by the specification.
 */
export function openSearchDescription(siteUrl: string, siteName: string): string {
  const shortName = [...siteName].slice(0, 16).join('');
  return [
    XML_DECLARATION,
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  ${xmlElement('ShortName', shortName)}`,
    `  ${xmlElement('Description', `Search ${siteName}`)}`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Url type="text/html" method="get" template="${escapeXml(`${siteUrl}/search?q={searchTerms}`)}"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
