/** What is chosen, as removable chips. */
import { Tag, TagGroup } from '@fluentui/react-components';

export function Chips(props: {
  items: { value: string; label: string }[];
  onRemove: (value: string) => void;
  removeLabel: (label: string) => string;
  testId?: string;
}): JSX.Element | null {
  if (!props.items.length) return null;
  return (
    <TagGroup
      data-testid={props.testId}
      onDismiss={(_e, data) => props.onRemove(String(data.value))}
      size="small"
      style={{ flexWrap: 'wrap', gap: 4 }}
    >
      {props.items.map((i) => (
        <Tag
          key={i.value}
          value={i.value}
          dismissible
          dismissIcon={{ 'aria-label': props.removeLabel(i.label) }}
          shape="circular"
          appearance="brand"
        >
          {i.label}
        </Tag>
      ))}
    </TagGroup>
  );
}
