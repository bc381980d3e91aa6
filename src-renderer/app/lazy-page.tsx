import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page that loads from its own chunk on first visit (route splitting): `load` is the page
 * module's dynamic import, `name` its exported component. The app frame's Suspense shows the
 * loading state until the chunk has arrived.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
