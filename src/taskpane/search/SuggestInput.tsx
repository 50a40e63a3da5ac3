/**
 * A text box with a list of suggestions under it (the ARIA 1.2 combobox pattern), shared by the
 * industry and area pickers. Hand-written rather than Fluent's Combobox because the pickers add
 * many values as chips from free text (a typed range "33200-33500", a TOL code not in the tree)
 * and Fluent's Combobox owns the input's value; the behaviour users expect is kept here:
 *
 * - the list closes after a pick, on Esc, and when the focus leaves (a click elsewhere);
 * - the options are not Tab stops (one Tab stop for the whole picker): the arrow keys move
 *   through them (aria-activedescendant), Enter picks;
 * - long option texts wrap inside their row instead of overprinting the next one in a narrow
 *   pane (the old options were fixed-height buttons).
 */
import { useId, useState, type ReactNode } from 'react';
import { Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface SuggestOption {
  key: string;
  content: ReactNode;
  /** Indent in px (tree depth). */
  indent?: number;
  onPick(): void;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '200px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    marginTop: tokens.spacingVerticalXXS,
  },
  option: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
});

export function SuggestInput(props: {
  query: string;
  onQuery(query: string): void;
  options: SuggestOption[];
  placeholder: string;
  /** The list's accessible name. */
  listLabel: string;
  testId: string;
  /** Show the list when the box gets the focus even with nothing typed (the A–U sections). */
  openOnFocus?: boolean;
}): JSX.Element {
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { options } = props;
  const shown = open && options.length > 0 && (props.openOnFocus || props.query.trim() !== '');

  const pick = (o: SuggestOption) => {
    o.onPick();
    setOpen(false);
    setActive(-1);
  };
  const optionId = (i: number) => `${listId}-o${i}`;

  return (
    <>
      <Input
        value={props.query}
        placeholder={props.placeholder}
        aria-label={props.placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        onFocus={() => props.openOnFocus && setOpen(true)}
        onBlur={() => (setOpen(false), setActive(-1))}
        onClick={() => props.openOnFocus && setOpen(true)}
        onChange={(_e, d) => {
          props.onQuery(d.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => (options.length ? (a + step + options.length) % options.length : -1));
          } else if (e.key === 'Enter') {
            const o = shown && active >= 0 ? options[active] : options[0];
            if (o && (shown || props.query.trim())) {
              e.preventDefault();
              pick(o);
            }
          } else if (e.key === 'Escape' && shown) {
            // Only the list closes; the step around it stays open.
            e.stopPropagation();
            setOpen(false);
            setActive(-1);
          }
        }}
        data-testid={props.testId}
      />
      {shown && (
        // tabIndex -1: Chromium makes a scrolling box a Tab stop of its own otherwise.
        <div
          className={styles.list}
          role="listbox"
          tabIndex={-1}
          id={listId}
          aria-label={props.listLabel}
          data-testid={`${props.testId}-list`}
        >
          {options.map((o, i) => (
            <div
              key={o.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={mergeClasses(styles.option, i === active && styles.active)}
              style={o.indent ? { paddingLeft: 8 + o.indent } : undefined}
              // Keeps the focus in the box, so that picking does not first close the list by blur.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o.content}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
