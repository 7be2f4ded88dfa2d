import * as z from 'zod';

/** A variable the function needs is missing or malformed: a deployment mistake, named clearly. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * A service's configuration: one zod schema per variable it may read. Each function of a service
 * gets only the variables its manifest's `uses` implies, so a variable is checked when first
 * read, and then kept for the container's life.
 */
export const environmentOf = <S extends Record<string, z.ZodType>>(shape: S) => {
  const read = new Map<keyof S, unknown>();
  return <K extends keyof S & string>(name: K): z.output<S[K]> => {
    if (!read.has(name)) {
      const parsed = (shape[name] as z.ZodType).safeParse(process.env[name]);
      if (!parsed.success) {
        throw new ConfigurationError(
          `${name} is ${process.env[name] === undefined ? 'not set' : 'invalid'} for this function: check its manifest's uses (${z.prettifyError(parsed.error)})`,
        );
      }
      read.set(name, parsed.data);
    }
    return read.get(name) as z.output<S[K]>;
  };
};

/** The variables every runtime gives a function by what its manifest uses, as the plan names them. */
const platformEnvironment = environmentOf({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
});

/** The name of the function's own service table (`uses.table`). */
export const tableName = () => platformEnvironment('TABLE_NAME');

/** The name of the bus the function publishes to (`uses.bus`). */
export const busName = () => platformEnvironment('EVENT_BUS_NAME');
