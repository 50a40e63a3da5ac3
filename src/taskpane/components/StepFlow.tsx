/**
 * The five steps as a numbered flow (an accordion: one step open at a time, keyboard-operable
 * headers). A step whose `available` is false is disabled and badged "Tulossa" / "Not
 * available yet" / "Kommer snart": the pane never shows a step that only pretends to work.
 */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import type { StepDefinition } from '../paneContext';
import { errorText } from '../services/usePaneServices';
import { StepErrorBoundary } from './StepErrorBoundary';
import { StatusScope } from './StepStatus';
import { t } from './messages';

const useStyles = makeStyles({
  flow: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  item: {
    marginBottom: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  itemOpen: { border: `1px solid ${tokens.colorBrandStroke2}`, boxShadow: tokens.shadow4 },
  itemDisabled: { backgroundColor: tokens.colorNeutralBackground2 },
  header: { minHeight: '56px' },
  headerContent: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    textAlign: 'left',
    minWidth: 0,
  },
  number: {
    flexShrink: 0,
    width: '24px',
    height: '24px',
    borderRadius: '50%',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    marginTop: '1px',
  },
  numberDisabled: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  texts: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  titleRow: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  title: { fontWeight: tokens.fontWeightSemibold },
  titleDisabled: { color: tokens.colorNeutralForeground3 },
  description: { color: tokens.colorNeutralForeground3, whiteSpace: 'normal' },
  panel: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`, margin: 0 },
});

export function StepFlow(props: { lang: Lang; steps: StepDefinition[] }): JSX.Element {
  const styles = useStyles();
  const { lang, steps } = props;
  const [open, setOpen] = useState<string[]>(() => {
    const first = steps.find((s) => s.available);
    return first ? [first.id] : [];
  });
  const onToggle: AccordionToggleEventHandler<string> = (_, data) => setOpen(data.openItems);

  return (
    <nav aria-label={t(lang, 'steps')} className={styles.flow}>
      <Accordion collapsible openItems={open} onToggle={onToggle}>
        {steps.map((step) => {
          const isOpen = step.available && open.includes(step.id);
          return (
            <AccordionItem
              key={step.id}
              value={step.id}
              disabled={!step.available}
              data-step={step.id}
              data-available={step.available}
              className={mergeClasses(styles.item, isOpen && styles.itemOpen, !step.available && styles.itemDisabled)}
            >
              <AccordionHeader
                className={styles.header}
                expandIconPosition="end"
                expandIcon={step.available ? undefined : null}
                aria-description={step.available ? undefined : t(lang, 'comingSoonHint')}
              >
                <span className={styles.headerContent}>
                  <span className={mergeClasses(styles.number, !step.available && styles.numberDisabled)}>{step.number}</span>
                  <span className={styles.texts}>
                    <span className={styles.titleRow}>
                      <Text className={mergeClasses(styles.title, !step.available && styles.titleDisabled)}>{step.title[lang]}</Text>
                      {!step.available && (
                        <Badge appearance="tint" color="informative" size="small">
                          {t(lang, 'comingSoon')}
                        </Badge>
                      )}
                    </span>
                    <Caption1 className={styles.description}>{step.description[lang]}</Caption1>
                  </span>
                </span>
              </AccordionHeader>
              {step.available && (
                <AccordionPanel className={styles.panel}>
                  <StepErrorBoundary key={`${step.id}-${isOpen}`} message={(e) => t(lang, 'stepFailed', { message: errorText(e) })}>
                    {isOpen && (
                      <StatusScope testId={`${step.id}-status`}>
                        <step.Component />
                      </StatusScope>
                    )}
                  </StepErrorBoundary>
                </AccordionPanel>
              )}
            </AccordionItem>
          );
        })}
      </Accordion>
    </nav>
  );
}
