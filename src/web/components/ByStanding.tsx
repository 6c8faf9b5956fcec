import type { ComponentChildren } from 'preact';
import type { Hit } from '../api';
import { t } from '../i18n';
import { HitList } from './HitList';
import { Empty } from './ui';

/** Where a hit stands (MatchHit.standing), in the order the groups are shown. */
const STANDINGS = [
  { standing: 'suitable', key: 'suitable' },
  { standing: 'fit', key: 'fit' },
  { standing: 'no-fit', key: 'noFit' },
] as const;

/**
 * Ranked hits grouped by where they stand (issue 29), each group in the ranking's order: those suitable
 * now, those of the right kind of work not suitable yet (each hit says why), and the rest, apart and
 * marked as no fit — never listed as suitable. Each hit shows its rank in the whole ranking. `texts`
 * names the groups' texts for the page's readers: `<texts>.suitable`, `.fit`, `.noFit` (with `{n}`),
 * their `…Hint`s, and `.what`, the hint's summary.
 */
export function ByStanding({
  hits,
  texts,
  link,
  action,
}: {
  hits: Hit[];
  texts: 'matches.group' | 'candidates.group';
  link?: (hit: Hit) => string | undefined;
  action?: (hit: Hit) => ComponentChildren;
}) {
  if (hits.length === 0) return <Empty>{t('hits.none')}</Empty>;
  // Each hit keeps its place in the whole ranking: the groups split the list, not the order.
  const ranks = new Map(hits.map((h, i) => [h, i + 1] as const));
  return (
    <>
      {STANDINGS.map((g) => {
        const shown = hits.filter((h) => h.standing === g.standing);
        if (shown.length === 0) return null;
        const heading = `standing-${g.standing}`;
        const title = t(`${texts}.${g.key}`, { n: shown.length });
        return (
          <section class={`standing standing-${g.standing}`} aria-labelledby={heading}>
            <div class="standing-head">
              <h3 id={heading}>{title}</h3>
              {/* What the group counts, one click away: the list itself stays on the first screen. */}
              <details class="standing-hint">
                <summary>{t(`${texts}.what`)}</summary>
                <p class="muted">{t(`${texts}.${g.key}Hint`)}</p>
              </details>
            </div>
            <HitList hits={shown} label={title} link={link} action={action} home={texts === 'matches.group' ? 'client' : 'job'} ranks={ranks} />
          </section>
        );
      })}
    </>
  );
}
