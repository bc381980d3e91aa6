import { SkipLink as DsSkipLink } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';

/**
 * "Skip to main content". The app routes by URL hash, so following `#main` would change the route:
 * the click moves focus to the target itself instead.
 */
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  };
  return (
    <DsSkipLink href={`#${targetId}`} onClick={skip}>
      {children}
    </DsSkipLink>
  );
}
