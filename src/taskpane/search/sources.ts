/**
 * The directory sources the pane offers. The demo directory (a generator of 150,000 fictional
 * rows) is imported only when first used, so it is not part of the pane's first load.
 */
import type { Lang } from '../../core/i18n/lang';
import type { Settings } from '../../core/settings/settings';
import type { DirectorySource } from '../../sources/directory/directorySource';
import { createPrhSource } from '../../sources/directory/prh';
import { directoryThroughGateway } from '../../app/gateway';
import { findGateway, gatewayBaseUrl, sourceRoute } from '../services/gateway';

export type PaneSourceId = 'demo' | 'prh';
export const PANE_SOURCES: readonly PaneSourceId[] = ['demo', 'prh'];

let demoModule: Promise<typeof import('../../sources/demo/demoDirectorySource')> | null = null;
const demoSources = new Map<Lang, Promise<DirectorySource>>();

export function paneSource(id: PaneSourceId, settings: Settings, lang: Lang): Promise<DirectorySource> {
  if (id === 'prh') {
    // The gateway of the server that served the pane (a proxy set on another origin cannot be
    // reached from it); else a proxy the user set; else direct.
    const { userUrl, gateway: gw } = sourceRoute(settings.prhBaseUrl, findGateway());
    if (!gw) return Promise.resolve(createPrhSource({ baseUrl: userUrl, lang }));
    return Promise.resolve(directoryThroughGateway(createPrhSource({ baseUrl: gatewayBaseUrl(gw, 'prh'), lang }), gw, lang));
  }
  demoModule ??= import(/* webpackChunkName: "demo-directory" */ '../../sources/demo/demoDirectorySource');
  // One source a language: its labels (the rows' source column, the notes) are in the list's
  // language; the generated directory behind them is shared.
  let source = demoSources.get(lang);
  if (!source) {
    source = demoModule.then((m) => new m.DemoDirectorySource(lang));
    demoSources.set(lang, source);
  }
  return source;
}
