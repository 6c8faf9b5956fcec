import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Hit } from '../api';
import { num, t } from '../i18n';
import { distanceText, type Home } from '../distance';
import { href } from '../router';
import { OccupationBeside } from './Occupation';
import { Empty, Score } from './ui';

const PARTS = ['semantic', 'essential', 'optional', 'location', 'occupation'] as const;
const GATES = ['language', 'licence', 'cards', 'workingTime', 'commute'] as const;

/**
 * Ranked hits, one line each to scan (rank, title, employer and place, score, any hard requirement
 * not met), with the full explanation one click away: a disclosure button (keyboard and screen
 * readers: aria-expanded) opening the score's parts, the hard requirements, the skills that match
 * and are missing, and the actions. `link`: where a hit's title leads (a vacancy's own page).
 * `ranks`: each hit's place in the whole ranking when the list shows part of it (a group of
 * ByStanding); the list's own order otherwise. The rank also makes the panels' ids, so the lists of
 * one ranking on a page never repeat one.
 */
export function HitList({
  hits,
  action,
  label,
  link,
  home,
  ranks,
}: {
  hits: Hit[];
  action?: (hit: Hit) => ComponentChildren;
  label: string;
  link?: (hit: Hit) => string | undefined;
  /** Whose municipality a hit at 0 km is in: the client's (vacancies for a client) or the job's (candidates). */
  home: Home;
  ranks?: ReadonlyMap<Hit, number>;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (hits.length === 0) return <Empty>{t('hits.none')}</Empty>;
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <ol class="hits" aria-label={label}>
      {hits.map((hit, i) => {
        const rank = ranks?.get(hit) ?? i + 1;
        const panel = `hit-${rank}-why`;
        const to = link?.(hit);
        const heading = hit.name ?? hit.title;
        const failed = GATES.filter((g) => hit.gates[g] === 'fail');
        return (
          <li class="hit" key={hit.id} value={rank}>
            <div class="hit-row">
              <span class="rank" title={t('hits.rank', { n: rank })}>
                <span aria-hidden="true">{rank}.</span>
                <span class="visually-hidden">{t('hits.rank', { n: rank })}</span>
              </span>
              <div class="hit-main">
                <h3>
                  {to ? <a href={href(to)}>{heading}</a> : heading}
                  {hit.name ? <span class="muted"> — {hit.title}</span> : <OccupationBeside title={hit.title} occupation={hit.occupation} />}
                </h3>
                <p class="muted">
                  {hit.employer ? `${hit.employer} · ` : ''}
                  {hit.municipalityName}
                  {hit.distanceKm !== undefined ? ` (${distanceText(hit.distanceKm, home)})` : ''} · <code>{hit.id}</code>
                  {hit.shared && <span class="badge ok"> {t('hits.shared')}</span>}
                  {hit.paySubsidy && <span class="badge ok"> {t('hits.paySubsidy')}</span>}
                  {hit.contact && (
                    <>
                      {' · '}
                      {hit.contact.email && <a href={`mailto:${hit.contact.email}`}>{hit.contact.email}</a>} {hit.contact.phone}
                    </>
                  )}
                </p>
              </div>
              <div class="hit-side">
                {failed.map((g) => (
                  <span class="badge bad">
                    {t(`gate.${g}`)}: {t('gate.fail')}
                  </span>
                ))}
                {hit.commute?.beyondRange && !hit.commute.waivedBy && !failed.includes('commute') && <span class="badge bad">{t('hits.beyondShort')}</span>}
                <Score value={hit.score} label={t('hits.score')} />
                <button type="button" class="secondary why" aria-expanded={open.has(hit.id) ? 'true' : 'false'} aria-controls={panel} onClick={() => toggle(hit.id)}>
                  {t('hits.why')}
                  <span class="visually-hidden">: {hit.title}</span>
                </button>
              </div>
            </div>
            <div id={panel} class="hit-why" hidden={!open.has(hit.id)}>
              {hit.commute?.beyondRange && (
                <p class={hit.commute.waivedBy ? 'muted' : 'commute-beyond'}>
                  {hit.commute.waivedBy
                    ? t(hit.commute.waivedBy === 'relocation' ? 'hits.waived.relocation' : 'hits.waived.wished')
                    : hit.commute.rangeKm === undefined
                      ? t('hits.beyondNoRange', { road: num(hit.commute.roadKm) })
                      : t('hits.beyond', { road: num(hit.commute.roadKm), range: num(hit.commute.rangeKm) })}
                </p>
              )}
              <dl class="parts">
                {PARTS.map((p) => (
                  <div>
                    <dt>{t(`part.${p}`)}</dt>
                    <dd>
                      <Score value={hit.parts[p]} />
                    </dd>
                  </div>
                ))}
              </dl>
              <p class="gates">
                {GATES.map((g) => (
                  <span class={`badge ${hit.gates[g] === 'fail' ? 'bad' : hit.gates[g] === 'pass' ? 'ok' : ''}`}>
                    {t(`gate.${g}`)}: {t(`gate.${hit.gates[g]}`)}
                  </span>
                ))}
              </p>
              <div class="skill-lists">
                <div>
                  <h4>{t('hits.matched')}</h4>
                  <ul class="chips">
                    {hit.matchedSkills.length === 0 && <li class="muted">–</li>}
                    {hit.matchedSkills.map((s) => (
                      <li class="chip ok">{s.via ? `${s.label} (${s.via})` : s.label}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4>{t('hits.missing')}</h4>
                  <ul class="chips">
                    {hit.missingSkills.length === 0 && <li class="muted">–</li>}
                    {hit.missingSkills.map((s) => (
                      <li class="chip missing">{s.label}</li>
                    ))}
                  </ul>
                </div>
              </div>
              {hit.notes && (
                <p class="muted">
                  {t('hits.notes')}: {hit.notes.join(', ')}
                </p>
              )}
              {hit.alsoPublishedAs && (
                <p class="muted">
                  {t('hits.alsoPublishedAs')} {hit.alsoPublishedAs.map((id) => <code key={id}>{id} </code>)}
                </p>
              )}
              {action && <div class="hit-action">{action(hit)}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
