/** Searchable industry picker over the TOL 2008 tree (sections, divisions, common codes); the list is SuggestInput's. */
import { useMemo, useState } from 'react';
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import { industryName, tolTree, type TolNode } from '../../core/industry/tol';
import { Chips } from './Chips';
import { t } from './messages';
import { SuggestInput, type SuggestOption } from './SuggestInput';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: '3.5em', flexShrink: 0 },
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
  const add = (code: string) => {
    if (!props.value.includes(code)) props.onChange([...props.value, code]);
    setQuery('');
  };
  // A typed TOL 2025 code not in the tree is still a valid criterion.
  const typedCode = /^\d{2,5}$/.test(q) && !hits.some((h) => h.code === q) ? q : null;
  const options: SuggestOption[] = [
    ...(typedCode ? [{ key: `typed:${typedCode}`, content: t(lang, 'addRange', { value: typedCode }), onPick: () => add(typedCode) }] : []),
    ...hits.map((h) => ({
      key: h.code,
      indent: h.depth * 12,
      content: (
        // A hanging indent: a name wrapped to a second line starts under the name, not the code.
        <span className={styles.row}>
          <span className={styles.code}>{h.code}</span> <span>{h.name}</span>
        </span>
      ),
      onPick: () => add(h.code),
    })),
  ];
  return (
    <Field label={t(lang, 'industry')} validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
      <Chips
        items={props.value.map((c) => ({ value: c, label: industryName(c, lang) ? `${c} ${industryName(c, lang)}` : c }))}
        onRemove={(c) => props.onChange(props.value.filter((x) => x !== c))}
        removeLabel={(l) => t(lang, 'remove', { value: l })}
        testId="industry-chips"
      />
      <SuggestInput
        query={query}
        onQuery={setQuery}
        options={options}
        placeholder={t(lang, 'industryPlaceholder')}
        listLabel={t(lang, 'industry')}
        testId="industry-input"
        openOnFocus
      />
    </Field>
  );
}
