/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code` from
 * `Excel.ErrorCodes`, a `debugInfo`), so that adapter code which inspects `error.code` behaves
 * the same against the simulator as in Excel.
 */
export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  invalidObjectPath: 'InvalidObjectPath',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestAborted: 'RequestAborted',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  inactiveWorkbook: 'InactiveWorkbook',
  apiNotFound: 'ApiNotFound',
} as const;

/** Office.js's messages for the two states in which Excel refuses every request. */
export const BLOCKED_MESSAGES = {
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InactiveWorkbook: 'The operation failed because multiple workbooks are open and the workbook being called by this API has lost focus.',
} as const;

export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): SimOfficeError {
  return new SimOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const invalidArgument = (detail: string, where?: string) =>
  new SimOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format. (${detail})`, where);

export const itemNotFound = (what: string, where?: string) =>
  new SimOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`, where);

export const itemAlreadyExists = (what: string, where?: string) =>
  new SimOfficeError(ErrorCodes.itemAlreadyExists, `The resource with the same name or identifier already exists. (${what})`, where);

export const invalidOperation = (detail: string, where?: string) =>
  new SimOfficeError(ErrorCodes.invalidOperation, `The operation attempted is invalid on the object. (${detail})`, where);
