import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../lib/app-error.js';
import { isSafeUrl, sanitiseBody } from './body.sanitise.js';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });

function refused(input: unknown, path: RegExp) {
  assert.throws(
    () => sanitiseBody(input),
    (error: unknown) =>
      error instanceof AppError && error.code === 'INVALID_BODY' && path.test(error.message),
  );
}

test('every allowed node and mark passes through unchanged', () => {
  const body = doc(
    p(
      { type: 'text', text: 'Plain ' },
      { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      { type: 'hardBreak' },
    ),
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading' }] },
    { type: 'blockquote', content: [p({ type: 'text', text: '“Quoted”' })] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p({ type: 'text', text: 'item' })] }] },
    { type: 'orderedList', content: [{ type: 'listItem', content: [p({ type: 'text', text: 'first' })] }] },
    {
      type: 'image',
      attrs: { src: 'https://img.example/a.jpg', alt: 'A', caption: 'Caption', credit: 'Photo: X' },
    },
    { type: 'relatedArticle', attrs: { articleId: 42 } },
    p({ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org/x' } }] }),
  );
  assert.deepEqual(sanitiseBody(body), body);
});

test('script vectors are refused with the path of the bad node', () => {
  refused(
    doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })),
    /body\.content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href/,
  );
  refused(
    doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: ' JaVaScRiPt:alert(1)' } }] })),
    /href/,
  );
  refused(
    doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '//evil.example/x' } }] })),
    /href/,
  );
  // Links and pictures that look site-relative but that a browser takes to another site.
  for (const href of ['/\\evil.example/x', '/\t/evil.example/x', '/\n/evil.example', '\\/evil.example'])
    refused(doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] })), /href/);
  refused(doc({ type: 'image', attrs: { src: '/\\evil.example/a.jpg', alt: '' } }), /attrs\.src/);
  refused(
    doc({ type: 'image', attrs: { src: 'data:text/html,<script>', alt: '' } }),
    /body\.content\[0\]\.attrs\.src/,
  );
  refused(
    doc({ type: 'html', content: '<script>alert(1)</script>' }),
    /body\.content\[0\]\.type: "html" is not an allowed block/,
  );
  refused(doc(p({ type: 'text', text: 'x', marks: [{ type: 'onclick' }] })), /is not an allowed mark/);
  refused(doc({ type: 'heading', attrs: { level: 1 } }), /attrs\.level: must be 2 or 3/);
  refused(doc({ type: 'relatedArticle', attrs: { articleId: 'x' } }), /articleId/);
  refused({ type: 'doc' }, /body\.content: must be a list/);
  refused('<p>html</p>', /body: must be an object/);
});

test('site-relative links and pictures that stay on the site pass as written', () => {
  for (const href of [
    '/articles/12/a-story',
    '/search?q=a%5Cb',
    '/tags/nato#latest',
    '/media/2026/11/a.webp',
  ])
    assert.equal(isSafeUrl(href, false), true, href);
  const body = doc(
    p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '/sections/politics' } }] }),
  );
  assert.deepEqual(sanitiseBody(body), body);
});

test('text is kept as typed (escaping happens on output), control characters dropped', () => {
  const clean = sanitiseBody(doc(p({ type: 'text', text: '<img src=x onerror=alert(1)>\u0000\u0007 ok' })));
  assert.deepEqual(clean, doc(p({ type: 'text', text: '<img src=x onerror=alert(1)> ok' })));
});

test('a line break inside bold or a link keeps no marks', () => {
  const clean = sanitiseBody(
    doc({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'One', marks: [{ type: 'bold' }] },
        { type: 'hardBreak', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'two', marks: [{ type: 'bold' }] },
      ],
    }),
  );
  assert.deepEqual((clean.content[0] as { content: unknown[] }).content[1], { type: 'hardBreak' });
});

test('an unknown attribute or key is refused with its path, not dropped', () => {
  assert.throws(
    () => sanitiseBody(doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'a', onerror: 'alert(1)' } })),
    /^AppError: body\.content\[0\]\.attrs\.onerror: is not part of the body schema$/,
  );
  assert.throws(
    () => sanitiseBody(doc({ type: 'paragraph', style: 'x', content: [] })),
    /body\.content\[0\]\.style: is not part of the body schema/,
  );
  assert.throws(
    () => sanitiseBody(doc({ type: 'blockquote', content: [{ type: 'paragraph', attrs: { class: 'x' } }] })),
    /body\.content\[0\]\.content\[0\]\.attrs\.class: is not part of the body schema/,
  );
  assert.deepEqual(
    sanitiseBody(doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'a', mediaId: null } })),
    doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'a', caption: '', credit: '' } }),
  );
});
