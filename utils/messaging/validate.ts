/**
 * Tiny dependency-free validators for message payloads. Content scripts load this too, so no
 * schema library: each check returns the value typed, or throws a ValidationError.
 */
export class ValidationError extends Error {}

export type Check<T> = (v: unknown, path?: string) => T;

export const str =
  (max = 512): Check<string> =>
  (v, path = 'value') => {
    if (typeof v !== 'string' || v.length > max) throw new ValidationError(`${path}: string`);
    return v;
  };

export const bool: Check<boolean> = (v, path = 'value') => {
  if (typeof v !== 'boolean') throw new ValidationError(`${path}: boolean`);
  return v;
};

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, path = 'value') => {
    if (typeof v !== 'string' || !values.includes(v as T))
      throw new ValidationError(`${path}: one of ${values.join('|')}`);
    return v as T;
  };

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, path) =>
    v === undefined ? undefined : check(v, path);

export const arrayOf =
  <T>(check: Check<T>, max = 100): Check<T[]> =>
  (v, path = 'value') => {
    if (!Array.isArray(v) || v.length > max) throw new ValidationError(`${path}: array`);
    return v.map((item, i) => check(item, `${path}[${i}]`));
  };

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape, K extends keyof S> = ReturnType<S[K]>;
type Simplify<T> = { [K in keyof T]: T[K] };
/** Keys whose check accepts undefined become optional properties. */
type FromShape<S extends Shape> = Simplify<
  { [K in keyof S as undefined extends Out<S, K> ? never : K]: Out<S, K> } & {
    [K in keyof S as undefined extends Out<S, K> ? K : never]?: Out<S, K>;
  }
>;

/** An object with exactly these keys checked; unknown keys are dropped, never passed on. */
export const object =
  <S extends Shape>(shape: S): Check<FromShape<S>> =>
  (v, path = 'value') => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new ValidationError(`${path}: object`);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      out[key] = check((v as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return out as FromShape<S>;
  };

/** A value trusted as-is because it comes from our own call host (checked by sender first). */
export const trusted = <T>(): Check<T> => (v) => v as T;
