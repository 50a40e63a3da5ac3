/**
 * Searchable area picker: municipality and region names (Finnish or Swedish) and postal codes
 * from Posti's file; a typed range ("33200-33500") or prefix ("331*") can be added as it is.
 */
import { useMemo, useState } from 'react';
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import { searchAreas, type AreaSuggestion } from '../../core/area/postalAreas';
import { Chips } from './Chips';
import { t } from './messages';
import { SuggestInput } from './SuggestInput';

const useStyles = makeStyles({
  detail: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
});

export interface AreaValue {
  postalCodes: string[];
  municipalities: string[];
  regions: string[];
}

export function AreaPicker(props: { lang: Lang; value: AreaValue; onChange: (v: AreaValue) => void; error?: string }): JSX.Element {
  const { lang, value } = props;
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const suggestions = useMemo(() => searchAreas(query, lang, 12), [query, lang]);
  const typedRange = /^\d{5}\s*-\s*\d{5}$/.test(query.trim()) ? query.replace(/\s/g, '') : null;

  const add = (s: Pick<AreaSuggestion, 'kind' | 'value'>) => {
    const key = s.kind === 'postalCode' ? 'postalCodes' : s.kind === 'municipality' ? 'municipalities' : 'regions';
    if (!value[key].includes(s.value)) props.onChange({ ...value, [key]: [...value[key], s.value] });
    setQuery('');
  };
  const remove = (chip: string) => {
    const [kind, v] = [chip.slice(0, 1), chip.slice(2)];
    const key = kind === 'p' ? 'postalCodes' : kind === 'm' ? 'municipalities' : 'regions';
    props.onChange({ ...value, [key]: value[key].filter((x) => x !== v) });
  };
  const chips = [
    ...value.municipalities.map((v) => ({ value: `m:${v}`, label: v })),
    ...value.regions.map((v) => ({ value: `r:${v}`, label: v })),
    ...value.postalCodes.map((v) => ({ value: `p:${v}`, label: v.replace('-', '–') })),
  ];
  const kindWord = (k: AreaSuggestion['kind']) => t(lang, k === 'postalCode' ? 'postalCode' : k);

  return (
    <Field
      label={t(lang, 'area')}
      hint={t(lang, 'areaHint')}
      validationMessage={props.error}
      validationState={props.error ? 'error' : 'none'}
    >
      <Chips items={chips} onRemove={remove} removeLabel={(l) => t(lang, 'remove', { value: l })} testId="area-chips" />
      <SuggestInput
        query={query}
        onQuery={setQuery}
        options={[
          ...(typedRange
            ? [
                {
                  key: `typed:${typedRange}`,
                  content: t(lang, 'addRange', { value: typedRange.replace('-', '–') }),
                  onPick: () => add({ kind: 'postalCode', value: typedRange }),
                },
              ]
            : []),
          ...suggestions.map((s) => ({
            key: `${s.kind}:${s.value}`,
            content: (
              <>
                {s.label}
                <span className={styles.detail}>
                  {kindWord(s.kind)}
                  {s.detail ? ` · ${s.detail}` : ''}
                </span>
              </>
            ),
            onPick: () => add(s),
          })),
        ]}
        placeholder={t(lang, 'areaPlaceholder')}
        listLabel={t(lang, 'area')}
        testId="area-input"
      />
    </Field>
  );
}
