import { Field, Label, Select } from '@digdir/designsystemet-react';
import { roleLabels } from '../../../src-shared/domain/access/roles';
import { useAppStore } from '../../app/store';
import { useSession } from '../session/session-context';
import { useOrganisation } from '../organisation/use-organisation';
import { useActAs, useActingUser } from './acting-user';
import { useCaseText } from './case-text';
import { actingStaffRoles } from './staff-directory';
import { useStaffDirectory } from './use-staff-directory';
import './case.css';

/** On local demo data: whose shoes the user is in. Signed in, the user is who they signed in as. */
export function ActingUserSwitch() {
  const t = useCaseText().actingUser;
  const language = useAppStore((state) => state.language);
  const user = useActingUser();
  const actAs = useActAs();
  const staff = useStaffDirectory();
  const organisation = useOrganisation();
  if (useSession()) return null;
  return (
    <Field className="acting-user">
      <Label htmlFor="acting-user">{t.label}</Label>
      <Field.Description>{t.description}</Field.Description>
      <Select id="acting-user" value={user.userId} onChange={(event) => actAs(event.target.value)}>
        {actingStaffRoles.map((role) => (
          <Select.Optgroup key={role} label={roleLabels[role][language]}>
            {staff.withRole(role).map((candidate) => (
              <Select.Option key={candidate.id} value={candidate.id}>
                {candidate.departments.length === 1 && organisation
                  ? `${candidate.name} – ${organisation.nameOf(candidate.departments[0] ?? '')}`
                  : candidate.name}
              </Select.Option>
            ))}
          </Select.Optgroup>
        ))}
      </Select>
    </Field>
  );
}
