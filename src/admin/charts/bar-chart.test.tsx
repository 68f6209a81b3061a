import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { renderToString } from 'preact-render-to-string';
import { BarChart, niceMax } from './bar-chart.js';

test('the axis tops out at a round number at or above the highest bar', () => {
  assert.deepEqual(
    [0, 1, 7, 10, 11, 120, 243, 487, 5001].map(niceMax),
    [10, 1, 10, 10, 20, 200, 250, 500, 10000],
  );
});

test('bars are as tall as their share of the axis, and every number is in the hidden table', () => {
  const html = renderToString(
    <BarChart
      id="t"
      title="Views"
      description="Three days"
      unit="views"
      tickEvery={2}
      bars={[
        { label: 'Mon', tick: 'M', value: 50 },
        { label: 'Tue', tick: 'T', value: 100 },
        { label: 'Wed', tick: 'W', value: 0, partial: true },
      ]}
    />,
  );
  const $ = cheerio.load(html);
  const heights = $('rect')
    .toArray()
    .map((r) => Number($(r).attr('height')));
  assert.equal(heights[0] * 2, heights[1]);
  assert.equal(heights[2], 0);
  assert.equal($('.chart__bar--partial').length, 1);
  assert.deepEqual(
    $('.chart__tick')
      .toArray()
      .map((t) => $(t).text()),
    ['M', 'W'],
    'labels count back from the last bar',
  );
  assert.deepEqual(
    $('table tbody tr')
      .toArray()
      .map((tr) => $(tr).text()),
    ['Mon50', 'Tue100', 'Wed0'],
  );
  assert.equal($('svg').attr('aria-labelledby'), 't-title t-desc');
});
