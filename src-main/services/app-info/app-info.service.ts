import packageJson from '../../../package.json' with { type: 'json' };
import { appInfoSchema, type AppInfo } from '../../../src-shared/ipc/app.contract';

export const APP_NAME = 'Saksflyt';
export const APP_VERSION: string = packageJson.version;

/** What the renderer may know about the running app; validated once at start-up. */
export function describeApp(info: AppInfo): AppInfo {
  return Object.freeze(appInfoSchema.parse(info));
}
