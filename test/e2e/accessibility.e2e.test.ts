/**
 * Issue 13, item 8: axe-core (npm, injected into the pane) on every step of the pane in Finnish,
 * English and Swedish, at 320 px: no violations, and no "needs review" items of the id and
 * label kinds (duplicate ids, unnamed controls). Each step as it opens, then the search with
 * consumer criteria and the matching with its result and the rows to be removed shown.
 */
import { join } from 'node:path';
import { openPane, ROOT, type PaneSession } from './support';
import { statePart, textTable } from './workbooks';
import { openStep, paneText, setPaneWidth, type StepId } from './paneSteps';
import type { Lang } from '../../src/core/i18n/lang';
import { t as searchText } from '../../src/taskpane/search/messages';
import { t as matchText } from '../../src/taskpane/match/messages';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const STEPS: StepId[] = ['search', 'match', 'buildings', 'notes', 'export'];
/** axe rules about ids and names: "needs review" of these is not accepted either. */
const ID_AND_LABEL = /duplicate-id|label|name|aria-input-field-name|aria-toggle-field-name|aria-command-name/;

const LIST = 'Helsinki 5.10.2026';
const preload = {
  activeSheet: LIST,
  sheets: [
    textTable(
      LIST,
      [
        ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
        ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
      ],
      'Lista_Helsinki',
    ),
    {
      name: 'Asiakkaat',
      values: [
        ['Nimi', 'Puhelin'],
        ['Aino Virtanen', '0401234501'],
      ],
    },
  ],
  customXmlParts: [
    statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c' as const, sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 1 }),
  ],
};

interface AxeItem {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(s: PaneSession): Promise<{ violations: AxeItem[]; incomplete: AxeItem[] }> {
  const loaded = await s.paneFrame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await s.paneFrame.addScriptTag({ path: AXE });
  return s.paneFrame.evaluate(async () => {
    const a = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeItem[]; incomplete: AxeItem[] }> } }
    ).axe;
    const r = await a.run(document, { resultTypes: ['violations', 'incomplete'] });
    const slim = (x: AxeItem) => ({
      id: x.id,
      impact: x.impact,
      help: x.help,
      nodes: x.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    });
    return { violations: r.violations.map(slim), incomplete: r.incomplete.map(slim) };
  });
}

describe.each(['fi', 'en', 'sv'] as Lang[])('axe-core on every step (%s, 320 px)', (lang) => {
  it('no violations, no id or label items to review', async () => {
    const s = await openPane({ lang, preload });
    try {
      await setPaneWidth(s, 320);
      const found: string[] = [];
      const check = async (where: string) => {
        await s.page.waitForTimeout(300);
        const r = await axe(s);
        for (const v of r.violations) found.push(`${where}: violation ${v.id} (${v.help}) ${JSON.stringify(v.nodes)}`);
        for (const v of r.incomplete.filter((x) => ID_AND_LABEL.test(x.id)))
          found.push(`${where}: review ${v.id} (${v.help}) ${JSON.stringify(v.nodes)}`);
      };
      for (const step of STEPS) {
        await openStep(s, step);
        await check(step);
      }
      // Steps as they are once used: the search's consumer criteria (the age groups), and the
      // matching's summary, its message and the rows to be removed (Aino Virtanen is a customer).
      await openStep(s, 'search');
      await s.pane.getByRole('radio', { name: searchText(lang, 'b2c') }).check();
      await s.pane.getByTestId('search-age-groups').waitFor();
      await check('search, consumers');
      await openStep(s, 'match');
      await s.pane
        .getByTestId('match-step')
        .getByRole('button', { name: matchText(lang, 'run') })
        .click();
      await s.pane.getByTestId('match-summary').waitFor({ timeout: 30_000 });
      await s.pane.getByTestId('removal-preview').waitFor();
      await check('match, result');
      expect(found).toEqual([]);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nPane: ${(await paneText(s)).slice(0, 500)}`);
    } finally {
      await s.close();
    }
  }, 120_000);
});
