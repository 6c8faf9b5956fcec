import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Field, useLoad } from '../../components/ui';
import { placeName, t } from '../../i18n';
import type { RegionList } from '../../../core/regions/schema';

/** What the client's matches are asked for: the form's values as typed (empty: the service's default). */
export type MatchFilterValues = { within: string; region: string; k: string; commute: string; paySubsidy: boolean };

export const NO_MATCH_FILTER: MatchFilterValues = { within: '', region: '', k: '20', commute: '', paySubsidy: false };

/** The filters of a client's match list (distance, region, commuting, how many, pay subsidy); the list follows only when shown. */
export function MatchFilter({ eligible, onShow }: { eligible: boolean; onShow: (filter: MatchFilterValues) => void }) {
  const [within, setWithin] = useState(NO_MATCH_FILTER.within);
  const [region, setRegion] = useState(NO_MATCH_FILTER.region);
  const [k, setK] = useState(NO_MATCH_FILTER.k);
  const [commute, setCommute] = useState(NO_MATCH_FILTER.commute);
  const [paySubsidy, setPaySubsidy] = useState(NO_MATCH_FILTER.paySubsidy);
  const regions = useLoad(() => api<RegionList>('GET', '/v1/regions'), []);
  return (
    <form
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        onShow({ within, region, k, commute, paySubsidy });
      }}
    >
      <Field label={t('matches.within')} id="within">
        <input id="within" inputMode="numeric" placeholder={t('matches.withinAny')} value={within} onInput={(e) => setWithin(e.currentTarget.value)} />
      </Field>
      <Field label={t('matches.region')} id="region">
        <select id="region" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
          <option value="">{t('common.any')}</option>
          {(regions.data?.items ?? []).map((r) => (
            <option value={r.code}>{placeName(r)}</option>
          ))}
        </select>
      </Field>
      <Field label={t('matches.commute')} id="commute">
        <select id="commute" value={commute} onChange={(e) => setCommute(e.currentTarget.value)}>
          <option value="">{t('matches.commute.default')}</option>
          <option value="strict">{t('matches.commute.strict')}</option>
          <option value="fits">{t('matches.commute.fits')}</option>
        </select>
      </Field>
      <Field label={t('matches.k')} id="k">
        <select id="k" value={k} onChange={(e) => setK(e.currentTarget.value)}>
          {['10', '20', '50'].map((n) => (
            <option value={n}>{n}</option>
          ))}
        </select>
      </Field>
      {eligible && (
        // Only for a client assessed eligible: both must hold (the vacancy accepts a subsidised hire).
        <div class="field checkbox">
          <input id="pay-subsidy" type="checkbox" checked={paySubsidy} onChange={(e) => setPaySubsidy(e.currentTarget.checked)} />
          <label for="pay-subsidy">{t('matches.paySubsidy')}</label>
        </div>
      )}
      <button type="submit">{t('common.show')}</button>
    </form>
  );
}
