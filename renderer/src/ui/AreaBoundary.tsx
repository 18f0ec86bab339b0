import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useDocumentStore } from '../state/documentStore';

interface Props {
  /** What this area is called in the message ("canvas", "inspector", "results"). */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The document revision when the area failed: a later edit (or undo) tries it again. */
  revision: number;
}

/**
 * Keeps a failure in one area of the window from blanking the whole app
 * (React unmounts everything above a render error that nothing catches). The
 * area is replaced by what failed and how to go on; the document, the other
 * areas and autosave carry on. An edit or undo made elsewhere tries the area
 * again by itself.
 */
export class AreaBoundary extends Component<Props, State> {
  override state: State = { error: null, revision: -1 };
  private unsubscribe: (() => void) | null = null;

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), revision: useDocumentStore.getState().revision };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Handoff: the ${this.props.area} failed`, error, info.componentStack);
    this.unsubscribe?.();
    this.unsubscribe = useDocumentStore.subscribe((s) => {
      if (this.state.error && s.revision !== this.state.revision) this.retry();
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  private retry = () => {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.setState({ error: null, revision: -1 });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const canUndo = useDocumentStore.getState().past.length > 0;
    return (
      <section className="area-failed" role="alert" data-testid="area-failed" data-area={this.props.area}>
        <h2>The {this.props.area} could not be shown</h2>
        <p className="area-failed-reason">{error.message || error.name}</p>
        <p>Your scenario is still open with nothing lost, and the rest of the window works. Undo the last change if it caused this, or try again.</p>
        <div className="area-failed-actions">
          {canUndo && (
            <button type="button" className="btn btn-primary" data-testid="area-failed-undo" onClick={() => useDocumentStore.getState().undo()}>
              Undo the last change
            </button>
          )}
          <button type="button" className="btn" data-testid="area-failed-retry" onClick={this.retry}>
            Try again
          </button>
        </div>
      </section>
    );
  }
}
