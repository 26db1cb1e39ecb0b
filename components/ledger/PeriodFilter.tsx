import { useId } from 'react';
import { PERIOD_PRESETS, type PeriodPreset, presetRange } from '@/lib/ledger';
import { useI18n } from '../common/i18n';

export type PeriodChoice = { preset: PeriodPreset | 'custom'; from: string | null; to: string | null };

export const ALL_TIME: PeriodChoice = { preset: 'all', from: null, to: null };

/** A period: presets (this week, last month…) or two dates. */
export function PeriodFilter({
  value,
  onChange,
  today,
  weekStartsOn,
}: {
  value: PeriodChoice;
  onChange: (value: PeriodChoice) => void;
  today: string;
  weekStartsOn: number;
}) {
  const { t } = useI18n();
  const uid = useId();
  return (
    <>
      <div className="pp-field">
        <label htmlFor={`${uid}-preset`}>{t('filter.period')}</label>
        <select
          id={`${uid}-preset`}
          value={value.preset}
          onChange={(e) => {
            const preset = e.target.value as PeriodChoice['preset'];
            onChange(preset === 'custom' ? { ...value, preset } : { preset, ...presetRange(preset, today, weekStartsOn) });
          }}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`preset.${p}`)}
            </option>
          ))}
          <option value="custom">{t('preset.custom')}</option>
        </select>
      </div>
      {value.preset === 'custom' && (
        <>
          <div className="pp-field">
            <label htmlFor={`${uid}-from`}>{t('filter.from')}</label>
            <input
              id={`${uid}-from`}
              type="date"
              value={value.from ?? ''}
              onChange={(e) => onChange({ ...value, from: e.target.value || null })}
            />
          </div>
          <div className="pp-field">
            <label htmlFor={`${uid}-to`}>{t('filter.to')}</label>
            <input
              id={`${uid}-to`}
              type="date"
              value={value.to ?? ''}
              onChange={(e) => onChange({ ...value, to: e.target.value || null })}
            />
          </div>
        </>
      )}
    </>
  );
}
