/** The part of Electron's Session the permission handlers use. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Copying text to the clipboard (sanitized) is the one thing the app page needs. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** Every permission request and check is denied unless allow-listed; device access is always denied. */
export function denyPermissionsByDefault(session: PermissionSession, allowed: readonly string[] = ALLOWED_PERMISSIONS): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(allowed.includes(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => allowed.includes(permission));
  session.setDevicePermissionHandler(() => false);
}
