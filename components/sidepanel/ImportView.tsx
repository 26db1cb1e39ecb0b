import { type DragEvent, type ReactNode, useId, useState } from 'react';
import { newId, planpilotDb } from '@/lib/db';
import type { MetricKey, PlanData } from '@/lib/domain';
import {
  applyPlanTemplate,
  capturesFromExtraction,
  type ExportReading,
  importCaptures,
  linksOfRows,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MB,
  planTemplateCsv,
  previewPlanTemplate,
  rangeFor,
  readConsoleExport,
  TEMPLATE_FIELDS,
  type TemplateField,
  type TemplatePreview,
  templateHeader,
  tooLargeExport,
} from '@/lib/imports';
import { slug } from '@/lib/snapshots';
import { downloadText } from '../common/download';
import { useI18n } from '../common/i18n';
import { Notice } from '../ledger/fields';
import { formatFigure } from '../ledger/figures';

type Message = { text: string; kind: 'ok' | 'error' };

/** Imports into the plan: a console export (→ captures, through the readers) and a plan template (→ actions). */
export function ImportView({ data }: { data: PlanData }) {
  return (
    <div data-testid="import-view">
      <ConsoleExportImport data={data} />
      <TemplateImport data={data} />
    </div>
  );
}

/** A file input that also takes a file dropped on its box. */
function FileDrop({ accept, onFile, testId, label }: { accept: string; onFile: (file: File) => void; testId: string; label: string }) {
  const { t } = useI18n();
  const uid = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // Dropping is a shortcut; the labelled file input inside is the control, for keyboard and screen reader.
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target wraps a real, labelled file input
    <div
      className={`pp-drop${over ? ' pp-drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span className="pp-muted pp-small">{t('import.drop')}</span>
      <label htmlFor={`${uid}-file`} className="pp-visually-hidden">
        {label}
      </label>
      <input
        id={`${uid}-file`}
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}

const SHOWN_METRICS: MetricKey[] = ['cost', 'impressions', 'clicks', 'conversions', 'leads', 'sent', 'opens'];

function ConsoleExportImport({ data }: { data: PlanData }) {
  const { t, fmt } = useI18n();
  const uid = useId();
  const [reading, setReading] = useState<ExportReading | null>(null);
  const [typedRange, setTypedRange] = useState({ start: '', end: '' });
  const [rangeError, setRangeError] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(file: File) {
    setMessage(null);
    setRangeError(false);
    setTypedRange({ start: '', end: '' });
    if (file.size > MAX_IMPORT_BYTES) setReading(tooLargeExport(file.name));
    else setReading(readConsoleExport(new Uint8Array(await file.arrayBuffer()), file.name));
  }

  async function save() {
    if (!reading?.ok) return;
    const range = rangeFor(reading.extraction, reading.extraction.dateRange ? null : typedRange);
    if (!range) {
      setRangeError(true);
      return;
    }
    setBusy(true);
    try {
      const captures = capturesFromExtraction(reading.extraction, range, reading.fileName, new Date(), () => newId('cap'));
      const result = await importCaptures(planpilotDb, captures);
      setReading(null);
      setMessage({ kind: 'ok', text: t('import.export.saved', result) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const x = reading?.ok ? reading.extraction : null;
  const links = x ? linksOfRows(x, data.campaignLinks) : [];
  const actionOf = new Map(data.actions.map((a) => [a.id, a]));
  const metrics = x ? SHOWN_METRICS.filter((k) => x.rows.some((r) => r.metrics[k] !== undefined)).slice(0, 4) : [];
  const f = fmt(x?.currency ?? data.plan.currency);
  return (
    <section className="pp-card" aria-labelledby={`${uid}-title`} data-testid="import-export">
      <h2 id={`${uid}-title`}>{t('import.export.title')}</h2>
      <p className="pp-muted pp-small">{t('import.export.hint')}</p>
      <FileDrop
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        onFile={(file) => void onFile(file)}
        testId="import-export-input"
        label={t('import.export.title')}
      />
      {message && <Notice text={message.text} kind={message.kind} onDismiss={() => setMessage(null)} />}
      {reading && !reading.ok && (
        <p className="pp-error" role="alert" data-testid="import-export-refused">
          {t(`import.export.refused.${reading.code}`, { file: reading.fileName, reason: reading.reason, mb: MAX_IMPORT_MB })}
        </p>
      )}
      {x && (
        <div className="pp-preview" data-testid="import-export-preview">
          <p>
            <strong>{t('import.export.read', { console: t(`console.${x.console}`), count: x.rows.length })}</strong>
            {x.account && <span className="pp-muted"> · {t('import.export.account', { account: x.account })}</span>}
          </p>
          {x.dateRange ? (
            <p data-testid="import-export-range">{t('import.export.range', { range: f.range(x.dateRange.start, x.dateRange.end) })}</p>
          ) : (
            <fieldset className="pp-filters pp-fieldset">
              <legend className="pp-warn-text">{t('import.export.noRange')}</legend>
              <div className={`pp-field${rangeError ? ' pp-field-invalid' : ''}`}>
                <label htmlFor={`${uid}-start`}>{t('import.export.rangeStart')}</label>
                <input
                  id={`${uid}-start`}
                  type="date"
                  value={typedRange.start}
                  onChange={(e) => setTypedRange((r) => ({ ...r, start: e.target.value }))}
                  data-testid="import-range-start"
                />
              </div>
              <div className={`pp-field${rangeError ? ' pp-field-invalid' : ''}`}>
                <label htmlFor={`${uid}-end`}>{t('import.export.rangeEnd')}</label>
                <input
                  id={`${uid}-end`}
                  type="date"
                  value={typedRange.end}
                  onChange={(e) => setTypedRange((r) => ({ ...r, end: e.target.value }))}
                  data-testid="import-range-end"
                />
              </div>
              {rangeError && (
                <span className="pp-field-error" role="alert">
                  {t('import.export.rangeInvalid')}
                </span>
              )}
            </fieldset>
          )}
          <p className="pp-small">
            {x.currency === null
              ? t('import.export.noCurrency')
              : x.currency !== data.plan.currency
                ? t('import.export.otherCurrency', { currency: x.currency, plan: data.plan.currency })
                : t('import.export.currency', { currency: x.currency })}
          </p>
          <div className="pp-scroll-x">
            <table className="pp-table" data-testid="import-export-rows">
              <caption className="pp-visually-hidden">{t('import.export.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.export.campaign')}</th>
                  {metrics.map((k) => (
                    <th scope="col" className="pp-num" key={k}>
                      {t(`metric.${k}` as 'metric.cost')}
                    </th>
                  ))}
                  <th scope="col">{t('import.export.linked')}</th>
                </tr>
              </thead>
              <tbody>
                {x.rows.map((row, i) => {
                  const link = links[i];
                  const action = link ? actionOf.get(link.actionId) : undefined;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file, in file order
                    <tr key={i}>
                      <th scope="row">{row.campaign.name}</th>
                      {metrics.map((k) => (
                        <td className="pp-num" key={k}>
                          {formatFigure(k, row.metrics[k], f)}
                        </td>
                      ))}
                      <td>
                        {action ? (
                          <span className="pp-code">{action.code}</span>
                        ) : (
                          <span className="pp-muted">{t('import.export.unlinked')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="pp-row" style={{ marginTop: 8 }}>
            <button type="button" className="pp-primary" disabled={busy} onClick={() => void save()} data-testid="import-export-save">
              {t('import.export.save', { count: x.rows.length })}
            </button>
            <button type="button" onClick={() => setReading(null)}>
              {t('ledger.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function TemplateImport({ data }: { data: PlanData }) {
  const { t, lang, locale } = useI18n();
  const uid = useId();
  const [preview, setPreview] = useState<Extract<TemplatePreview, { ok: true }> | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(file: File) {
    setMessage(null);
    setPreview(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: t('import.tpl.err.tooLarge', { mb: MAX_IMPORT_MB }) });
      return;
    }
    const result = previewPlanTemplate(await file.text(), data.plan.id, data.actions, locale, () => newId('act'));
    if (!result.ok) setMessage({ kind: 'error', text: t(result.issue.key, result.issue.params) });
    else setPreview(result);
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await applyPlanTemplate(planpilotDb, data.plan.id, preview.changes);
      setPreview(null);
      setMessage({ kind: 'ok', text: t('import.tpl.applied', { created: result.created.length, updated: result.updated.length }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('ledger.err.store', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const label = (field: string): string =>
    (TEMPLATE_FIELDS as readonly string[]).includes(field) ? templateHeader(field as TemplateField, lang) : field;
  const creates = preview?.changes.filter((c) => c.kind === 'create').length ?? 0;
  const updates = preview?.changes.filter((c) => c.kind === 'update').length ?? 0;
  return (
    <section className="pp-card" aria-labelledby={`${uid}-title`} data-testid="import-template">
      <h2 id={`${uid}-title`}>{t('import.tpl.title')}</h2>
      <p className="pp-muted pp-small">{t('import.tpl.hint')}</p>
      <div className="pp-row" style={{ marginBottom: 8 }}>
        <button
          type="button"
          onClick={() =>
            downloadText(`planpilot-modele-${slug(data.plan.name)}.csv`, planTemplateCsv(data.actions, locale), 'text/csv;charset=utf-8')
          }
          data-testid="template-download"
        >
          {t('import.tpl.download')}
        </button>
      </div>
      <FileDrop
        accept=".csv,.tsv,.txt,text/csv"
        onFile={(file) => void onFile(file)}
        testId="import-template-input"
        label={t('import.tpl.title')}
      />
      {message && <Notice text={message.text} kind={message.kind} onDismiss={() => setMessage(null)} />}
      {preview && (
        <div className="pp-preview" data-testid="template-preview">
          <p>
            <strong data-testid="template-summary">
              {t('import.tpl.summary', { create: creates, update: updates, rejected: preview.rejected.length })}
            </strong>
          </p>
          {preview.ignoredColumns.length > 0 && (
            <p className="pp-muted pp-small">{t('import.tpl.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>
          )}
          {preview.rejected.length > 0 && (
            <Block title={t('import.tpl.rejected')}>
              <ul className="pp-rejected" data-testid="template-rejected">
                {preview.rejected.map((r) => (
                  <li key={r.line} data-line={r.line}>
                    <strong>{t('import.tpl.line', { line: r.line })}</strong>
                    {r.code && <span className="pp-code">{r.code}</span>} {r.issues.map((i) => t(i.key, i.params)).join(' ; ')}
                  </li>
                ))}
              </ul>
            </Block>
          )}
          {preview.changes.length > 0 && (
            <Block title={t('import.tpl.changes')}>
              <div className="pp-scroll-x">
                <table className="pp-table" data-testid="template-changes">
                  <caption className="pp-visually-hidden">{t('import.tpl.changes')}</caption>
                  <tbody>
                    {preview.changes.map((c) => (
                      <tr key={c.line} data-line={c.line}>
                        <td className="pp-muted pp-nowrap">{t('import.tpl.line', { line: c.line })}</td>
                        <th scope="row">
                          <span className="pp-code">{c.action.code}</span> {c.action.name}
                        </th>
                        <td>
                          <span className={`pp-tag${c.kind === 'create' ? ' pp-tag-new' : ''}`}>
                            {t(c.kind === 'create' ? 'import.tpl.create' : 'import.tpl.update')}
                          </span>
                        </td>
                        <td className="pp-small pp-muted">{c.changed.length ? c.changed.map(label).join(', ') : t('import.tpl.same')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Block>
          )}
          <div className="pp-row" style={{ marginTop: 8 }}>
            <button
              type="button"
              className="pp-primary"
              disabled={busy || preview.changes.length === 0}
              onClick={() => void apply()}
              data-testid="template-apply"
            >
              {t('import.tpl.apply', { count: preview.changes.length })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('ledger.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="pp-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
