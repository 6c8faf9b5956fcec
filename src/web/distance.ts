import { num, t } from './i18n';

/** Whose home municipality a distance of 0 is: the client's (a counsellor reads), yours (the client reads the print), the job's (a unit reads candidates). */
export type Home = 'client' | 'you' | 'job';

/**
 * A distance between two municipalities' centres as a reader says it: "12 km fågelvägen", but not
 * "0 km fågelvägen" for the same municipality — "i kundens hemkommun", "kotikunnassasi", "in the job's municipality".
 */
export const distanceText = (km: number, home: Home) => (km === 0 ? t(`hits.home.${home}`) : t('hits.km', { km: num(km) }));
