import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core keeps instance settings (an encryption key and the like) in N8N_USER_FOLDER, ~/.n8n by default.
 * Give each test process its own throw-away folder, before anything from n8n-core is loaded.
 */
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-remoteit-test-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'true';
