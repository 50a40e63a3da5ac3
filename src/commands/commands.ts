/**
 * The ribbon's function file (FunctionFile in manifest.xml). Office loads it invisibly with the
 * add-in. Rajaus's only ribbon button opens the task pane (a ShowTaskpane action, handled by
 * Office itself), so there are no ExecuteFunction commands to register yet; the file exists
 * because the manifest's FunctionFile must resolve, and new commands register here with
 * Office.actions.associate('name', handler) inside onReady.
 */
Office.onReady(() => {
  // Nothing to register: see above. No placeholder actions that pretend to do something.
});

export {};
