import { useAppStore } from '../../app/store';

/** Texts of the devices page (own devices, and every user's for account administrators): bokmål (default) and English. */
const nb = {
  menuLink: 'Enheter',
  title: 'Enheter',
  intro:
    'Maskinene du har logget inn på, og når de sist var i kontakt med serveren. Fjerner du en maskin, avsluttes øktene på den, og de lokale dataene slettes neste gang den kobler til.',
  serverNeeded: 'Enhetene vises når appen er logget inn og har kontakt med serveren.',
  failed: (message: string) => `Kunne ikke hente enhetene: ${message}`,
  loading: 'Henter enheter …',
  mine: 'Dine enheter',
  none: 'Ingen enheter.',
  columns: { name: 'Enhet', user: 'Bruker', created: 'Første innlogging', lastSeen: 'Sist i kontakt', status: 'Status', action: 'Handling' },
  never: 'Aldri',
  thisDevice: 'Denne maskinen',
  status: { active: 'Innlogget', signedOut: 'Logget ut', revoked: (when: string) => `Fjernet ${when}` },
  revoke: 'Fjern',
  revokeLabel: (name: string, user: string) => `Fjern ${name} (${user})`,
  confirm: {
    title: (name: string) => `Fjerne ${name}?`,
    body: (user: string) =>
      `Øktene til ${user} på denne maskinen avsluttes nå, og saksdataene på den slettes neste gang den kobler til serveren. Endringer som ikke er synkronisert, går tapt.`,
    submit: 'Fjern enheten',
    cancel: 'Avbryt',
    close: 'Lukk',
  },
  revoked: (name: string) => `${name} er fjernet.`,
  revokeFailed: (message: string) => `Kunne ikke fjerne enheten: ${message}`,
  admin: {
    heading: 'Alle brukeres enheter',
    intro: 'Som kontoadministrator kan du se og fjerne enhetene til alle brukere.',
    username: 'Brukernavn',
    search: 'Søk',
    showAll: 'Vis sist brukte enheter',
    results: (count: number, username?: string) =>
      username ? `${count} ${count === 1 ? 'enhet' : 'enheter'} for ${username}` : `${count} sist brukte ${count === 1 ? 'enhet' : 'enheter'}`,
    noUser: (username: string) => `Fant ingen bruker ${username}.`,
    tableLabel: 'Enheter for brukeren',
  },
};

export type DevicesText = typeof nb;

const en: DevicesText = {
  menuLink: 'Devices',
  title: 'Devices',
  intro:
    'The computers you signed in on, and when they last were in contact with the server. Removing a computer ends its sessions, and its local data is deleted the next time it connects.',
  serverNeeded: 'Devices are shown when the app is signed in and reaches the server.',
  failed: (message: string) => `Could not fetch the devices: ${message}`,
  loading: 'Fetching devices …',
  mine: 'Your devices',
  none: 'No devices.',
  columns: { name: 'Device', user: 'User', created: 'First sign-in', lastSeen: 'Last contact', status: 'Status', action: 'Action' },
  never: 'Never',
  thisDevice: 'This computer',
  status: { active: 'Signed in', signedOut: 'Signed out', revoked: (when: string) => `Removed ${when}` },
  revoke: 'Remove',
  revokeLabel: (name: string, user: string) => `Remove ${name} (${user})`,
  confirm: {
    title: (name: string) => `Remove ${name}?`,
    body: (user: string) =>
      `The sessions of ${user} on this computer end now, and the case data on it is deleted the next time it connects to the server. Changes not yet synced are lost.`,
    submit: 'Remove the device',
    cancel: 'Cancel',
    close: 'Close',
  },
  revoked: (name: string) => `${name} was removed.`,
  revokeFailed: (message: string) => `Could not remove the device: ${message}`,
  admin: {
    heading: "Every user's devices",
    intro: 'As an account administrator you can see and remove the devices of every user.',
    username: 'Username',
    search: 'Search',
    showAll: 'Show recently used devices',
    results: (count: number, username?: string) =>
      username ? `${count} ${count === 1 ? 'device' : 'devices'} of ${username}` : `${count} recently used ${count === 1 ? 'device' : 'devices'}`,
    noUser: (username: string) => `No user ${username}.`,
    tableLabel: "The user's devices",
  },
};

export const devicesTexts = { nb, en } as const;

export function useDevicesText(): DevicesText {
  return devicesTexts[useAppStore((state) => state.language)];
}
