import type { ComponentChildren } from 'preact';
import type { Hit } from '../../api';
import { HitList } from '../../components/HitList';
import { Empty } from '../../components/ui';
import { t } from '../../i18n';

/** The hits of one standing, in the ranking's order (see MatchHit.standing). */
const STANDING_GROUPS = [
  { standing: 'suitable', title: 'matches.group.suitable', hint: 'matches.group.suitableHint' },
  { standing: 'fit', title: 'matches.group.fit', hint: 'matches.group.fitHint' },
  { standing: 'no-fit', title: 'matches.group.noFit', hint: 'matches.group.noFitHint' },
] as const;

/**
 * A client's vacancies grouped by where they stand (issue 29): those that suit the client now (what
 * the gap report's "suit the client now" counts), the client's line of work not suitable yet (each
 * hit says why), and other work nearby, apart and marked as no fit — never listed as suitable.
 */
export function ByStanding({ hits, link, action }: { hits: Hit[]; link: (hit: Hit) => string; action: (hit: Hit) => ComponentChildren }) {
  if (hits.length === 0) return <Empty>{t('hits.none')}</Empty>;
  return (
    <>
      {STANDING_GROUPS.map((g) => {
        const shown = hits.filter((h) => h.standing === g.standing);
        if (shown.length === 0) return null;
        const heading = `standing-${g.standing}`;
        return (
          <section class={`standing standing-${g.standing}`} aria-labelledby={heading}>
            <div class="standing-head">
              <h3 id={heading}>{t(g.title, { n: shown.length })}</h3>
              {/* What the group counts, one click away: the list itself stays on the first screen. */}
              <details class="standing-hint">
                <summary>{t('matches.group.what')}</summary>
                <p class="muted">{t(g.hint)}</p>
              </details>
            </div>
            <HitList hits={shown} label={t(g.title, { n: shown.length })} link={link} action={action} />
          </section>
        );
      })}
    </>
  );
}
