import type { FigureStatus, TargetKey } from '../../domain';
import { RATE_KEYS } from '../../domain/metrics';
import type { Formatters } from '../../i18n/format';
import type { OverlayState } from '../../overlay/schema';
import type { OverlayPlacement } from '../../settings';
import type { OverlayWord as MessageKey } from '../words';
import { OVERLAY_CSS } from './styles';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Badge = OverlayState['rows'][number]['badges'][number];

export type OverlayOptions = {
  doc: Document;
  win: Window;
  t: Translate;
  fmt: (currency: string) => Formatters;
  placement: OverlayPlacement;
  savePlacement: (p: OverlayPlacement) => void;
  /** The user picked an action for row `row`; resolves when linked. */
  onLink: (row: number, actionId: string) => Promise<void>;
};

const VOLUMES = new Set<TargetKey>(['conversions', 'leads', 'clicks', 'impressions']);

/** Creates an element with text only: page text never enters the overlay as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The overlay on a console: a badge beside each linked row (action code, one dot per target and
 * pacing), a "Link to action…" button on the others, and a floating summary. It lives in a closed
 * shadow root on <html>, positioned over the rows it follows, so the console's own DOM, styles and
 * scripts are never touched.
 */
export class Overlay {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly layer: HTMLDivElement;
  private readonly summary: HTMLElement;
  private items: (HTMLElement | null)[] = [];
  private anchors: (Element | null)[] = [];
  private state: OverlayState | null = null;
  private popover: { row: number; el: HTMLElement } | null = null;
  private frame = 0;
  private placement: OverlayPlacement;

