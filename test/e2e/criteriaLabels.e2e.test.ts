/**
 * Issue 13, item 1: clicking the text of an option ticks that option, not the first box of its
 * group. The user clicks labels (never the boxes) in every checkbox group of the search panel,
 * runs the search, and the criteria written into the workbook (the notes sheet and the state
 * part) are the ones clicked. Every checkbox on the panel has its own id and an accessible name.
 * The second part does it for every option of every group at a 320 px pane: each click ticks
 * its own box and no other, and the notes' summary names exactly the options left ticked.
 */
import { openPane, type PaneSession } from './support';
import { stateFromXml, STATE_NAMESPACE, type WorkbookState } from '../../src/core/state/workbookState';
import type { SimulatorSnapshot } from './support';
import { setPaneWidth } from './paneSteps';
import { t as criteriaText } from '../../src/core/criteria/messages';
import { roleLabel } from '../../src/core/criteria/labels';
import { ROLES } from '../../src/core/criteria/criteria';

function stateOf(snap: SimulatorSnapshot): WorkbookState {
  const part = snap.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE || p.xml.includes(STATE_NAMESPACE));
  return part ? stateFromXml(part.xml) : ({ lists: [] } as unknown as WorkbookState);
}

async function openSearch(s: PaneSession): Promise<void> {
  const header = s.pane.locator('[data-step="search"]').getByRole('button').first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId('search-step').waitFor({ timeout: 20_000 });
}

/** Clicks the visible text of an option (its <label>), as a user does. */
async function clickLabel(s: PaneSession, group: string, text: string): Promise<void> {
  await s.pane
    .getByTestId(group)
    .locator('label', { hasText: new RegExp(`^${text}$`) })
    .click();
}

/** Every checkbox in the pane has a unique id and an accessible name. */
async function expectNamedUniqueCheckboxes(s: PaneSession): Promise<void> {
  const boxes = await s.paneFrame.$$eval('input[type="checkbox"]', (els) =>
    els.map((e) => {
      const input = e as HTMLInputElement;
      const labels = Array.from(input.labels ?? []).map((l) => l.textContent?.trim() ?? '');
      return { id: input.id, name: labels.join(' ') || input.getAttribute('aria-label') || '' };
    }),
  );
  expect(boxes.length).toBeGreaterThan(3);
  expect(new Set(boxes.map((b) => b.id)).size).toBe(boxes.length);
  for (const b of boxes) expect(b.name).not.toBe('');
}

