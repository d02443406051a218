/**
 * The filters every assignment list shares: a search that ignores diacritics and a choice of the
 * four categories. Their names (q, nhom) are the query parameters the services read.
 */
import { CATEGORY_LABELS, STATUS_CATEGORIES, type StatusCategory } from '../../domain/assignment/statusCategory';
import { SelectField, TextField } from './Fields';

export function SearchBox({ value }: { value?: string }) {
  return <TextField id="q" label="Tìm nhiệm vụ" hint="Gõ có dấu hoặc không dấu, ví dụ: chuyen doi so" type="search" value={value ?? ''} />;
}

export function CategoryFilter({ value }: { value?: StatusCategory }) {
  return (
    <SelectField
      id="nhom"
      label="Tình trạng"
      value={value ?? ''}
      options={[{ value: '', label: 'Mọi tình trạng' }, ...STATUS_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }))]}
    />
  );
}
