/** Searchable industry picker over the TOL 2008 tree (sections, divisions, common codes). */
import { useMemo, useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import { industryName, tolTree, type TolNode } from '../../core/industry/tol';
import { Chips } from './Chips';
import { t } from './messages';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '200px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  option: { justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: '3.5em', display: 'inline-block' },
});

interface Flat {
  code: string;
  name: string;
  depth: number;
}

function flatten(nodes: TolNode[], depth = 0, out: Flat[] = []): Flat[] {
  for (const n of nodes) {
    out.push({ code: n.code, name: n.name, depth });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

export function IndustryPicker(props: { lang: Lang; value: string[]; onChange: (v: string[]) => void; error?: string }): JSX.Element {
  const { lang } = props;
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const all = useMemo(() => flatten(tolTree(lang)), [lang]);
  const q = query.trim().toLowerCase();
  const hits = useMemo(() => {
    if (!q) return all.filter((n) => n.depth === 0);
    return all.filter((n) => n.code.toLowerCase().startsWith(q) || n.name.toLowerCase().includes(q)).slice(0, 40);
  }, [all, q]);
  const [open, setOpen] = useState(false);
  const add = (code: string) => {
    if (!props.value.includes(code)) props.onChange([...props.value, code]);
    setQuery('');
  };
  // A typed TOL 2025 code not in the tree is still a valid criterion.
  const typedCode = /^\d{2,5}$/.test(q) && !hits.some((h) => h.code === q) ? q : null;
  return (
    <Field label={t(lang, 'industry')} validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
      <Chips
        items={props.value.map((c) => ({ value: c, label: industryName(c, lang) ? `${c} ${industryName(c, lang)}` : c }))}
        onRemove={(c) => props.onChange(props.value.filter((x) => x !== c))}
        removeLabel={(l) => t(lang, 'remove', { value: l })}
        testId="industry-chips"
      />
      <Input
        value={query}
        placeholder={t(lang, 'industryPlaceholder')}
        aria-label={t(lang, 'industryPlaceholder')}
        onFocus={() => setOpen(true)}
        onChange={(_e, d) => {
          setQuery(d.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (typedCode || hits[0])) add(typedCode ?? hits[0]!.code);
          if (e.key === 'Escape') setOpen(false);
        }}
        data-testid="industry-input"
      />
      {open && (hits.length > 0 || typedCode) && (
        <div className={styles.list} role="listbox" aria-label={t(lang, 'industry')}>
          {typedCode && (
            <Button appearance="subtle" className={styles.option} role="option" onClick={() => add(typedCode)}>
              {t(lang, 'addRange', { value: typedCode })}
            </Button>
          )}
          {hits.map((h) => (
            <Button
              key={h.code}
              appearance="subtle"
              role="option"
              className={styles.option}
              style={{ paddingLeft: 8 + h.depth * 12 }}
              onClick={() => add(h.code)}
            >
              <span className={styles.code}>{h.code}</span> {h.name}
            </Button>
          ))}
        </div>
      )}
    </Field>
  );
}
