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

// Text a caller chose (a format, a field name, a string, a class's
// Symbol.toStringTag, a BigInt) is cut in messages, so that an uncaught error
// prints no line over 300 characters (tests/js/stack-traces.test.js builds
// the longest each message can be).

/**
 * `text` quoted as JSON, cut after about `most` characters of the quoted
 * text: escapes count as what they print (a control character is six), and
 * are never split; only what is shown is escaped, so a huge text costs little.
 */
export function quoteCut(text, most = 32) {
  let out = '';
  for (const ch of text) {
    const e = JSON.stringify(ch).slice(1, -1);
    if (out.length + e.length > most) return `"${out}..."`;
    out += e;
  }
  return `"${out}"`;
}

/** A record field's name for a message: quoted, and cut when long. */
export function quoteName(name) {
  return quoteCut(String(name));
}

/** Field names for a message: as many as fit in about `room` characters, then how many more. */
export function nameList(names, room = 48) {
  let shown = '';
  let k = 0;
  for (; k < names.length; k++) {
    const q = quoteName(names[k]);
    if (k > 0 && shown.length + q.length > room) break;
    shown += (k ? ', ' : '') + q;
  }
  return k < names.length ? `${shown} and ${names.length - k} more` : shown;
}

/** `arg.name` (or `arg["a name"]`) naming a record's field in a message. */
export function fieldPath(arg, name) {
  return /^[A-Za-z_$][\w$]{0,31}$/.test(name) ? `${arg}.${name}` : `${arg}[${quoteName(name)}]`;
}

/** A short description of a value for error messages. */
export function describe(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return value.length > 20 ? `a string of length ${value.length}` : quoteCut(value);
    case 'bigint': {
      const digits = String(value < 0n ? -value : value).length;
      return digits > 24 ? `a${value < 0n ? ' negative' : ''} BigInt of ${digits} digits` : `${value}n`;
    }
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return `an object (${quoteCut(Object.prototype.toString.call(value).slice(8, -1)).slice(1, -1)})`;
  }
}
