import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../lib/app-error.js';
import { sanitiseBody } from '../body/body.sanitise.js';

const image = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'image', attrs }] });

test('an image from the library keeps its mediaId in the body', () => {
  const clean = sanitiseBody(image({ src: '/media/2026/11/0123456789abcdef.jpg', alt: 'A', mediaId: 7 }));
  assert.deepEqual(clean.content[0], {
    type: 'image',
    attrs: { src: '/media/2026/11/0123456789abcdef.jpg', alt: 'A', caption: '', credit: '', mediaId: 7 },
  });
  const plain = sanitiseBody(image({ src: '/a.jpg', alt: 'A', mediaId: null }));
  assert.equal(
    'mediaId' in (plain.content[0] as { attrs: object }).attrs,
    false,
    'null means no library image',
  );
});

test('a mediaId that is not a positive whole number is refused, naming the path', () => {
  for (const mediaId of [0, -3, 1.5, '7', Number.MAX_SAFE_INTEGER + 2, {}])
    assert.throws(
      () => sanitiseBody(image({ src: '/a.jpg', mediaId })),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'INVALID_BODY' &&
        /^body\.content\[0\]\.attrs\.mediaId: /.test(e.message),
      String(mediaId),
    );
});
