import { type FormEvent, useId, useState } from 'react';
import { type DeletedBundle, deleteObjective, newId, planpilotDb, upsertObjective } from '@/lib/db';
import { isVolumeKey, type Objective, objectiveSchema, type PlanData, type VolumeKey } from '@/lib/domain';
import { objectiveVolume } from '@/lib/insights';
import { newObjectiveTemplate, type ObjectiveDraft, objectiveDraftOf, objectiveFromDraft, validateRow } from '@/lib/planning';
import { formatFigure } from '../common/figures';
import { ErrorSummary, NumberField, SelectField, TextAreaField, TextField, useFormErrors } from '../common/forms';
import { useI18n } from '../common/i18n';
import { saveFailure } from './PlanEditor';

/** The volumes an objective can be measured with, most used first. */
const OBJECTIVE_METRICS: readonly VolumeKey[] = [
  'leads',
  'conversions',
  'conversionValue',
  'clicks',
  'impressions',
  'linkClicks',
  'results',
  'opens',
  'sent',
  'delivered',
];

/** SMART objectives: metric, target, deadline; add, edit, delete (with undo). */
export function ObjectivesEditor({
  data,
  onSaved,
  onDeleted,
}: {
  data: PlanData;
  onSaved: (message: string) => void;
  onDeleted: (message: string, bundle: DeletedBundle) => void;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState<Objective | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const f = fmt(data.plan.currency);

  async function remove(objective: Objective) {
    setFailure(null);
    try {
      const bundle = await deleteObjective(planpilotDb, objective.id);
      onDeleted(t('obj.deleted', { name: objective.name }), bundle);
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  const isNew = editing !== null && !data.objectives.some((o) => o.id === editing.id);
  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="objectives-editor">
      <div className="pp-row pp-section-head">
        <h2 id={`${id}-title`}>{t('obj.title')}</h2>
        <span className="pp-spacer" />
        <button type="button" onClick={() => setEditing(newObjectiveTemplate(data.plan, newId('obj')))} disabled={isNew}>
          {t('obj.add')}
        </button>
      </div>
      {failure && (
        <p className="pp-error" role="alert">
          {failure}
        </p>
      )}
      {data.objectives.length === 0 && !isNew && <p className="pp-muted">{t('obj.none')}</p>}
      <ul className="pp-editor-list">
        {data.objectives.map((o) => {
          const volume = objectiveVolume(o.metric);
          return (
            <li key={o.id} data-objective-id={o.id}>
              {editing?.id === o.id ? (
                <ObjectiveForm
                  objective={o}
                  currency={data.plan.currency}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) onSaved(message);
                  }}
                />
              ) : (
                <div className="pp-editor-item">
                  <div className="pp-editor-main">
                    <strong>{o.name}</strong>
                    <span className="pp-muted">
                      {t('obj.summary', {
                        target: volume ? formatFigure(volume, o.target, f) : f.number(o.target),
                        metric: volume ? t(`metric.${volume}`).toLowerCase() : o.metric,
                        deadline: f.day(o.deadline),
                      })}
                    </span>
                    {o.description && <span className="pp-muted pp-small">{o.description}</span>}
                  </div>
                  <div className="pp-row pp-item-buttons">
                    <button type="button" onClick={() => setEditing(o)} aria-label={t('obj.editLabel', { name: o.name })}>
                      {t('form.edit')}
                    </button>
                    <button
                      type="button"
                      className="pp-danger"
                      onClick={() => void remove(o)}
                      aria-label={t('obj.deleteLabel', { name: o.name })}
                    >
                      {t('form.delete')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
        {isNew && editing && (
          <li>
            <ObjectiveForm
              objective={editing}
              currency={data.plan.currency}
              onDone={(message) => {
                setEditing(null);
                if (message) onSaved(message);
              }}
            />
          </li>
        )}
      </ul>
    </section>
  );
}

function ObjectiveForm({ objective, currency, onDone }: { objective: Objective; currency: string; onDone: (message?: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<ObjectiveDraft>(() => objectiveDraftOf(objective, locale));
  const [failure, setFailure] = useState<string | null>(null);
  const errors = useFormErrors();
  const set =
    <K extends keyof ObjectiveDraft>(key: K) =>
    (value: ObjectiveDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const fieldId = (field: string) => `${id}-${field}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = validateRow(objectiveSchema, objectiveFromDraft(objective, draft, locale));
    if (!result.ok) {
      errors.setIssues(result.issues);
      return;
    }
    try {
      await upsertObjective(planpilotDb, result.value);
      onDone(t('obj.saved', { name: result.value.name }));
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  const legacy = isVolumeKey(draft.metric) ? null : draft.metric;
  const legacyVolume = legacy ? objectiveVolume(legacy) : null;
  const metricOptions = [
    ...(legacy
      ? [
          {
            value: legacy,
            label: legacyVolume
              ? t('obj.legacyMetric', { metric: legacy, volume: t(`metric.${legacyVolume}`).toLowerCase() })
              : t('obj.unknownMetric', { metric: legacy }),
          },
        ]
      : []),
    ...OBJECTIVE_METRICS.map((m) => ({ value: m as string, label: t(`metric.${m}`) })),
  ];
  const measured = objectiveVolume(draft.metric);
  return (
    <form
      className="pp-inline-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={objective.name ? t('obj.editing', { name: objective.name }) : t('obj.new')}
    >
      <h3>{objective.name ? t('obj.editing', { name: objective.name }) : t('obj.new')}</h3>
      <ErrorSummary errors={errors.list} idOf={fieldId} />
      <div className="pp-form-grid">
        <TextField
          id={fieldId('name')}
          label={t('field.name')}
          value={draft.name}
          onChange={set('name')}
          error={errors.errorOf('name')}
          className="pp-field-wide"
        />
        <SelectField
          id={fieldId('metric')}
          label={t('field.metric')}
          value={draft.metric}
          onChange={set('metric')}
          options={metricOptions}
          error={errors.errorOf('metric')}
        />
        <NumberField
          id={fieldId('target')}
          label={t('field.target')}
          value={draft.target}
          onChange={set('target')}
          error={errors.errorOf('target')}
          unit={measured === 'conversionValue' ? currency : undefined}
        />
        <TextField
          id={fieldId('deadline')}
          type="date"
          label={t('field.deadline')}
          value={draft.deadline}
          onChange={set('deadline')}
          error={errors.errorOf('deadline')}
        />
        <TextAreaField
          id={fieldId('description')}
          label={t('field.description')}
          value={draft.description}
          onChange={set('description')}
          rows={2}
        />
      </div>
      {failure && (
        <p className="pp-error" role="alert">
          {failure}
        </p>
      )}
      <div className="pp-row pp-form-actions">
        <button type="submit" className="pp-primary">
          {t('form.save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
