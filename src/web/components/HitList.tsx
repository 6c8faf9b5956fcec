import type { ComponentChildren } from 'preact';
import type { Hit } from '../api';
import { num, t } from '../i18n';
import { Empty, Score } from './ui';

const PARTS = ['semantic', 'essential', 'optional', 'location', 'occupation'] as const;

/** Ranked hits with their reasons: score and parts, hard requirements, matched and missing skills. */
export function HitList({ hits, action, label }: { hits: Hit[]; action?: (hit: Hit) => ComponentChildren; label: string }) {
  if (hits.length === 0) return <Empty>{t('hits.none')}</Empty>;
  return (
    <ol class="hits" aria-label={label}>
      {hits.map((hit, i) => (
        <li class="hit" key={hit.id}>
          <div class="hit-head">
            <span class="rank">{i + 1}.</span>
            <h3>
              {hit.name ?? hit.title}
              {hit.name && <span class="muted"> — {hit.title}</span>}
            </h3>
            <Score value={hit.score} label={t('hits.score')} />
          </div>
          <p class="muted">
            <code>{hit.id}</code> · {hit.employer ? `${hit.employer} · ` : ''}
            {hit.municipalityName}
            {hit.distanceKm !== undefined ? ` (${t('hits.km', { km: num(hit.distanceKm) })})` : ''}
            {hit.shared && <span class="badge ok"> {t('hits.shared')}</span>}
          </p>
          {hit.commute?.beyondRange && (
            <p class={hit.commute.waivedBy ? 'muted' : 'commute-beyond'}>
              {hit.commute.waivedBy
                ? t(hit.commute.waivedBy === 'relocation' ? 'hits.waived.relocation' : 'hits.waived.wished')
                : t('hits.beyond', { road: num(hit.commute.roadKm), range: num(hit.commute.rangeKm) })}
            </p>
          )}
          {hit.alsoPublishedAs && (
            <p class="muted">
              {t('hits.alsoPublishedAs')} {hit.alsoPublishedAs.map((id) => <code key={id}>{id} </code>)}
            </p>
          )}
          {hit.contact && (
            <p>
              {hit.contact.email && <a href={`mailto:${hit.contact.email}`}>{hit.contact.email}</a>} {hit.contact.phone}
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
            {(['language', 'licence', 'cards', 'workingTime', 'commute'] as const).map((g) => (
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
          {action && <div class="hit-action">{action(hit)}</div>}
        </li>
      ))}
    </ol>
  );
}