  constructor(private readonly o: OverlayOptions) {
    this.placement = o.placement;
    this.host = el(o.doc, 'planpilot-overlay' as keyof HTMLElementTagNameMap);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = el(o.doc, 'style', {}, OVERLAY_CSS);
    this.layer = el(o.doc, 'div', { class: 'layer' });
    this.summary = el(o.doc, 'section', { class: 'summary', 'aria-label': o.t('overlay.summary') });
    this.root.append(style, this.layer, this.summary);
    o.doc.documentElement.append(this.host);
    o.win.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    o.win.addEventListener('resize', this.onScroll, { passive: true });
    this.root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.closePopover();
    });
  }

  /**
   * New figures or links: drop the badges, then place them again. A badge is built when its row first comes
   * into view, so a 5,000-row grid costs the few dozen badges on screen, not 5,000 buttons.
   */
  update(state: OverlayState, anchors: (Element | null)[]): void {
    this.state = state;
    this.anchors = anchors;
    this.closePopover();
    this.layer.replaceChildren();
    this.items = new Array(state.rows.length).fill(null);
    this.renderSummary();
    this.reposition();
  }

  /** The grid re-rendered or moved (sort, scroll, pagination): follow it. */
  reanchor(anchors: (Element | null)[]): void {
    this.anchors = anchors;
    this.schedule();
  }

  destroy(): void {
    this.o.win.removeEventListener('scroll', this.onScroll, { capture: true });
    this.o.win.removeEventListener('resize', this.onScroll);
    if (this.frame) this.o.win.cancelAnimationFrame(this.frame);
    this.host.remove();
  }

  private readonly onScroll = () => this.schedule();

  private schedule(): void {
    if (this.frame) return;
    this.frame = this.o.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.reposition();
    });
  }

  /** Reads every anchor's box first, then writes every position: one layout, however many rows. */
  private reposition(): void {
    const { win } = this.o;
    const rows = this.state?.rows ?? [];
    const boxes = rows.map((_, i) => {
      const anchor = this.anchors[i];
      return anchor?.isConnected ? anchor.getBoundingClientRect() : null;
    });
    const width = win.innerWidth;
    const height = win.innerHeight;
    rows.forEach((row, i) => {
      const rect = boxes[i];
      let item = this.items[i] ?? null;
      if (!rect || rect.bottom < 0 || rect.top > height || rect.width === 0) {
        if (item) item.style.display = 'none';
        return;
      }
      if (!item) {
        item = row.link ? this.badge(row, i) : this.linkButton(i);
        this.items[i] = item;
        // In row order, so the keyboard goes down the grid as the eye does.
        let next: HTMLElement | null = null;
        for (let j = i + 1; j < this.items.length && !next; j++) next = this.items[j] ?? null;
        this.layer.insertBefore(item, next);
      }
      // Right-aligned inside the name cell, vertically centred: no need to measure the badge.
      item.style.display = '';
      item.style.right = `${width - rect.right + 6}px`;
      item.style.top = `${rect.top + rect.height / 2}px`;
    });
    if (this.popover) this.placePopover(this.popover.el, this.items[this.popover.row]);
  }

  private currency(): Formatters {
    return this.o.fmt(this.state?.currency ?? 'EUR');
  }

  private figure(key: TargetKey, value: number | null): string {
    const f = this.currency();
    if ((RATE_KEYS as readonly string[]).includes(key)) return f.percent(value, 2);
    if (key === 'roas') return f.number(value, 2);
    if (VOLUMES.has(key)) return f.number(value, 0);
    return f.money(value);
  }

  private label(key: TargetKey | 'pacing'): string {
    const { t } = this.o;
    if (key === 'pacing') return t('kpi.pacing');
    return VOLUMES.has(key) ? t(`metric.${key}` as MessageKey) : t(`kpi.${key}` as MessageKey);
  }

  private describe(b: Badge): string {
    const sign = b.direction === 'lower-is-better' ? '≤' : '≥';
    return `${this.label(b.key)} ${this.figure(b.key, b.actual)} / ${sign} ${this.figure(b.key, b.comparedWith)} — ${this.o.t(`status.${b.status}`)}`;
  }

  private rangeNote(): string {
    const range = this.state?.range;
    const f = this.currency();
    return this.o.t('overlay.onConsole', { range: range ? f.range(range.start, range.end) : this.o.t('overlay.noRange') });
  }

  private badge(row: OverlayState['rows'][number], index: number): HTMLElement {
    const { doc, t } = this.o;
    const link = row.link;
    const button = el(doc, 'button', { class: 'badge', type: 'button', 'data-planpilot-badge': link?.action.code ?? '' });
    button.append(el(doc, 'span', { class: 'code' }, link?.action.code ?? ''));
    const parts: string[] = [];
    if (row.pacing) {
      button.append(el(doc, 'span', { class: `dot ${row.pacing.status}`, 'data-kpi': 'pacing', 'data-status': row.pacing.status }));
      parts.push(`${t('kpi.pacing')} ${this.currency().times(row.pacing.value)} — ${t(`status.${row.pacing.status}`)}`);
    }
    for (const b of row.badges) {
      button.append(el(doc, 'span', { class: `dot ${b.status}`, 'data-kpi': b.key, 'data-status': b.status }));
      parts.push(this.describe(b));
    }
    const summary = `${parts.join(' · ')} (${this.rangeNote()})`;
    button.title = summary;
    button.setAttribute('aria-label', t('overlay.badgeLabel', { code: link?.action.code ?? '', details: summary }));
    button.addEventListener('click', () => this.toggleDetails(index, row));
    return button;
  }

  private toggleDetails(index: number, row: OverlayState['rows'][number]): void {
    if (this.popover?.row === index) {
      this.closePopover();
      return;
    }
    const { doc, t } = this.o;
    const box = el(doc, 'div', { class: 'details', role: 'dialog', 'aria-label': row.link?.action.name ?? '' });
    box.append(el(doc, 'h3', {}, `${row.link?.action.code ?? ''} ${row.link?.action.name ?? ''}`));
    const table = el(doc, 'table');
    const line = (label: string, actual: string, target: string, status: FigureStatus) => {
      const tr = el(doc, 'tr');
      tr.append(el(doc, 'th', {}, label), el(doc, 'td', { class: 'num' }, actual), el(doc, 'td', { class: 'num' }, target));
      const word = el(doc, 'td');
      word.append(el(doc, 'span', { class: `dot ${status}` }), el(doc, 'span', { class: `word ${status}` }, ` ${t(`status.${status}`)}`));
      tr.append(word);
      table.append(tr);
    };
    for (const b of row.badges)
      line(
        this.label(b.key),
        this.figure(b.key, b.actual),
        `${b.direction === 'lower-is-better' ? '≤' : '≥'} ${this.figure(b.key, b.comparedWith)}`,
        b.status,
      );
    if (row.pacing) line(t('kpi.pacing'), this.currency().times(row.pacing.value), t('overlay.pacingToDate'), row.pacing.status);
    box.append(table, el(doc, 'p', { class: 'muted' }, this.rangeNote()));
    this.openPopover(index, box);
  }

  private linkButton(index: number): HTMLElement {
    const { doc, t } = this.o;
    const button = el(doc, 'button', { class: 'link-btn', type: 'button', 'data-planpilot-link': String(index) }, t('overlay.linkTo'));
    button.addEventListener('click', () => this.togglePicker(index));
    return button;
  }

  private togglePicker(index: number): void {
    if (this.popover?.row === index) {
      this.closePopover();
      return;
    }
    const state = this.state;
    if (!state) return;
    const { doc, t } = this.o;
    const form = el(doc, 'form', { class: 'details picker', 'data-planpilot-picker': String(index) });
    const id = `pp-pick-${index}`;
    const label = el(doc, 'label', { for: id }, t('overlay.pickAction'));
    const select = el(doc, 'select', { id });
    const suggestions = state.rows[index]?.suggestions ?? [];
    const group = (name: string, actions: { id: string; code: string; name: string }[]) => {
      if (!actions.length) return;
      const g = el(doc, 'optgroup', { label: name });
      for (const a of actions) g.append(el(doc, 'option', { value: a.id }, `${a.code} — ${a.name}`));
      select.append(g);
    };
    group(t('overlay.suggested'), suggestions);
    group(t('overlay.allActions'), state.actions);
    const ok = el(doc, 'button', { type: 'submit', class: 'primary' }, t('overlay.link'));
    const cancel = el(doc, 'button', { type: 'button' }, t('overlay.cancel'));
    cancel.addEventListener('click', () => this.closePopover());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      ok.disabled = true;
      void this.o.onLink(index, select.value).finally(() => {
        ok.disabled = false;
      });
    });
    const buttons = el(doc, 'div', { class: 'row' });
    buttons.append(ok, cancel);
    form.append(label, select, buttons);
    this.openPopover(index, form);
    select.focus();
  }

  private openPopover(row: number, box: HTMLElement): void {
    this.closePopover();
    this.layer.append(box);
    this.popover = { row, el: box };
    this.placePopover(box, this.items[row]);
  }

  private placePopover(box: HTMLElement, near: HTMLElement | null | undefined): void {
    const r = near?.getBoundingClientRect();
    if (!r) return;
    box.style.left = `${Math.max(8, Math.min(r.left, this.o.win.innerWidth - box.offsetWidth - 8))}px`;
    box.style.top = `${Math.min(r.bottom + 4, this.o.win.innerHeight - box.offsetHeight - 8)}px`;
  }

  private closePopover(): void {
    this.popover?.el.remove();
    this.popover = null;
  }

  private renderSummary(): void {
    const { doc, t } = this.o;
    const state = this.state;
    if (!state) return;
    const f = this.currency();
    const header = el(doc, 'header', { tabindex: '0', 'aria-label': t('overlay.move') });
    header.append(el(doc, 'strong', {}, 'Planpilot'), el(doc, 'span', { class: 'grow' }, this.rangeNote()));
    const toggle = el(
      doc,
      'button',
      { type: 'button', 'aria-expanded': String(!this.placement.collapsed) },
      this.placement.collapsed ? '▸' : '▾',
    );
    toggle.setAttribute('aria-label', this.placement.collapsed ? t('overlay.expand') : t('overlay.collapse'));
    toggle.addEventListener('click', () => this.place({ ...this.placement, collapsed: !this.placement.collapsed }, true));
    header.append(toggle);
    this.dragWith(header);
    const body = el(doc, 'div', { class: 'body', 'data-planpilot-summary': '' });
    const { linkedActions, counts } = state.summary;
    if (!linkedActions.length) body.append(el(doc, 'p', { class: 'muted' }, t('overlay.noLinked')));
    else {
      body.append(el(doc, 'p', { class: 'muted' }, t('overlay.linkedActions')));
      for (const a of linkedActions) {
        const line = el(doc, 'div', { class: 'row', 'data-action-code': a.code });
        line.append(
          el(doc, 'span', { class: `dot ${a.pacingStatus}` }),
          el(doc, 'span', { class: 'code' }, a.code),
          el(doc, 'span', { class: 'name', title: a.name }, a.name),
          el(doc, 'span', { class: `word ${a.pacingStatus}` }, `${f.times(a.pacing)} ${t(`status.${a.pacingStatus}`)}`),
        );
        body.append(
          line,
          el(
            doc,
            'div',
            { class: 'muted' },
            t('overlay.spentOfExpected', { spent: f.money(a.spend, 0), expected: f.money(a.expected, 0) }),
          ),
        );
      }
      body.append(el(doc, 'p', {}, t('overlay.counts', { on: counts.on ?? 0, watch: counts.watch ?? 0, off: counts.off ?? 0 })));
    }
    body.hidden = this.placement.collapsed;
    this.summary.replaceChildren(header, body);
    this.place(this.placement, false);
  }

  private place(p: OverlayPlacement, save: boolean): void {
    const { win } = this.o;
    const x = Math.min(Math.max(0, p.x), Math.max(0, win.innerWidth - 120));
    const y = Math.min(Math.max(0, p.y), Math.max(0, win.innerHeight - 40));
    const changedCollapse = p.collapsed !== this.placement.collapsed;
    this.placement = { x, y, collapsed: p.collapsed };
    // Anchored from the bottom right, where consoles keep the least.
    this.summary.style.right = `${x}px`;
    this.summary.style.bottom = `${y}px`;
    if (changedCollapse) this.renderSummary();
    if (save) this.o.savePlacement(this.placement);
  }

  /** Pointer drag on the header, or arrow keys when it has focus; the place is remembered. */
  private dragWith(handle: HTMLElement): void {
    handle.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('button')) return;
      const start = { x: e.clientX, y: e.clientY, px: this.placement.x, py: this.placement.y };
      handle.setPointerCapture(e.pointerId);
      const move = (m: PointerEvent) =>
        this.place({ ...this.placement, x: start.px - (m.clientX - start.x), y: start.py - (m.clientY - start.y) }, false);
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        this.o.savePlacement(this.placement);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
    });
    handle.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? 40 : 10;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [step, 0],
        ArrowRight: [-step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const d = moves[e.key];
      if (!d) return;
      e.preventDefault();
      this.place({ ...this.placement, x: this.placement.x + d[0], y: this.placement.y + d[1] }, true);
    });
  }
}
