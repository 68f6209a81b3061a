import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFromHtml } from './body-from-html.js';

const text = (s: string) => ({ type: 'text', text: s });

test('paragraphs, headings, quotes, lists, links and marks become the body schema', () => {
  const { body, dropped } = bodyFromHtml(
    `<h1>Top</h1><p>Plain <strong>bold</strong> <em>it</em> <a href="/council" onclick="x()">minutes</a></p>
     <h4>Small</h4><blockquote><p>Said</p><cite>Her</cite></blockquote>
     <ul><li>one</li><li><p>two</p></li></ul><ol><li>first</li></ol><p>line<br>break</p><p>   </p>`,
    { base: 'https://old.example/2026/03/post/' },
  );
  assert.deepEqual(dropped, []);
  assert.deepEqual(body.content, [
    { type: 'heading', attrs: { level: 2 }, content: [text('Top')] },
    {
      type: 'paragraph',
      content: [
        text('Plain '),
        { ...text('bold'), marks: [{ type: 'bold' }] },
        text(' '),
        { ...text('it'), marks: [{ type: 'italic' }] },
        text(' '),
        { ...text('minutes'), marks: [{ type: 'link', attrs: { href: 'https://old.example/council' } }] },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [text('Small')] },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [text('Said')] },
        { type: 'paragraph', content: [text('Her')] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [text('two')] }] },
      ],
    },
    {
      type: 'orderedList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('first')] }] }],
    },
    { type: 'paragraph', content: [text('line'), { type: 'hardBreak' }, text('break')] },
  ]);
});

test('figures keep their caption; pictures are made absolute; pictures without an http address are left out', () => {
  const { body } = bodyFromHtml(
    `<figure><img src="uploads/pier.jpg" alt="The pier"><figcaption>Closed since January.</figcaption></figure>
     <p>before <img src="data:image/png;base64,AAAA"> after</p>`,
    { base: 'https://old.example/news/' },
  );
  assert.deepEqual(body.content, [
    {
      type: 'image',
      attrs: {
        src: 'https://old.example/news/uploads/pier.jpg',
        alt: 'The pier',
        caption: 'Closed since January.',
        credit: '',
      },
    },
    { type: 'paragraph', content: [text('before after')] },
  ]);
});

test('players and scripts are left out and named; tables become a paragraph a row; unsafe links lose the link', () => {
  const { body, dropped } = bodyFromHtml(
    `<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc"></iframe><script>alert(1)</script>
     <table><tr><th>Dep.</th><th>Arr.</th></tr><tr><td>06.00</td><td>07.10</td></tr></table>
     <p><a href="javascript:alert(1)">click</a> and <span style="font-weight:bold">heavy</span>\u0007</p>`,
  );
  assert.deepEqual(dropped, ['an embedded frame (https://www.youtube.com/embed/abc)']);
  assert.deepEqual(body.content, [
    { type: 'paragraph', content: [text('Watch:')] },
    { type: 'paragraph', content: [text('Dep. | Arr.')] },
    { type: 'paragraph', content: [text('06.00 | 07.10')] },
    { type: 'paragraph', content: [text('click and '), { ...text('heavy'), marks: [{ type: 'bold' }] }] },
  ]);
});
