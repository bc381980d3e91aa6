import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../app/lazy-page';
import { ACTIVITIES_PATH } from '../placement-path';

const DistributionPage = lazyPage(() => import('./distribution-page'), 'DistributionPage');

/** The distribution screen (placement-path's `distributionPath`), as a child of the app's routed frame. */
export const distributionRoutes: RouteObject[] = [{ path: `${ACTIVITIES_PATH.slice(1)}/:id/distribution`, element: <DistributionPage /> }];
