// Trade turnover by year as a server-rendered SVG bar chart, with the numbers in a table beside it.
import { articlePath } from '../../../platform/editions.js';
import type { T } from '../../../platform/i18n/index.js';
import { formatAmount, type TradeSeries } from '../dossier.js';

const W = 480,
  H = 240,
  PAD_L = 12,
  PAD_R = 12,
  PAD_T = 28,
  PAD_B = 32;

/**
 * One pair's series; ids stay unique on a page through `uid`. Each year's source links to its article's own
 * address (`prefixed`: every edition under its prefix), its title marked with its language where it differs.
 */
export function TradeChart({
  t,
  series,
  names,
  uid,
  lang = 'en',
  prefixed = false,
}: {
  t: T;
  series: TradeSeries;
  names: [string, string];
  uid: string;
  lang?: string;
  prefixed?: boolean;
}) {
  const pts = series.points.slice(-12);
  if (!pts.length) return null;
  const max = Math.max(...pts.map((p) => p.value));
  const slot = (W - PAD_L - PAD_R) / pts.length;
  const bar = Math.min(56, slot * 0.7);
  const title = t('dossiers.trade.title', { a: names[0], b: names[1] });
  // Each amount is shown three times (description, bar label, table): formatted once.
  const amounts = pts.map((p) => formatAmount(p.value, p.currency, lang));
  const other = (own: string | undefined) => (own && own !== lang ? own : undefined);
  const desc = t('dossiers.trade.desc', { values: pts.map((p, i) => `${p.year}: ${amounts[i]}`).join('; ') });
  return (
    <figure class="trade-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        xmlns="http://www.w3.org/2000/svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${uid}-title`}>{title}</title>
        <desc id={`${uid}-desc`}>{desc}</desc>
        <line x1={PAD_L} x2={W - PAD_R} y1={H - PAD_B} y2={H - PAD_B} class="axis" />
        {pts.map((p, i) => {
          const h = max > 0 ? Math.max(2, ((H - PAD_T - PAD_B) * p.value) / max) : 2;
          const x = PAD_L + slot * i + (slot - bar) / 2;
          const y = H - PAD_B - h;
          return (
            <g>
              <rect x={x.toFixed(1)} y={y.toFixed(1)} width={bar.toFixed(1)} height={h.toFixed(1)} class="bar" />
              <text x={(x + bar / 2).toFixed(1)} y={(y - 6).toFixed(1)} text-anchor="middle" class="value">
                {amounts[i].replace(' billion', 'bn').replace(' million', 'm')}
              </text>
              <text x={(x + bar / 2).toFixed(1)} y={H - PAD_B + 20} text-anchor="middle" class="year">
                {p.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
      <table class="chart-data">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossiers.trade.year')}</th>
            <th scope="col">{t('dossiers.trade.value')}</th>
            <th scope="col">{t('dossiers.trade.source')}</th>
          </tr>
        </thead>
        <tbody>
          {pts
            .map((p, i) => (
              <tr>
                <th scope="row">{p.year}</th>
                <td>{amounts[i]}</td>
                <td>
                  <a
                    href={`${articlePath(p.articleLanguage ?? lang, prefixed, p.articleSlug)}#evidence-${p.factId}`}
                    hreflang={other(p.articleLanguage)}
                    lang={other(p.articleLanguage)}
                  >
                    {p.articleTitle}
                  </a>
                </td>
              </tr>
            ))
            .reverse()}
        </tbody>
      </table>
    </figure>
  );
}
