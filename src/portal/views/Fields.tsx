/**
 * Form fields with their label, a hint, and the error next to the field; each keeps what the
 * person typed when the form comes back with an error.
 */
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
}

function FieldFrame({ id, label, hint, error, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="field__hint" id={`${id}-goi-y`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`${id}-loi`}>
          <span class="visually-hidden">Lỗi: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = ({ id, hint, error }: FieldProps) =>
  [hint ? `${id}-goi-y` : '', error ? `${id}-loi` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldProps & { value?: string; inputMode?: 'numeric' | 'decimal' | 'text'; width?: 'short' | 'full'; type?: string }) {
  return (
    <FieldFrame {...props}>
      <input
        class={`input${props.width === 'short' ? ' input--short' : ''}`}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        inputMode={props.inputMode}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { value?: string; rows?: number }) {
  return (
    <FieldFrame {...props}>
      <textarea
        class="textarea"
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { value?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame {...props}>
      <select class="select" id={props.id} name={props.name ?? props.id} aria-describedby={describedBy(props)} aria-invalid={props.error ? 'true' : undefined}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === (props.value ?? '')}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function FileField(props: FieldProps & { accept: string; multiple?: boolean }) {
  return (
    <FieldFrame {...props}>
      <input
        class="file-input"
        id={props.id}
        name={props.name ?? props.id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token?: string }) {
  return <input type="hidden" name="_csrf" value={token ?? ''} />;
}
