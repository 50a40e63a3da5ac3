/**
 * Entry of the task pane. Renders after Office.onReady inside a FluentProvider, as Microsoft's
 * template does. In Excel the workbook port is the Office.js adapter; in the browser tests the
 * same adapter runs over the Excel simulator that the harness installs as window.Excel.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core/i18n/lang';
import { createOfficeWorkbook } from '../workbook/officejs/officeWorkbook';
import { App } from './App';
import { NotInExcel } from './components/NotInExcel';
import { browserStore } from './services/storage';
import { initialLang } from './services/langStore';

/**
 * The minimum requirement set, as in manifest.xml: 1.7 reaches Office 2019. Newer members
 * (print setup, 1.9) are checked where they are used (the Office.js adapter).
 */
const MIN_EXCEL_API = '1.7';

function render(node: JSX.Element): void {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh', background: 'transparent' }}>
      {node}
    </FluentProvider>,
  );
}

Office.onReady((info) => {
  const store = browserStore();
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  const lang = initialLang(store, displayLanguage);
  document.documentElement.lang = lang;
  if (String(info.host) !== 'Excel' || typeof Excel === 'undefined') {
    render(<NotInExcel lang={lang} reason="notExcel" />);
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API)) {
    render(<NotInExcel lang={lang} reason="unsupported" />);
    return;
  }
  const PANE_REQUEST_BYTES = 1_000_000;
  const excel = { run: Excel.run.bind(Excel) as typeof Excel.run };
  // One adapter per UI language: its progress labels and errors follow the pane's language.
  // Write requests of about 1 MB, not the adapter's 2.5 MB: turning a block of rows into
  // Excel's cells and serializing it is work on the pane's thread, and at 2.5 MB a block took
  // 150–300 ms of it at 100,000 rows (issue 13: no task over 200 ms). More round trips, but
  // each is shorter, and Cancel is heard between them.
  const workbookFor = (l: Lang) => createOfficeWorkbook(excel, { lang: l, targetRequestBytes: PANE_REQUEST_BYTES });
  render(<App workbook={workbookFor} displayLanguage={displayLanguage} store={store} />);
});
