/**
 * The task pane shell in Chromium beside the simulated workbook: language, the five steps
 * (those not built yet disabled, never faked), the active list from the workbook's state,
 * and the initial-load budget. Screenshots go to test-results/shell-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openPane, DIST, type PaneSession } from './support';
import { STEPS } from '../../src/taskpane/steps';
import { statePart, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const COMING_SOON = { fi: 'Tulossa', en: 'Not available yet', sv: 'Kommer snart' } as const;

async function withPane(options: Parameters<typeof openPane>[0], body: (s: PaneSession) => Promise<void>): Promise<void> {
  const s = await openPane(options);
  try {
    await body(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

/** Checks the five steps in `lang`: numbered, titled, unavailable ones disabled and badged. */
async function expectSteps(s: PaneSession, lang: 'fi' | 'en' | 'sv'): Promise<void> {
  const items = s.pane.locator('[data-step]');
  await expect(items.count()).resolves.toBe(5);
  for (const [i, step] of STEPS.entries()) {
    const item = items.nth(i);
    await expect(item.getAttribute('data-step')).resolves.toBe(step.id);
    const header = item.getByRole('button').first();
    await expect(header.textContent()).resolves.toContain(step.title[lang]);
    await expect(header.textContent()).resolves.toContain(String(step.number));
    if (step.available) {
      await expect(header.isEnabled()).resolves.toBe(true);
      await expect(item.getByText(COMING_SOON[lang], { exact: true }).count()).resolves.toBe(0);
    } else {
      await expect(header.isDisabled()).resolves.toBe(true);
      await expect(item.getByText(COMING_SOON[lang], { exact: true }).isVisible()).resolves.toBe(true);
    }
  }
}

/** A workbook as a user has it after step 1: a customer register, a list table and Rajaus's state. */
function workbookWithList(deleteBy: string): WorkbookInit {
  return {
    activeSheet: 'Tampere 20.11.2026',
    sheets: [
      {
        name: 'Asiakasrekisteri',
        values: [
          ['Asiakasnro', 'Yritys', 'Y-tunnus', 'Puhelin'],
          [1001, 'Rakennus Virtanen Oy', '2345678-1', '040 123 4567'],
          [1002, 'Pirkan Kattotyö Oy', '1234567-1', '+358 3 222 1100'],
        ],
        frozenRows: 1,
        columnWidths: { A: 70, B: 150, C: 80, D: 100 },
      },
      textTable(
        'Tampere 20.11.2026',
        [
          ['Y-tunnus', 'Yrityksen nimi', 'Puhelin', 'Postinumero', 'Postitoimipaikka', 'Toimiala'],
          ['1234567-1', 'Pirkan Kattotyö Oy', '+35832221100', '33100', 'TAMPERE', '43910'],
          ['2456789-3', 'Hervannan Remontti Oy', '+358401112233', '33720', 'TAMPERE', '43320'],
          ['0823456-0', 'Näsin Sähkö Ky', '+358505556677', '33200', 'TAMPERE', '43210'],
          ['3012345-6', 'Lielahden Putki Oy', '+358442223344', '33400', 'TAMPERE', '43220'],
        ],
        'Lista_Tampere',
        { tabColor: '#0F3B82', columnWidths: { A: 70, B: 160, C: 95, D: 75, E: 105, F: 55 } },
      ),
    ],
    customXmlParts: [
      statePart({
        name: 'Rakennusliikkeet Tampere',
        kind: 'b2b',
        sheet: 'Tampere 20.11.2026',
        createdAt: '2026-11-20T09:00:00.000Z',
        deleteBy,
        rows: 4,
      }),
    ],
  };
}

