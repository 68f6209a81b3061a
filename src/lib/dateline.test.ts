import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, localDay, zonedTimeToUtc } from './dateline.js';

test('the seed dateline: January 22, 2022, Saturday // 12:06 in Sofia', () => {
  assert.equal(formatDate('2022-01-22T10:06:00Z', 'Europe/Sofia'), 'January 22, 2022, Saturday // 12:06');
});

test('Sofia is UTC+2 before the spring change and UTC+3 after it', () => {
  // Clocks went from 03:00 to 04:00 local on 2022-03-27 (01:00 UTC).
  assert.equal(formatDate('2022-03-27T00:59:00Z', 'Europe/Sofia'), 'March 27, 2022, Sunday // 02:59');
  assert.equal(formatDate('2022-03-27T01:00:00Z', 'Europe/Sofia'), 'March 27, 2022, Sunday // 04:00');
  assert.equal(zonedTimeToUtc('2022-03-26 12:00', 'Europe/Sofia').toISOString(), '2022-03-26T10:00:00.000Z');
  assert.equal(zonedTimeToUtc('2022-03-28 12:00', 'Europe/Sofia').toISOString(), '2022-03-28T09:00:00.000Z');
});

test('the autumn change: the hour 03:00-04:00 happens twice', () => {
  // Clocks went from 04:00 back to 03:00 local on 2022-10-30 (01:00 UTC).
  assert.equal(formatDate('2022-10-30T00:30:00Z', 'Europe/Sofia'), 'October 30, 2022, Sunday // 03:30');
  assert.equal(formatDate('2022-10-30T01:30:00Z', 'Europe/Sofia'), 'October 30, 2022, Sunday // 03:30');
  assert.equal(zonedTimeToUtc('2022-10-29 12:00', 'Europe/Sofia').toISOString(), '2022-10-29T09:00:00.000Z');
  assert.equal(zonedTimeToUtc('2022-10-31 12:00', 'Europe/Sofia').toISOString(), '2022-10-31T10:00:00.000Z');
});

test('a late-evening UTC time is already the next day in Sofia', () => {
  assert.equal(localDay(new Date('2022-01-21T23:30:00Z'), 'Europe/Sofia'), '2022-01-22');
  assert.equal(localDay(new Date('2022-01-21T23:30:00Z'), 'UTC'), '2022-01-21');
});

test('other patterns and zones', () => {
  assert.equal(
    formatDate('2022-01-05T10:06:00Z', 'America/New_York', 'ddd, MMM D, YYYY HH:mm'),
    'Wed, Jan 5, 2022 05:06',
  );
  assert.equal(formatDate('2022-01-05T10:06:00Z', 'UTC', 'YYYY/MM/DD'), '2022/01/05');
  // Text around and between the tokens is kept, the same pattern gives each date its own parts,
  // and a pattern without a token is its own text.
  assert.equal(
    formatDate('2022-01-05T10:06:00Z', 'UTC', 'on D.M.YYYY, at HH:mm h'),
    'on 5.1.2022, at 10:06 h',
  );
  assert.equal(
    formatDate('2023-11-25T21:45:00Z', 'UTC', 'on D.M.YYYY, at HH:mm h'),
    'on 25.11.2023, at 21:45 h',
  );
  assert.equal(formatDate('2022-01-05T10:06:00Z', 'UTC', 'today'), 'today');
});

test('a malformed local time is refused with what was expected', () => {
  assert.throws(() => zonedTimeToUtc('22.01.2022', 'Europe/Sofia'), /YYYY-MM-DD HH:mm/);
});

test('every date agrees with the runtime time zone database, across clock changes in zones of odd offsets', () => {
  const zones = [
    'Europe/Sofia',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
  ];
  const intl = (zone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  const pattern = 'YYYY MMMM D dddd HH:mm';
  for (const zone of zones) {
    const expected = intl(zone);
    // Every 97 minutes and 13 seconds through four years: a day's every part, clock-change days included.
    for (let t = Date.UTC(2022, 0, 1); t < Date.UTC(2026, 0, 1); t += 97 * 60_000 + 13_000) {
      const p = Object.fromEntries(
        expected.formatToParts(new Date(t)).map(({ type, value }) => [type, value]),
      );
      const want = `${p.year} ${p.month} ${p.day} ${p.weekday} ${p.hour}:${p.minute}`;
      assert.equal(formatDate(new Date(t), zone, pattern), want, `${new Date(t).toISOString()} in ${zone}`);
    }
  }
});
