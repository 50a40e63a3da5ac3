import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettingsFile, exampleSettings } from '../../../src/cli/io/settings';
import { UserError } from '../../../src/core/errors';

describe('readSettingsFile', () => {
  it('reads the example settings file, marked as an example', async () => {
    const s = await readSettingsFile('test/fixtures/settings/example-settings.json');
    expect(s.example).toBe(true);
    expect(s.controller.organisation).toBe('Esimerkki Lämpöremontti Oy');
    expect(s.retentionMonths).toBe(12);
    expect(s.sourceTerms.demo).toContain('ei kotikäynteihin');
  });

  it('gives defaults without a file: the notes then show what is missing', async () => {
    const s = await readSettingsFile(undefined);
    expect(s.controller).toEqual({});
    expect(s.purpose).toBe('telemarketing');
  });

  describe('errors name the file and the setting', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rajaus-settings-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('rejects a typo in a key and a retention out of range', async () => {
      await writeFile(join(dir, 'a.json'), JSON.stringify({ controler: { organisation: 'Oy' } }));
      await expect(readSettingsFile('a.json', { cwd: dir })).rejects.toThrow(/a\.json: asetus \(root\): Unrecognized key.*controler/);
      await writeFile(join(dir, 'b.json'), JSON.stringify({ retentionMonths: 0 }));
      await expect(readSettingsFile('b.json', { cwd: dir })).rejects.toThrow('b.json: asetus retentionMonths');
      await writeFile(join(dir, 'c.json'), '{ "purpose": ');
      await expect(readSettingsFile('c.json', { cwd: dir })).rejects.toThrow(UserError);
      await expect(readSettingsFile('puuttuu.json', { cwd: dir })).rejects.toThrow('puuttuu.json: settings file not found');
    });
  });

  it('example settings for the demo are marked as examples and hold no real-looking secrets', () => {
    const s = exampleSettings();
    expect(s.example).toBe(true);
    expect(s.controller.organisation).toMatch(/esimerkki/i);
    expect(JSON.stringify(s)).not.toMatch(/key|token|password/i);
  });
});
