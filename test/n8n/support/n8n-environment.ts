import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core keeps instance settings (an encryption key and the like) in N8N_USER_FOLDER, ~/.n8n by default.
 * Give each test file its own throw-away folder, before anything from n8n-core is loaded; `shutDownN8nServices`
 * removes it again.
 */
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-remoteit-test-'));
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true';
}

export function removeN8nUserFolder(): void {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.startsWith(join(tmpdir(), 'n8n-remoteit-test-')))
		rmSync(folder, { recursive: true, force: true });
	delete process.env.N8N_USER_FOLDER;
}
