// Error classes and the one way messages are built: the function, the
// argument and what was wrong with it.

/** Thrown by `index`, `rindex` and `remove` when the value is absent. */
export class NotFoundError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Builds an error of class `Cls` whose message names the function and argument. */
export function argError(Cls, fn, arg, what) {
  return new Cls(`${fn}(): ${arg} ${what}`);
}

/** A short description of a value for error messages. */
export function describe(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return value.length > 20 ? `a string of length ${value.length}` : JSON.stringify(value);
    case 'bigint':
      return `${value}n`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
}
