/**
 * The canvas subtitle: the service or device the node targets ("factory-gateway / SSH"), else
 * "operation: resource". The target alone, because the canvas cuts subtitles at about 28 characters and the
 * node's name already says the operation (n8n names a node after the action picked: "Connect to a service").
 * n8n evaluates the subtitle as an expression in which
 * `$parameter.service` is a resource locator's bare value (an id), so the name picked From List is read from the
 * stored locator (`$parameter.toJSON()`, its `cachedResultName`), without the "(offline)" the picker added.
 * By ID and Name show the value as typed; operations without a locator show the resource.
 */
const pickedName =
	'(l => l && l.mode === "list" && l.cachedResultName ? l.cachedResultName.replace(/ \\(offline\\)$/, "") : "")' +
	'($parameter.toJSON().service || $parameter.toJSON().device)';

export const NODE_SUBTITLE =
	`={{ ${pickedName} || $parameter["service"] || $parameter["device"] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
