/**
 * Bar charts drawn on the server as SVG: no script, no client library, and the
 * numbers are in the page for screen readers (a visually hidden table) and
 * for anyone who hovers a bar (its <title>).
 */

export interface Bar {
  /** Full label, for the table and the bar's tooltip, e.g. "Sat 22 Jan". */
  label: string;
  /** Short label under the axis, shown for some bars only, e.g. "22 Jan". */
  tick: string;
  value: number;
  /** Drawn lighter, e.g. today while its views are still coming in. */
  partial?: boolean;
}

const WIDTH = 760;
const HEIGHT = 240;
const PAD = { top: 14, right: 8, bottom: 30, left: 52 };

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above
 * `value`, so the axis reads 0 / 250 / 500 rather than 0 / 243 / 487.
 *
 * @example niceMax(487) // 500
 */
export function niceMax(value: number): number {
  if (value <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

const number = new Intl.NumberFormat('en-GB');

/**
 * @example <BarChart id="views" title="Views, last 30 days" description="…" unit="views" bars={bars} tickEvery={7} />
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  unit: string;
  bars: Bar[];
  /** Label every n-th bar, counting back from the last. */
  tickEvery: number;
}) {
  const { bars, id } = props;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const band = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, band * 0.72);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const gridValues = [0, max / 2, max];
  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {gridValues.map((value) => (
          <g key={value} class="chart__grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} />
            <text x={PAD.left - 8} y={y(value)} text-anchor="end" dominant-baseline="middle">
              {number.format(value)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const top = y(bar.value);
          const x = PAD.left + i * band + (band - barWidth) / 2;
          const labelled = (bars.length - 1 - i) % props.tickEvery === 0;
          return (
            <g key={bar.label} class={bar.partial ? 'chart__bar chart__bar--partial' : 'chart__bar'}>
              <rect
                x={x.toFixed(1)}
                y={top.toFixed(1)}
                width={barWidth.toFixed(1)}
                height={(PAD.top + plotHeight - top).toFixed(1)}
                rx="2"
                data-value={bar.value}
              >
                <title>{`${bar.label}: ${number.format(bar.value)} ${props.unit}`}</title>
              </rect>
              {labelled ? (
                <text
                  class="chart__tick"
                  x={(x + barWidth / 2).toFixed(1)}
                  y={HEIGHT - 10}
                  text-anchor="middle"
                >
                  {bar.tick}
                </text>
              ) : null}
            </g>
          );
        })}
        <line class="chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
      <table class="visually-hidden" id={`${id}-data`}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{props.unit[0].toUpperCase() + props.unit.slice(1)}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
