import { en } from './en';
import { nb } from './nb';

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

/** The shape of nb with literal strings widened: every language must provide every key. */
type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { readonly [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof nb>;

export const dictionaries: Record<Language, Dictionary> = { nb, en };
