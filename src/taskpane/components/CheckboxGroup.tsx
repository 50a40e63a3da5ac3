/**
 * A labelled group of checkboxes, one per option, each with its own id.
 *
 * Why not Fluent's `Field` around the checkboxes: a Field hands its one generated control id to
 * every control inside it (useFieldControlProps), so all checkboxes of a group had the same id,
 * every `<label for>` pointed at the first box, and clicking "35–44" ticked "18–24" (issue 13).
 * Fluent's documentation keeps Field for a single control; a group of checkboxes is a
 * `role="group"` named by its label, with the validation message tied by aria-describedby.
 */
import { Checkbox, Label, makeStyles, Text, tokens, useId } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
  /** Shown on hover (for example the full name of a company form code). */
  title?: string;
}

export interface CheckboxGroupProps<T extends string> {
  label: string;
  options: readonly CheckboxOption<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  error?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

export function CheckboxGroup<T extends string>(props: CheckboxGroupProps<T>) {
  const { label, options, selected, onChange, error, disabled } = props;
  const styles = useStyles();
  const base = useId('checks');
  const labelId = `${base}-label`;
  const errorId = `${base}-error`;
  const toggle = (value: T, on: boolean) => onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      className={styles.root}
      data-testid={props['data-testid']}
    >
      <Label id={labelId}>{label}</Label>
      <div className={styles.checks}>
        {options.map((o, i) => (
          <Checkbox
            key={o.value}
            id={`${base}-${i}`}
            label={o.label}
            title={o.title}
            disabled={disabled}
            checked={selected.includes(o.value)}
            onChange={(_e, d) => toggle(o.value, Boolean(d.checked))}
          />
        ))}
      </div>
      {error && (
        <Text id={errorId} role="alert" className={styles.error}>
          {error}
        </Text>
      )}
    </div>
  );
}
