import type { Locator, Page } from '@playwright/test';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { placementTexts } from '../../../src-renderer/features/placement/placement-text';
import { expect } from '../support/fixtures';

const SEEDING_TIMEOUT_MS = 60_000;

/** A student as the spec adds them: who, which class, which site they wish first. */
export interface StudentEntry {
  name: string;
  className: string;
  firstWish: string;
}

/** The placement administrator's screens: the activity list, the activity form, ordering places, the board. */
export class ActivityPages {
  readonly t = placementTexts.nb;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Opens the activity list on fresh local demo data, acting as the demo placement administrator. */
  async openAsPlacementAdmin(caseCount: number): Promise<void> {
    await this.page.goto(`/?demoCases=${caseCount}#/placement/activities`);
    await expect(this.heading).toHaveText(this.t.list.title, { timeout: SEEDING_TIMEOUT_MS });
    await this.page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption('u-praksisadmin');
  }

  get form(): Locator {
    return this.page.locator('form.placement-form');
  }

  async fillCourse(department: string, course: string, from: string, to: string): Promise<void> {
    const f = this.t.form;
    await this.form.getByRole('combobox', { name: f.department }).selectOption(department);
    await this.form.getByRole('combobox', { name: f.pickCourse }).selectOption({ label: course });
    await this.form.getByLabel(f.from, { exact: true }).fill(from);
    await this.form.getByLabel(f.to, { exact: true }).fill(to);
  }

  /** Sets class `name`'s teacher, adding the class first when it is not the form's first. */
  async addClass(name: string, teacher: string, isFirst = false): Promise<void> {
    if (!isFirst) await this.form.getByRole('button', { name: this.t.form.addClass }).click();
    await this.form.getByRole('combobox', { name: this.t.form.teacher(name) }).selectOption({ label: teacher });
  }

  async addRequirement(text: string, n: number): Promise<void> {
    await this.form.getByRole('button', { name: this.t.form.addRequirement }).click();
    await this.form.getByRole('textbox', { name: this.t.form.requirement(n) }).fill(text);
  }

  /** Finds the student in the people register, adds them, and sets class, requirement met and first wish. */
  async addStudent(student: StudentEntry, requirement: string): Promise<void> {
    const f = this.t.form;
    await this.form.getByRole('textbox', { name: f.findStudent }).fill(student.name);
    await this.form.getByRole('button', { name: f.add(student.name) }).click();
    const group = this.form.getByRole('group', { name: f.student(student.name) });
    await group.getByRole('combobox', { name: f.studentClass }).selectOption(student.className);
    await group.getByRole('checkbox', { name: requirement }).check();
    await group.getByRole('combobox', { name: f.wish(1) }).selectOption({ label: student.firstWish });
    await group.getByRole('textbox', { name: f.homeMunicipality }).fill('Fjordheim');
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: this.t.form.save }).click();
  }

  /** "Bestill plasser": the given classes (the others unticked) at the site, sent at once. */
  async order(allClasses: readonly { name: string; students: number }[], classes: readonly string[], site: string, places: number): Promise<void> {
    const o = this.t.orders;
    const section = this.page.getByRole('region', { name: o.orderHeading });
    for (const c of allClasses) {
      const box = section.getByRole('checkbox', { name: o.classOption(c.name, c.students) });
      await box.setChecked(classes.includes(c.name));
    }
    await section.getByRole('combobox', { name: o.site }).selectOption({ label: site });
    await section.getByRole('spinbutton', { name: o.places }).fill(String(places));
    await section.getByRole('button', { name: o.send }).click();
    await expect(section.getByText(o.sent(site))).toBeVisible();
  }

  ordersTable(): Locator {
    return this.page.getByRole('table', { name: this.t.orders.tableLabel });
  }

  boardColumn(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${title} \\(`) });
  }
}
