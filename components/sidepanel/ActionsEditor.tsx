import { type FormEvent, useId, useState } from 'react';
import { type DeletedBundle, deleteAction, newId, planpilotDb, reorderActions, upsertAction } from '@/lib/db';
import {
  ACTION_STATUSES,
  type Action,
  actionSchema,
  CHANNELS,
  COST_TARGET_KEYS,
  LEVERS,
  type PlanData,
  PRIORITIES,
  RATE_TARGET_KEYS,
  type TargetKey,
  VOLUME_TARGET_KEYS,
} from '@/lib/domain';
import {
  type ActionDraft,
  actionDraftOf,
  actionFromDraft,
  duplicateCodeIssue,
  newActionTemplate,
  ownersOf,
  targetUnit,
  validateRow,
} from '@/lib/planning';
import { currencySymbol, ErrorSummary, NumberField, SelectField, TextField, useFormErrors } from '../common/forms';
import { useI18n } from '../common/i18n';
import { saveFailure } from './PlanEditor';

/** The plan's actions: add, edit, reorder, delete (with undo). */
export function ActionsEditor({
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
  const [editing, setEditing] = useState<Action | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const f = fmt(data.plan.currency);
  const actions = data.actions;

  async function remove(action: Action) {
    setFailure(null);
    try {
      const bundle = await deleteAction(planpilotDb, action.id);
      onDeleted(t('act.deleted', { code: action.code || action.name }), bundle);
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  async function move(index: number, by: -1 | 1) {
    const ids = actions.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    setFailure(null);
    try {
      await reorderActions(planpilotDb, data.plan.id, ids);
      // Keep the keyboard on the same button of the moved action.
      requestAnimationFrame(() => document.getElementById(`${id}-${moved}-${by < 0 ? 'up' : 'down'}`)?.focus());
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  const done = (message?: string) => {
    setEditing(null);
    if (message) onSaved(message);
  };
  const isNew = editing !== null && !actions.some((a) => a.id === editing.id);
  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="actions-editor">
      <div className="pp-row pp-section-head">
        <h2 id={`${id}-title`}>{t('act.title')}</h2>
        <span className="pp-spacer" />
        <button type="button" onClick={() => setEditing(newActionTemplate(data.plan, actions, newId('act')))} disabled={isNew}>
          {t('act.add')}
        </button>
      </div>
      {failure && (
        <p className="pp-error" role="alert">
          {failure}
        </p>
      )}
      {actions.length === 0 && !isNew && <p className="pp-muted">{t('act.none')}</p>}
      {isNew && editing && <ActionForm action={editing} data={data} onDone={done} />}
      <ul className="pp-editor-list">
        {actions.map((a, i) => (
          <li key={a.id} data-action-id={a.id}>
            {editing?.id === a.id ? (
              <ActionForm action={a} data={data} onDone={done} />
            ) : (
              <div className="pp-editor-item">
                <div className="pp-editor-main">
                  <span>
                    <span className="pp-code">{a.code}</span> <strong>{a.name}</strong>
                  </span>
                  <span className="pp-muted pp-small">
                    {t(`channel.${a.channel}`)} · {t(`lever.${a.lever}`)} · {a.owner || t('cal.noOwner')} · {f.range(a.start, a.end)}
                  </span>
                  <span className="pp-small">
                    <span className={`pp-tag pp-tag-${a.status}`}>{t(`actionStatus.${a.status}`)}</span>{' '}
                    <span className={`pp-tag pp-priority-${a.priority}`}>
                      {t('cal.priority', { priority: t(`priority.${a.priority}`).toLowerCase() })}
                    </span>{' '}
                    <span className="pp-num" data-field="budget">
                      {f.money(a.budget, 0)}
                    </span>
                  </span>
                </div>
                <div className="pp-row pp-item-buttons">
                  <button
                    type="button"
                    id={`${id}-${a.id}-up`}
                    className="pp-icon-button"
                    onClick={() => void move(i, -1)}
                    disabled={i === 0}
                    aria-label={t('act.moveUp', { code: a.code || a.name })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${id}-${a.id}-down`}
                    className="pp-icon-button"
                    onClick={() => void move(i, 1)}
                    disabled={i === actions.length - 1}
                    aria-label={t('act.moveDown', { code: a.code || a.name })}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => setEditing(a)} aria-label={t('act.editLabel', { code: a.code || a.name })}>
                    {t('form.edit')}
                  </button>
                  <button
                    type="button"
                    className="pp-danger"
                    onClick={() => void remove(a)}
                    aria-label={t('act.deleteLabel', { code: a.code || a.name })}
                  >
                    {t('form.delete')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const TARGET_GROUPS = [
  { key: 'act.targets.costs', targets: COST_TARGET_KEYS },
  { key: 'act.targets.rates', targets: RATE_TARGET_KEYS },
  { key: 'act.targets.volumes', targets: VOLUME_TARGET_KEYS },
] as const;

/** One action's form: every field of DESIGN's Action, validated with the domain schema, errors in words. */
function ActionForm({ action, data, onDone }: { action: Action; data: PlanData; onDone: (message?: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<ActionDraft>(() => actionDraftOf(action, locale));
  const [failure, setFailure] = useState<string | null>(null);
  const errors = useFormErrors();
  const set =
    <K extends keyof ActionDraft>(key: K) =>
    (value: ActionDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setTarget = (key: TargetKey) => (value: string) => setDraft((d) => ({ ...d, targets: { ...d.targets, [key]: value } }));
  const fieldId = (field: string) => `${id}-${field.replace(/\./g, '-')}`;
  const money = currencySymbol(locale, data.plan.currency);
  const title = action.name ? t('act.editing', { code: action.code || action.name }) : t('act.new');

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = validateRow(actionSchema, actionFromDraft(action, draft, locale), [
      duplicateCodeIssue(draft.code, action.id, data.actions),
    ]);
    if (!result.ok) {
      errors.setIssues(result.issues);
      return;
    }
    errors.clear();
    try {
      await upsertAction(planpilotDb, result.value);
      onDone(t('act.saved', { code: result.value.code || result.value.name }));
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  const toggleObjective = (objectiveId: string, on: boolean) =>
    set('objectiveIds')(on ? [...draft.objectiveIds, objectiveId] : draft.objectiveIds.filter((o) => o !== objectiveId));
  // Percentages and multiples say so in their label ("CTR minimum (%)"); money shows its currency.
  const unitOf = (key: TargetKey) => (targetUnit(key) === 'money' ? money : undefined);
  return (
    <form className="pp-inline-form" onSubmit={(e) => void save(e)} noValidate aria-label={title} data-testid="action-form">
      <h3>{title}</h3>
      <ErrorSummary errors={errors.list} idOf={fieldId} />
      <div className="pp-form-grid">
        <TextField
          id={fieldId('code')}
          label={t('field.code')}
          value={draft.code}
          onChange={set('code')}
          error={errors.errorOf('code')}
          autoComplete="off"
        />
        <TextField
          id={fieldId('name')}
          label={t('field.name')}
          value={draft.name}
          onChange={set('name')}
          error={errors.errorOf('name')}
          className="pp-field-wide"
        />
        <SelectField
          id={fieldId('channel')}
          label={t('field.channel')}
          value={draft.channel}
          onChange={set('channel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <SelectField
          id={fieldId('lever')}
          label={t('field.lever')}
          value={draft.lever}
          onChange={set('lever')}
          options={LEVERS.map((l) => ({ value: l, label: t(`lever.${l}`) }))}
        />
        <TextField
          id={fieldId('owner')}
          label={t('field.owner')}
          value={draft.owner}
          onChange={set('owner')}
          list={`${id}-owners`}
          autoComplete="off"
        />
        <datalist id={`${id}-owners`}>
          {ownersOf(data.actions, locale).map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <SelectField
          id={fieldId('priority')}
          label={t('field.priority')}
          value={draft.priority}
          onChange={set('priority')}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        />
        <SelectField
          id={fieldId('status')}
          label={t('field.status')}
          value={draft.status}
          onChange={set('status')}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))}
        />
        <TextField
          id={fieldId('start')}
          type="date"
          label={t('field.start')}
          value={draft.start}
          onChange={set('start')}
          error={errors.errorOf('start')}
        />
        <TextField
          id={fieldId('end')}
          type="date"
          label={t('field.end')}
          value={draft.end}
          onChange={set('end')}
          error={errors.errorOf('end')}
        />
        <NumberField
          id={fieldId('budget')}
          label={t('field.budget')}
          value={draft.budget}
          onChange={set('budget')}
          error={errors.errorOf('budget')}
          unit={money}
        />
      </div>
      {data.objectives.length > 0 && (
        <fieldset className="pp-fieldset">
          <legend>{t('field.objectiveIds')}</legend>
          {data.objectives.map((o) => (
            <label key={o.id} className="pp-checkbox">
              <input
                type="checkbox"
                checked={draft.objectiveIds.includes(o.id)}
                onChange={(e) => toggleObjective(o.id, e.target.checked)}
              />
              {o.name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="pp-fieldset">
        <legend>{t('field.targets')}</legend>
        <p className="pp-field-hint">{t('act.targets.hint')}</p>
        {TARGET_GROUPS.map((group) => (
          <div key={group.key} className="pp-target-group">
            <p className="pp-target-group-title">{t(group.key)}</p>
            <div className="pp-form-grid pp-form-grid-tight">
              {group.targets.map((key) => (
                <NumberField
                  key={key}
                  id={fieldId(`targets.${key}`)}
                  label={t(`target.${key}`)}
                  value={draft.targets[key]}
                  onChange={setTarget(key)}
                  error={errors.errorOf(`targets.${key}`)}
                  unit={unitOf(key)}
                />
              ))}
            </div>
          </div>
        ))}
      </fieldset>
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
