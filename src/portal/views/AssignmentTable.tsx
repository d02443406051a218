/**
 * A list of assignments as a table on a desktop; on a phone each row becomes a card (portal.css),
 * every cell labelled by its column so nothing depends on seeing the header.
 */
import type { AssignmentRow } from '../../services/portalQueries';
import { CategoryTag } from './CategoryTag';
import { dateText } from './format';
import { StandingText } from './StandingText';

const RELATION_WORDS = { lead: 'Chủ trì', coordinator: 'Phối hợp', secretariat: '', committee: '' } as const;

export function AssignmentTable({ rows, caption, showAgency = false, showRelation = false }: { rows: AssignmentRow[]; caption: string; showAgency?: boolean; showRelation?: boolean }) {
  return (
    <table class="table table--stack">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nhiệm vụ</th>
          {showAgency ? <th scope="col">Cơ quan chủ trì</th> : null}
          {showRelation ? <th scope="col">Vai trò</th> : null}
          <th scope="col">Hạn xử lý</th>
          <th scope="col">Thời gian</th>
          <th scope="col">Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <td data-label="Nhiệm vụ">
              <a href={`/nhiem-vu/${encodeURIComponent(row.id)}`}>{row.title}</a>
              <div class="muted">
                {row.id} · {row.statusText}
              </div>
            </td>
            {showAgency ? <td data-label="Cơ quan chủ trì">{row.agencyName}</td> : null}
            {showRelation ? <td data-label="Vai trò">{row.relation ? RELATION_WORDS[row.relation] : ''}</td> : null}
            <td data-label="Hạn xử lý">
              {dateText(row.deadline)}
              {row.originalDeadline !== row.deadline ? <div class="muted">Hạn ban đầu {dateText(row.originalDeadline)}</div> : null}
            </td>
            <td data-label="Thời gian">
              <StandingText standing={row.standing} />
            </td>
            <td data-label="Tình trạng">
              <CategoryTag category={row.category} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
