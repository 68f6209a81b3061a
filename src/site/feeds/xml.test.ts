import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsLanguage } from './sitemap.builder.js';
import { escapeXml } from './xml.js';

test('escapeXml escapes markup and quotes and drops characters XML cannot hold', () => {
  assert.equal(
    escapeXml(`<a href="x">Tom & 'Jerry'</a>`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
  );
  assert.equal(escapeXml('bell\u0007 tab\t line\n'), 'bell tab\t line\n');
  assert.equal(escapeXml('lone \uD800 surrogate, pair 😀'), 'lone  surrogate, pair 😀');
});

test('Google News gets a two-letter language, or zh-cn / zh-tw', () => {
  assert.equal(newsLanguage('en-GB'), 'en');
  assert.equal(newsLanguage('BG'), 'bg');
  assert.equal(newsLanguage('zh-Hant-TW'), 'zh-tw');
  assert.equal(newsLanguage('zh'), 'zh-cn');
});
