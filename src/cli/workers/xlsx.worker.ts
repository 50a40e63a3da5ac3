/**
 * The worker thread that writes a finished workbook as .xlsx bytes (see src/cli/io/xlsxWriter.ts):
 * it puts the pieces it is sent back together and writes them with the in-memory adapter's
 * own `xlsxWorkbookToBytes`, then posts the bytes (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { WorkbookAssembler } from '../../workbook/exceljs/workbookTransfer';
import { xlsxWorkbookToBytes } from '../../workbook/exceljs/xlsxWorkbook';
import type { XlsxWorkerReply, XlsxWorkerRequest } from '../io/xlsxWriter';

const port = parentPort!;
const assembler = new WorkbookAssembler();

function post(reply: XlsxWorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
}

async function write(): Promise<void> {
  try {
    const bytes = await xlsxWorkbookToBytes(assembler.port());
    post({ type: 'bytes', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', message: error.message, stack: error.stack });
  }
}

port.on('message', (request: XlsxWorkerRequest) => {
  if (request.type === 'end') void write();
  else assembler.add(request);
});
