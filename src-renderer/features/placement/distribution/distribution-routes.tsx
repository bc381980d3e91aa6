import type { RouteObject } from 'react-router';
import { ACTIVITIES_PATH } from '../placement-path';
import { DistributionPage } from './distribution-page';

/** The distribution screen (placement-path's `distributionPath`), as a child of the app's routed frame. */
export const distributionRoutes: RouteObject[] = [{ path: `${ACTIVITIES_PATH.slice(1)}/:id/distribution`, element: <DistributionPage /> }];
