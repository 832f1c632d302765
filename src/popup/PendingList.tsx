// The pending list renders the first screenful at once and appends the rest in small batches
// after the popup has painted, so hundreds of pending warnings never delay opening it.
// Rows already on screen are not re-rendered when more are appended.
import { Component } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { WarningRecord } from '../core/warnings';
import { PendingWarning } from './PendingWarning';

/** Many more rows than a 600 px popup shows: scrolling never reaches the end of the batch. */
export const FIRST_SCREEN = 20;
const BATCH = 60;

interface RowProps {
  warning: WarningRecord;
  now: number;
  onResolved: () => void;
}

class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.warning !== this.props.warning || next.now !== this.props.now;
  }

  override render() {
    return <PendingWarning {...this.props} />;
  }
}

export function PendingList({ pending, now, onResolved }: { pending: WarningRecord[]; now: number; onResolved: () => void }) {
  const [shown, setShown] = useState(FIRST_SCREEN);

  useEffect(() => {
    if (shown >= pending.length) {
      if (!performance.getEntriesByName('clientguard:popup-complete').length) performance.mark('clientguard:popup-complete');
      return;
    }
    const timer = setTimeout(() => setShown((n) => n + BATCH), 0);
    return () => clearTimeout(timer);
  }, [shown, pending.length]);

  return (
    <ul class="warnings" data-pending-list>
      {pending.slice(0, shown).map((w) => (
        <Row key={w.id} warning={w} now={now} onResolved={onResolved} />
      ))}
    </ul>
  );
}