describe('search criteria by clicking option text (Chromium, Excel simulator)', () => {
  it('B2C: clicking "35–44" selects 35–44, and the list and its notes say so', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      await openSearch(s);
      await s.pane.getByRole('radio', { name: 'Kuluttajat (B2C)' }).check();
      await expectNamedUniqueCheckboxes(s);
      const area = s.pane.getByTestId('area-input');
      await area.fill('00250');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('00250').waitFor();
      await clickLabel(s, 'search-age-groups', '35–44');
      await clickLabel(s, 'search-age-groups', '55–64');
      const group = s.pane.getByTestId('search-age-groups');
      await expect(group.getByRole('checkbox', { name: '35–44' }).isChecked()).resolves.toBe(true);
      await expect(group.getByRole('checkbox', { name: '55–64' }).isChecked()).resolves.toBe(true);
      await expect(group.getByRole('checkbox', { name: '18–24' }).isChecked()).resolves.toBe(false);
      await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
      await s.pane.getByTestId('search-run').click();
      const snap = await s.waitForSnapshot((x) => stateOf(x).lists.length === 1, 30_000);
      const list = stateOf(snap).lists[0]!;
      expect(list.criteria).toMatchObject({ kind: 'b2c', ageGroups: ['35-44', '55-64'] });
      // Every row written is in a group that was clicked.
      const sheet = snap.sheets.find((x) => x.name === list.sheets.list)!;
      const headers = sheet.values[0] as string[];
      const ageCol = headers.findIndex((h) => /ikäryhmä/i.test(h));
      expect(ageCol).toBeGreaterThanOrEqual(0);
      const groups = new Set(sheet.values.slice(1).map((r) => String(r[ageCol])));
      expect(groups.size).toBeGreaterThan(0);
      for (const g of groups) expect(['35–44', '35-44', '55–64', '55-64']).toContain(g);
      // The notes sheet names the groups clicked, and not the first box of the group.
      const notes = snap.sheets.find((x) => x.name === list.sheets.notes)!;
      const text = notes.values.flat().map(String).join('\n');
      expect(text).toMatch(/35[–-]44/);
      expect(text).toMatch(/55[–-]64/);
      expect(text).not.toMatch(/18[–-]24/);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('B2B: clicking "KY" and "myyntijohtaja" selects KY and sales director', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      await openSearch(s);
      await expectNamedUniqueCheckboxes(s);
      const area = s.pane.getByTestId('area-input');
      await area.fill('Tampere');
      await s.pane
        .getByRole('option', { name: /^Tampere/ })
        .first()
        .click();
      await s.pane.getByTestId('area-chips').getByText('Tampere').waitFor();
      await clickLabel(s, 'search-company-forms', 'KY');
      const roles = s.pane.getByTestId('search-roles');
      const roleLabel = roles.locator('label', { hasText: /myyntijohtaja/i }).first();
      const roleText = (await roleLabel.textContent())!.trim();
      await roleLabel.click();
      await expect(s.pane.getByTestId('search-company-forms').getByRole('checkbox', { name: 'KY' }).isChecked()).resolves.toBe(true);
      await expect(s.pane.getByTestId('search-company-forms').getByRole('checkbox', { name: 'OY', exact: true }).isChecked()).resolves.toBe(
        false,
      );
      await expect(roles.getByRole('checkbox', { name: roleText }).isChecked()).resolves.toBe(true);
      await expect(
        roles
          .getByRole('checkbox', { name: /toimitusjohtaja/i })
          .first()
          .isChecked(),
      ).resolves.toBe(false);
      await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
      await s.pane.getByTestId('search-run').click();
      const snap = await s.waitForSnapshot((x) => stateOf(x).lists.length === 1, 30_000);
      const list = stateOf(snap).lists[0]!;
      expect(list.criteria).toMatchObject({ kind: 'b2b', companyForms: ['KY'], roles: ['SALES'] });
      const notes = snap.sheets.find((x) => x.name === list.sheets.notes)!;
      const text = notes.values.flat().map(String).join('\n');
      expect(text).toMatch(/\bKY\b/);
      expect(text.toLowerCase()).toContain(roleText.toLowerCase());
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});

/** A label's whole text ("75+" and "(Oy)" are not patterns). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The boxes of a group, in order: their names and whether ticked. */
async function groupState(s: PaneSession, group: string): Promise<{ name: string; checked: boolean }[]> {
  return s.pane
    .getByTestId(group)
    .locator('input[type="checkbox"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        name: Array.from((e as HTMLInputElement).labels ?? [])
          .map((l) => l.textContent?.trim() ?? '')
          .join(' '),
        checked: (e as HTMLInputElement).checked,
      })),
    );
}

/**
 * Clicks the text of every option of a group in turn, then the text of every second one again:
 * after each click exactly the boxes clicked an odd number of times are ticked, in this group
 * and in no other. Returns the labels left ticked (every second option, from the first).
 */
async function clickEveryLabel(s: PaneSession, group: string, otherGroups: string[]): Promise<string[]> {
  const names = (await groupState(s, group)).map((b) => b.name);
  expect(names.length).toBeGreaterThan(1);
  const others = await Promise.all(otherGroups.map((g) => groupState(s, g)));
  const ticked = new Set<string>();
  const expectTicked = async (after: string) => {
    const now = await groupState(s, group);
    expect({ after, ticked: now.filter((b) => b.checked).map((b) => b.name) }).toEqual({
      after,
      ticked: names.filter((n) => ticked.has(n)),
    });
    expect(await Promise.all(otherGroups.map((g) => groupState(s, g)))).toEqual(others);
  };
  for (const name of names) {
    await s.pane
      .getByTestId(group)
      .locator('label')
      .filter({ hasText: exactly(name) })
      .click();
    ticked.add(name);
    await expectTicked(name);
  }
  for (const [i, name] of names.entries()) {
    if (i % 2 === 0) continue;
    await s.pane
      .getByTestId(group)
      .locator('label')
      .filter({ hasText: exactly(name) })
      .click();
    ticked.delete(name);
    await expectTicked(`${name} again`);
  }
  return names.filter((n) => ticked.has(n));
}

