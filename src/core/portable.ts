// A JSON-safe form of any graph of plain objects, arrays, Sets and Maps that keeps shared
// references shared. The build stores the compiled rule packs this way, so a run decodes them
// instead of compiling every pattern again (the largest part of start-up).

type Node = { a: unknown[] } | { s: unknown[] } | { m: [unknown, unknown][] } | { o: Record<string, unknown> };
type Ref = { r: number };
export interface Portable {
  nodes: Node[];
  root: unknown;
}

const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && 'r' in value && Object.keys(value).length === 1;

export function toPortable(root: unknown): Portable {
  const nodes: Node[] = [];
  const ids = new Map<object, number>();
  const encode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(`cannot store a ${typeof value}`);
      return value;
    }
    const known = ids.get(value);
    if (known !== undefined) return { r: known };
    const id = nodes.length;
    ids.set(value, id);
    nodes.push({ a: [] });
    if (Array.isArray(value)) nodes[id] = { a: value.map(encode) };
    else if (value instanceof Set) nodes[id] = { s: [...value].map(encode) };
    else if (value instanceof Map) nodes[id] = { m: [...value].map(([key, entry]) => [encode(key), encode(entry)] as [unknown, unknown]) };
    else {
      const object: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) if (entry !== undefined) object[key] = encode(entry);
      nodes[id] = { o: object };
    }
    return { r: id };
  };
  return { nodes, root: encode(root) };
}

export function fromPortable<T>(portable: Portable): T {
  const built: unknown[] = new Array(portable.nodes.length);
  const decode = (value: unknown): unknown => {
    if (!isRef(value)) return value;
    if (built[value.r] !== undefined) return built[value.r];
    const node = portable.nodes[value.r];
    if ('a' in node) {
      const array: unknown[] = [];
      built[value.r] = array;
      for (const item of node.a) array.push(decode(item));
      return array;
    }
    if ('s' in node) {
      const set = new Set<unknown>();
      built[value.r] = set;
      for (const item of node.s) set.add(decode(item));
      return set;
    }
    if ('m' in node) {
      const map = new Map<unknown, unknown>();
      built[value.r] = map;
      for (const [key, entry] of node.m) map.set(decode(key), decode(entry));
      return map;
    }
    const object: Record<string, unknown> = {};
    built[value.r] = object;
    for (const [key, entry] of Object.entries(node.o)) object[key] = decode(entry);
    return object;
  };
  return decode(portable.root) as T;
}
