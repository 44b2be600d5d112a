// Where a StrArray's items lie in its buffer (SPEC §5): an offset before
// item 0, a stride from one item to the next, and for a column of a record
// array the field's place in each record.
import { toIndex, toInt } from '../core/args.js';
import { argError, describe, nameList } from '../core/errors.js';

/**
 * The geometry of the options objects that column() and loads make, kept
 * here, not on the object: an options object a user makes (a Proxy too) can
 * never carry one, and its getters never see anything of the package's.
 */
const columns = new WeakMap();

/** `options` (names, strings, int64: made by the package) made to give an array geometry `geo` (column(), loads). */
export function geometryOptions(geo, options) {
  columns.set(options, geo);
  return options;
}

/**
 * Where items lie (see StrArray#geo), from options.offset, options.stride
 * and options.length (at most that many items: `limit`), or a column's.
 */
export function geometry(options, size, fn) {
  const col = options !== null && typeof options === 'object' ? columns.get(options) : undefined;
  if (col !== undefined) return { ...col, plain: false };
  const origin = toInt(options?.offset, fn, 'options.offset', 0);
  const stride = toInt(options?.stride, fn, 'options.stride', size);
  const limit = toInt(options?.length, fn, 'options.length', Infinity);
  if (origin < 0) throw argError(RangeError, fn, 'options.offset', `must be >= 0, got ${origin}`);
  if (stride < size) throw argError(RangeError, fn, 'options.stride', `must be at least the item size (${size}), got ${stride}`);
  if (limit < 0) throw argError(RangeError, fn, 'options.length', `must be >= 0, got ${limit}`);
  return { origin, stride, lead: 0, span: size, limit, plain: origin === 0 && stride === size && limit === Infinity };
}

/**
 * The format and options of column `field` (a name, or a position) of a
 * record array: the field's own format (its byte order kept; an s or p field
 * stays a one-value record) over the parent's records, its strings and
 * int64 options and its length.
 */
export function columnOf(layout, options, geo, field) {
  if (layout.acc !== null) throw new TypeError(`StrArray.column(): format ${layout.quoted} is a scalar format, not a record`);
  const { names, strings, int64 } = options;
  const k =
    typeof field === 'string' && names !== undefined
      ? names.indexOf(field)
      : typeof field === 'number'
        ? toIndex(field, layout.valueCount, 'StrArray.column')
        : -1;
  if (k < 0)
    throw new TypeError(
      `StrArray.column(): no field ${describe(field)} (${names === undefined ? 'give a position' : `fields: ${nameList(names)}`})`,
    );
  const f = layout.field(k); // from the runs: no per-value list for one column
  const format = `${layout.prefix}${f.code === 's' || f.code === 'p' ? f.size : ''}${f.code}`;
  return { format, options: geometryOptions({ ...geo, lead: geo.lead + f.offset }, { strings, int64 }) };
}
