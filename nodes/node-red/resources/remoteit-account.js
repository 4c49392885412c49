/**
 * Shared by the remote.it nodes' editor definitions (each .html loads it): a node dropped from the palette takes the
 * remote.it account when exactly one exists. Node-RED 4's config picker otherwise shows "none", and the node a red
 * triangle, until the user picks the only choice.
 */
window.RemoteItAccount = window.RemoteItAccount || {
	/** The definition's `onadd`: `RemoteItAccount.pickOnly(this)`. */
	pickOnly: function (node) {
		var accounts = [];
		RED.nodes.eachConfig(function (config) {
			if (config.type === 'remoteit-config') accounts.push(config.id);
		});
		if (!node.account && accounts.length === 1) node.account = accounts[0];
	},
};
