/**
 * "Check before you confirm": before something hard to undo (reassigning, cancelling), the person
 * sees exactly what will happen and confirms, or goes back with what they typed kept.
 */
import type { AssignmentCommandType } from '../../domain/assignment/assignmentCommandSchema';
import { ACTION_SLUGS, type FormValues } from '../pages/actionForms';
import { CsrfField } from './Fields';
import { Layout, type SignedInPerson } from './Layout';

export interface ConfirmViewProps {
  person?: SignedInPerson;
  csrfToken?: string;
  assignment: { id: string; title: string };
  action: AssignmentCommandType;
  heading: string;
  rows: { label: string; value: string }[];
  warning: string;
  button: string;
  values: FormValues;
}

export function ConfirmView({ person, csrfToken, assignment, action, heading, rows, warning, button, values }: ConfirmViewProps) {
  const path = `/nhiem-vu/${encodeURIComponent(assignment.id)}/${ACTION_SLUGS[action]}`;
  return (
    <Layout title={heading} person={person} csrfToken={csrfToken}>
      <p class="caption">{assignment.title}</p>
      <h1>{heading}</h1>
      <dl class="summary-list">
        {rows.map((row) => (
          <div>
            <dt>{row.label}</dt>
            <dd class="pre-line">{row.value}</dd>
          </div>
        ))}
      </dl>
      <div class="inset inset--warning">
        <strong>{warning}</strong>
      </div>
      <form method="post" action={path}>
        <CsrfField token={csrfToken} />
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="button-group">
          <button type="submit" class="button button--warning" name="xac-nhan" value="co">
            {button}
          </button>
          <button type="submit" class="button button--secondary" name="xac-nhan" value="sua">
            Quay lại sửa
          </button>
        </div>
      </form>
    </Layout>
  );
}
