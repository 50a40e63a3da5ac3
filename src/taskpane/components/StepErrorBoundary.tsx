/**
 * Keeps one broken step from blanking the whole pane: the step shows the error in place,
 * the other steps and the header keep working. Reset when the user opens another step.
 */
import { Component, type ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

interface Props {
  message: (error: Error) => string;
  children: ReactNode;
}

export class StepErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{this.props.message(this.state.error)}</MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
