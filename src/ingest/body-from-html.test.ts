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

test('a gallery becomes a figure a picture; lazy-loaded pictures are found; what cannot be kept is named, and nothing stops the body', () => {
  const long = `https://maps.example/?q=${'x'.repeat(2100)}`;
  const { body, dropped } = bodyFromHtml(
    `<figure class="wp-block-gallery"><figure><img src="https://old.example/a.jpg" alt="A"><figcaption>Cap A</figcaption></figure>
       <figure><img src="https://old.example/b.jpg" alt="B"><figcaption>Cap B</figcaption></figure><figcaption>The whole gallery</figcaption></figure>
     <figure><img src="data:image/gif;base64,R0lGOD" data-lazy-src="/c.jpg" alt="C"><figcaption>Cap C</figcaption></figure>
     <figure><img src="data:image/gif;base64,R0lGOD" alt="Nothing"><figcaption>Gone</figcaption></figure>
     <p><a href="${long}">the map</a></p>
     <figure><img src="https://old.example/d.jpg" alt="D"><figcaption>${'word '.repeat(500)}</figcaption></figure>`,
    { base: 'https://old.example/post/' },
  );
  const figures = body.content.filter((b) => b.type === 'image').map((b) => b.type === 'image' && b.attrs);
  assert.deepEqual(
    figures.slice(0, 3).map((f) => f && [f.src, f.alt, f.caption]),
    [
      ['https://old.example/a.jpg', 'A', 'Cap A'],
      ['https://old.example/b.jpg', 'B', 'Cap B'],
      ['https://old.example/c.jpg', 'C', 'Cap C'],
    ],
  );
  assert.deepEqual(body.content[2], { type: 'paragraph', content: [text('The whole gallery')] });
  const d = figures[3];
  assert.ok(d && d.caption.length <= 2000 && d.caption.endsWith('word…'));
  assert.deepEqual(
    body.content.find((b) => b.type === 'paragraph' && JSON.stringify(b).includes('the map')),
    {
      type: 'paragraph',
      content: [text('the map')],
    },
  );
  assert.deepEqual(dropped, [
    `a link whose address is too long (${long.slice(0, 60)}…); its text is kept`,
    'a picture with no web address ("Nothing")',
  ]);
});

test('hostile HTML leaves nothing that runs: scripts, handlers, javascript: and data: addresses, SVG, frames, forms', () => {
  const { body } = bodyFromHtml(
    `<p onclick="steal()">Hello <a href="javascript:alert(1)">x</a> <a href=" JaVaScRiPt:alert(2)">y</a>
       <a href="data:text/html,<script>alert(3)</script>">z</a> <a href="vbscript:msgbox(4)">w</a></p>
     <img src=x onerror=alert(5)><svg><script>alert(6)</script></svg><script>alert(7)</script>
     <iframe srcdoc="<script>alert(8)</script>"></iframe><form action="https://evil.example"><input name=a></form>
     <p><img src="https://old.example/ok.jpg" onload="alert(9)" alt="ok"></p><style>p{}</style>
     <math><mtext><table><mglyph><style><img src=x onerror=alert(10)>`,
    { base: 'https://old.example/' },
  );
  const json = JSON.stringify(body);
  for (const bad of ['alert', 'javascript', 'vbscript', 'data:', 'onerror', 'onclick', 'onload', '<script'])
    assert.ok(!json.toLowerCase().includes(bad), `${bad} in ${json}`);
  assert.ok(json.includes('https://old.example/ok.jpg'));
});
