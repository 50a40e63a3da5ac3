/**
 * The search's result rows are made here, off the pane's thread: parsing 100,000 phone numbers
 * with libphonenumber-js took about 1.1 s of it (issue 13). One request is one chunk of records.
 */
import { resultRow } from '../../app/search';
import type { ResultRowsRequest } from './resultRowsClient';
import { serveCalls } from '../workers/workerCalls';

serveCalls<ResultRowsRequest>(({ keys, records, provenance, lang }) => ({
  value: records.map((r) => resultRow(keys, r, provenance, lang)),
}));
