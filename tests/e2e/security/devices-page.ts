import { devicesTexts } from '../../../src-renderer/features/devices/devices-text';
import { screenWith } from '../support/screen';

/** The devices page: own devices, and every user's for an account administrator. */
export class DevicesPage extends screenWith(devicesTexts) {
  readonly menuLink = this.page.getByRole('link', { name: this.text.menuLink });
  readonly heading = this.page.getByRole('heading', { level: 1, name: this.text.title });
  readonly mine = this.page.getByRole('table', { name: this.text.mine });
  readonly adminHeading = this.page.getByRole('heading', { level: 2, name: this.text.admin.heading });
  readonly username = this.page.getByRole('textbox', { name: this.text.admin.username });
  readonly search = this.page.getByRole('button', { name: this.text.admin.search, exact: true });
  readonly found = this.page.getByRole('table', { name: this.text.admin.tableLabel });
  readonly dialog = this.page.getByRole('dialog');
  readonly confirm = this.dialog.getByRole('button', { name: this.text.confirm.submit });
}