/** The notes sheet's text of the list the search wrote, and the list's criteria. */
async function searchAndReadNotes(s: PaneSession): Promise<{ notes: string; criteria: WorkbookState['lists'][number]['criteria'] }> {
  await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
  await s.pane.getByTestId('search-run').click();
  const snap = await s.waitForSnapshot((x) => stateOf(x).lists.length === 1, 60_000);
  const list = stateOf(snap).lists[0]!;
  const notes = snap.sheets.find((x) => x.name === list.sheets.notes)!;
  return { notes: notes.values.flat().map(String).join('\n'), criteria: list.criteria };
}

describe('every option of every group, by its text, at a 320 px pane (Chromium, Excel simulator)', () => {
  it('B2C: every age group and "vain puhelinnumerolliset"; the notes name exactly the groups left ticked', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      await setPaneWidth(s, 320);
      await openSearch(s);
      await s.pane.getByRole('radio', { name: 'Kuluttajat (B2C)' }).check();
      const area = s.pane.getByTestId('area-input');
      await area.fill('Helsinki');
      await s.pane
        .getByRole('option', { name: /^Helsinki/ })
        .first()
        .click();
      await s.pane.getByTestId('area-chips').getByText('Helsinki').waitFor();
      const ages = await clickEveryLabel(s, 'search-age-groups', []);
      const phone = s.pane.getByRole('checkbox', { name: 'Vain puhelinnumerolliset' });
      const phoneWas = await phone.isChecked();
      await s.pane
        .locator('label')
        .filter({ hasText: /^Vain puhelinnumerolliset$/ })
        .click();
      await expect(phone.isChecked()).resolves.toBe(!phoneWas);
      if (phoneWas)
        await s.pane
          .locator('label')
          .filter({ hasText: /^Vain puhelinnumerolliset$/ })
          .click();
      const { notes, criteria } = await searchAndReadNotes(s);
      expect(criteria).toMatchObject({ kind: 'b2c', ageGroups: ages.map((a) => a.replace('–', '-')), requirePhone: true });
      // The summary line in the notes: exactly these groups, in this order, and the phone rule.
      expect(notes).toContain(criteriaText('fi', 'sumAge', { value: ages.join(', ') }));
      expect(notes).toContain(criteriaText('fi', 'sumPhone'));
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 240_000);

  it('B2B: every company form and every role; the notes name exactly the ones left ticked', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      await setPaneWidth(s, 320);
      await openSearch(s);
      const area = s.pane.getByTestId('area-input');
      await area.fill('Uusimaa');
      await s.pane
        .getByRole('option', { name: /^Uusimaa/ })
        .first()
        .click();
      await s.pane
        .getByTestId('area-chips')
        .getByText(/Uusimaa/)
        .waitFor();
      const forms = await clickEveryLabel(s, 'search-company-forms', ['search-roles']);
      const roles = await clickEveryLabel(s, 'search-roles', ['search-company-forms']);
      const { notes, criteria } = await searchAndReadNotes(s);
      const roleCodes = ROLES.filter((r) => roles.includes(roleLabel(r, 'fi')));
      expect(roleCodes).toHaveLength(roles.length);
      expect(criteria).toMatchObject({ kind: 'b2b', companyForms: forms });
      expect([...((criteria as { roles?: string[] }).roles ?? [])].sort()).toEqual([...roleCodes].sort());
      expect(notes).toContain(criteriaText('fi', 'sumForm', { value: forms.join(', ') }));
      expect(notes).toContain(criteriaText('fi', 'sumRole', { value: roles.join(', ') }));
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 240_000);
});
