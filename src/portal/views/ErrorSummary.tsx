/**
 * The box at the top of a form that failed: it takes the focus (a little script in portal.js), says
 * what went wrong in words, and links to each field so keyboard and screen-reader users get there.
 */
export interface FieldError {
  /** The id of the field the message is about ('' for the form as a whole). */
  field: string;
  message: string;
}

export function ErrorSummary({ errors, title = 'Chưa thực hiện được' }: { errors: FieldError[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} data-error-summary>
      <h2 class="error-summary__title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li>{error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}</li>
        ))}
      </ul>
    </div>
  );
}

export const errorFor = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;