describe('task pane shell (Chromium, Excel simulator)', () => {
  it('renders in Finnish by default with the five steps, unavailable ones disabled', async () => {
    await withPane({}, async (s) => {
      await expect(s.pane.getByRole('heading', { name: 'Rajaus' }).isVisible()).resolves.toBe(true);
      await expect(s.pane.locator('main').getAttribute('lang')).resolves.toBe('fi');
      await expect(s.pane.getByRole('navigation', { name: 'Vaiheet' }).isVisible()).resolves.toBe(true);
      await expectSteps(s, 'fi');
      await expect(
        s.pane.getByText('Työkirjassa ei ole vielä Rajaus-listaa. Aloita vaiheesta 1.', { exact: true }).isVisible(),
      ).resolves.toBe(true);
      // The drawing beside the pane is the simulator's workbook: a new workbook's empty sheet.
      await expect(s.page.locator('#tabs [role="tab"]').allTextContents()).resolves.toEqual(['Taul1']);
      await s.screenshot('shell-fi');
    });
  });

  it('switches to English and Swedish, and remembers the choice', async () => {
    await withPane({}, async (s) => {
      await s.pane.getByRole('button', { name: 'English' }).click();
      await s.pane.getByRole('navigation', { name: 'Steps' }).waitFor();
      await expect(s.pane.locator('main').getAttribute('lang')).resolves.toBe('en');
      await expect(s.pane.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await expectSteps(s, 'en');
      await s.screenshot('shell-en');

      await s.pane.getByRole('button', { name: 'Svenska' }).click();
      await s.pane.getByRole('navigation', { name: 'Steg' }).waitFor();
      await expectSteps(s, 'sv');
      await s.screenshot('shell-sv');

      // Reopening the pane (a reload of the page) keeps Swedish.
      await s.page.reload();
      await s.pane.getByRole('navigation', { name: 'Steg' }).waitFor();
      await expect(s.pane.locator('main').getAttribute('lang')).resolves.toBe('sv');
    });
  });

  it("follows Office's display language: sv-SE picks Swedish, en-US English", async () => {
    await withPane({ displayLanguage: 'sv-SE' }, async (s) => {
      await s.pane.getByRole('navigation', { name: 'Steg' }).waitFor();
      await expectSteps(s, 'sv');
    });
    await withPane({ displayLanguage: 'en-US' }, async (s) => {
      await s.pane.getByRole('navigation', { name: 'Steps' }).waitFor();
      await expect(s.pane.getByText('Contacts lists').count()).resolves.toBe(0);
      await expectSteps(s, 'en');
    });
  });

  it('a remembered language wins over the display language', async () => {
    await withPane({ displayLanguage: 'sv-SE', lang: 'fi' }, async (s) => {
      await s.pane.getByRole('navigation', { name: 'Vaiheet' }).waitFor();
      await expect(s.pane.locator('main').getAttribute('lang')).resolves.toBe('fi');
    });
  });

  it('shows the active list of a workbook saved earlier: name, rows and delete-by date', async () => {
    await withPane({ preload: workbookWithList('2027-11-20') }, async (s) => {
      const box = s.pane.getByRole('region', { name: 'Aktiivinen lista' });
      await box.waitFor();
      await expect(box.textContent()).resolves.toContain('Rakennusliikkeet Tampere');
      await box.getByText('4 riviä').waitFor();
      await expect(box.textContent()).resolves.toContain('Poistettava viimeistään 20.11.2027');
      // Not yet past its delete-by date: no retention warning anywhere in the pane.
      await expect(s.pane.getByText('Säilytysaika päättynyt').count()).resolves.toBe(0);
      // The harness draws the list sheet: tab, table header, text-formatted phone numbers.
      await expect(s.page.locator('body').getAttribute('data-shown-sheet')).resolves.toBe('Tampere 20.11.2026');
      await expect(s.page.locator('td[data-address="C2"]').textContent()).resolves.toBe('+35832221100');
      await expect(s.page.locator('td[data-address="A1"]').getAttribute('class')).resolves.toContain('tbl-head');
      await s.screenshot('shell-active-list');
      await s.showSheet('Asiakasrekisteri');
      await expect(s.page.locator('td[data-address="B2"]').textContent()).resolves.toBe('Rakennus Virtanen Oy');
    });
  });

  it('warns when the list is past its delete-by date', async () => {
    await withPane({ preload: workbookWithList('2025-01-31'), lang: 'en' }, async (s) => {
      await s.pane.getByText('Retention period over').waitFor();
      await s.pane.getByText('should have been deleted by', { exact: false }).waitFor();
      await s.pane.getByRole('button', { name: 'Delete the list’s sheets' }).waitFor();
    });
  });

  it('falls back to default settings, and says so, when the saved settings are damaged', async () => {
    await withPane({ storage: { 'rajaus.settings.v1': '{"retentionMonths":"kaksitoista"}' } }, async (s) => {
      await s.pane.getByText('Tallennetut asetukset olivat virheelliset (retentionMonths); käytetään oletuksia.').waitFor();
      await s.pane.getByRole('button', { name: 'Sulje ilmoitus' }).click();
      await expect(s.pane.getByText(/Tallennetut asetukset/).count()).resolves.toBe(0);
    });
  });

  it('keeps the initial JavaScript of taskpane.html under 350 KB gzipped', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]).filter((src) => !src.startsWith('http'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(DIST, src))).length, 0);
    // Printed for the README's figure.
    process.stdout.write(`first load of taskpane.html: ${gzipped} bytes of JavaScript gzipped (budget ${350 * 1024})\n`);
    expect(gzipped).toBeLessThan(350 * 1024);
  });
});
