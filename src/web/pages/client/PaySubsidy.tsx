import { Field } from '../../components/ui';
import { date, t } from '../../i18n';
import { oneOf } from '../../one-of';

/** The counsellor's assessment as the profile form holds it: not assessed, eligible, not eligible. */
const ASSESSMENTS = ['', 'yes', 'no'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const assessmentOf = (eligible: boolean | undefined): Assessment => (eligible === undefined ? '' : eligible ? 'yes' : 'no');
export const eligibleOf = (a: Assessment): boolean | undefined => (a === '' ? undefined : a === 'yes');

/** Unemployed 12 months or more by `today` (YYYY-MM-DD): a hint for the assessment, never a rule. */
export function longTermUnemployed(unemployedSince: string | undefined, today: string): boolean {
  if (!unemployedSince) return false;
  const [y, m, d] = today.split('-');
  return unemployedSince <= `${Number(y) - 1}-${m}-${d}`;
}

/**
 * Whether a pay-subsidised hire suits the client: the counsellor's assessment, recorded on the client
 * (personal data, never shown to employer services). Long-term unemployment is shown beside it as a
 * hint; nothing is decided for the counsellor.
 */
export function PaySubsidyField({ value, unemployedSince, invalid, onChange }: { value: Assessment; unemployedSince?: string; invalid?: boolean; onChange: (a: Assessment) => void }) {
  const today = new Date().toISOString().slice(0, 10);
  const hint = longTermUnemployed(unemployedSince, today) ? t('paySubsidy.longTermHint', { date: date(unemployedSince!) }) : t('paySubsidy.hint');
  return (
    <Field label={t('paySubsidy.label')} id="p-pay-subsidy" hint={hint}>
      <select id="p-pay-subsidy" value={value} aria-describedby="p-pay-subsidy-hint" aria-invalid={invalid} onChange={(e) => onChange(oneOf(ASSESSMENTS, e.currentTarget.value) ?? value)}>
        {ASSESSMENTS.map((a) => (
          <option value={a}>{t(`paySubsidy.assessment.${a || 'none'}`)}</option>
        ))}
      </select>
    </Field>
  );
}
