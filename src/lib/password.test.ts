import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

test('a password is long enough and not easy to guess; no composition rules', async () => {
  assert.equal(await passwordProblem('short'), 'must be at least 10 characters');
  assert.equal(await passwordProblem('x'.repeat(201)), 'must be at most 200 characters');
  for (const [password, why] of [
    ['password1234', /commonly used password/],
    ['qwertyuiop', /most used passwords|row of keys/],
    ['1234567890', /most used|commonly used|sequence/],
    ['aaaaaaaaaaaa', /repeats characters/],
    ['P@ssw0rd2024', /commonly used password with small changes|recent year/],
  ] as const) {
    const problem = await passwordProblem(password);
    assert.match(problem ?? 'accepted', /^is too easy to guess: /, password);
    assert.match(problem!, why, password);
  }
  // Unrelated words, however plain, and long random strings pass.
  for (const password of [
    'correct horse battery staple',
    'a long enough password',
    'tulip orbit cinder 7',
    'x8#Kd0qLz!vR',
  ])
    assert.equal(await passwordProblem(password), undefined, password);
});

test('the person’s own name, email and the site’s name count as easy', async () => {
  assert.equal(await passwordProblem('kestrelwatch2026'), undefined, 'strong for anyone else');
  assert.match(
    (await passwordProblem('kestrelwatch2026', [
      'desk@kestrelwatch.example',
      'Dana Kestrel',
      'Kestrelwatch',
    ])) ?? '',
    /^is too easy to guess/,
  );
});

test('hashes verify only the password they were made from', async () => {
  const hash = await hashPassword('tulip orbit cinder 7');
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('tulip orbit cinder 7', hash), true);
  assert.equal(await verifyPassword('tulip orbit cinder 8', hash), false);
});
