import { describe, expect, it } from 'vitest';
import { denyPermissionsByDefault, type PermissionSession } from './permissions';

function fakeSession() {
  const session: PermissionSession & {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
  } = {
    setPermissionRequestHandler(handler) {
      session.request = handler;
    },
    setPermissionCheckHandler(handler) {
      session.check = handler;
    },
    setDevicePermissionHandler(handler) {
      session.device = handler;
    },
  };
  return session;
}

const requested = (session: ReturnType<typeof fakeSession>, permission: string): boolean => {
  let granted: boolean | undefined;
  session.request?.({}, permission, (answer) => (granted = answer));
  if (granted === undefined) throw new Error('the request handler never answered');
  return granted;
};

describe('permission handlers', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown'])('denies %s requests and checks', (permission) => {
    const session = fakeSession();
    denyPermissionsByDefault(session);
    expect(requested(session, permission)).toBe(false);
    expect(session.check?.({}, permission)).toBe(false);
  });

  it('grants only the allow-listed sanitized clipboard write', () => {
    const session = fakeSession();
    denyPermissionsByDefault(session);
    expect(requested(session, 'clipboard-sanitized-write')).toBe(true);
    expect(session.check?.({}, 'clipboard-sanitized-write')).toBe(true);
  });

  it('denies device access and everything when the allow-list is empty', () => {
    const session = fakeSession();
    denyPermissionsByDefault(session, []);
    expect(session.device?.({ deviceType: 'usb', origin: 'file://' })).toBe(false);
    expect(requested(session, 'clipboard-sanitized-write')).toBe(false);
  });
});
