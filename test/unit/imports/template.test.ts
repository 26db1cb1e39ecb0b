import { beforeEach, describe, expect, it } from 'vitest';
import { listActions, type PlanpilotDb, restoreBackup } from '@/lib/db';
import { DICTIONARIES } from '@/lib/i18n/messages';
import { applyPlanTemplate, planTemplateCsv, previewPlanTemplate } from '@/lib/imports';
import { DEMO_PLAN, demo, demoText, dumpAll, freshDb } from '../db/helpers';

let n = 0;
const ids = () => `act-new-${++n}`;
const existing = () => demo().actions;

const FRENCH = [
  'Code;Nom;Canal;Responsable;Début;Fin;Budget HT;CPL cible;CTR min;Leads',
  'A03;Meta Ads – Leads (formulaire);Meta;Julie;15/09/2026;15/12/2026;8 200,00;17,50;1,2 %;400',
  'B01;Webinaire paie DRH;Événement;Karim;01/12/2026;18/12/2026;2 500;;;60',
  'B02;Salon Lille;salon;;2026-12-01;2026-11-20;3000;;;',
  ';Sans code;print;;2026-12-01;2026-12-05;100;;;',
  'B03;Affichage;radio;;31/02/2026;2026-12-05;-5;;;',
  'B01;Doublon;seo;;2026-12-01;2026-12-05;100;;;',
  'B04;Sans budget;seo;;2026-12-01;2026-12-05;;;;',
].join('\r\n');

describe('the plan template CSV', () => {
  it('previews what it creates and updates, matched by code, and reports every rejected line with its reasons', () => {
    const preview = previewPlanTemplate(FRENCH, DEMO_PLAN, existing(), 'fr-FR', ids);
    if (!preview.ok) throw new Error('refused');
    expect(preview.changes.map((c) => [c.line, c.kind, c.action.code])).toEqual([
      [2, 'update', 'A03'],
      [3, 'create', 'B01'],
    ]);
    const a03 = preview.changes[0];
    expect(a03?.action).toMatchObject({
      id: 'act-a03',
      name: 'Meta Ads – Leads (formulaire)',
      owner: 'Julie',
      budget: 8200,
      targets: { cpl: 17.5, ctr: 0.012, leads: 400, cpm: 9 },
    });
    // Untouched fields stay as stored; objectives too.
    expect(a03?.action.objectiveIds).toEqual(existing().find((a) => a.id === 'act-a03')?.objectiveIds);
    expect(a03?.changed).toEqual(expect.arrayContaining(['name', 'owner', 'budget', 'cpl', 'ctr', 'leads']));
    expect(preview.changes[1]?.action).toMatchObject({
      channel: 'event',
      start: '2026-12-01',
      end: '2026-12-18',
      budget: 2500,
      status: 'planned',
      targets: { leads: 60 },
    });
    const reasons = Object.fromEntries(preview.rejected.map((r) => [r.line, r.issues.map((i) => i.key)]));
    expect(reasons).toEqual({
      4: ['import.tpl.err.endBeforeStart'],
      5: ['import.tpl.err.missingCode'],
      6: ['import.tpl.err.badChannel', 'import.tpl.err.badDate', 'import.tpl.err.negative'],
      7: ['import.tpl.err.duplicateCode'],
      8: ['import.tpl.err.missingForNew'],
    });
    // Reasons read as words in both languages, with the line's own values.
    const line6 = preview.rejected.find((r) => r.line === 6);
    const words = (lang: 'fr' | 'en') =>
      line6?.issues.map((i) => DICTIONARIES[lang][i.key].replace(/\{(\w+)\}/g, (_, k: string) => String(i.params?.[k] ?? ''))).join('; ');
    expect(words('fr')).toBe(
      '« radio » n’est pas un canal connu (colonne Canal); « 31/02/2026 » n’est pas une date (colonne Début); « -5 » est négatif (colonne Budget HT)',
    );
    expect(words('en')).toContain('“radio” is not a known channel (column Canal)');
  });

  it('counts lines as the file does, with a quoted cell over two lines', () => {
    const text =
      'code,name,channel,start,end,budget\nC1,"Two\nlines",seo,2026-12-01,2026-12-05,100\nC2,Bad,seo,2026-12-01,2026-12-05,abc\n';
    const preview = previewPlanTemplate(text, DEMO_PLAN, [], 'en-US', ids);
    expect(preview.ok && preview.changes.map((c) => [c.line, c.action.name])).toEqual([[2, 'Two\nlines']]);
    expect(preview.ok && preview.rejected.map((r) => [r.line, r.issues.map((i) => i.key)])).toEqual([[4, ['import.tpl.err.badNumber']]]);
  });

  it('refuses a file without a code column, and an empty one', () => {
    expect(previewPlanTemplate('name;budget\nX;1', DEMO_PLAN, [], 'fr-FR', ids)).toEqual({
      ok: false,
      issue: { key: 'import.tpl.err.noCodeColumn', params: { line: 1 } },
    });
    expect(previewPlanTemplate('\uFEFF\r\n', DEMO_PLAN, [], 'fr-FR', ids)).toEqual({ ok: false, issue: { key: 'import.tpl.err.empty' } });
  });

  it('round-trips: the plan written as a template reads back as no change, in both locales', () => {
    for (const locale of ['fr-FR', 'en-US']) {
      const csv = planTemplateCsv(existing(), locale);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const preview = previewPlanTemplate(csv, DEMO_PLAN, existing(), locale, ids);
      if (!preview.ok) throw new Error('refused');
      expect(preview.rejected).toEqual([]);
      expect(preview.changes).toHaveLength(existing().length);
      expect(preview.changes.map((c) => c.changed)).toEqual(existing().map(() => []));
    }
  });
});

describe('applying a template', () => {
  let db: PlanpilotDb;
  beforeEach(async () => {
    db = await freshDb();
    await restoreBackup(db, demoText);
  });

  it('creates and updates in one go; the new action goes last', async () => {
    const actions = await listActions(db, DEMO_PLAN);
    const preview = previewPlanTemplate(FRENCH, DEMO_PLAN, actions, 'fr-FR', ids);
    if (!preview.ok) throw new Error('refused');
    const result = await applyPlanTemplate(db, DEMO_PLAN, preview.changes);
    expect(result.created.map((a) => a.code)).toEqual(['B01']);
    expect(result.updated.map((a) => a.code)).toEqual(['A03']);
    const after = await listActions(db, DEMO_PLAN);
    expect(after.map((a) => a.code)).toEqual([...actions.map((a) => a.code), 'B01']);
    expect(after.find((a) => a.code === 'A03')?.budget).toBe(8200);
  });

  it('writes nothing when one line is refused by the store', async () => {
    const actions = await listActions(db, DEMO_PLAN);
    const preview = previewPlanTemplate(FRENCH, DEMO_PLAN, actions, 'fr-FR', ids);
    if (!preview.ok) throw new Error('refused');
    const before = await dumpAll(db);
    const broken = preview.changes.map((c, i) => (i === 1 ? { ...c, patch: { ...c.patch, channel: 'fax' as never } } : c));
    await expect(applyPlanTemplate(db, DEMO_PLAN, broken)).rejects.toThrow(/channel/);
    expect(await dumpAll(db)).toEqual(before);
  });
});
