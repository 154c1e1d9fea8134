// A compact JSON form of any graph of plain objects, arrays, Sets and Maps that keeps shared
// references shared. The build stores the compiled rule packs this way, so a run decodes them
// instead of compiling every pattern again (the largest part of start-up).
//
// Every container becomes one node, a flat array tagged by its first item: 'a' [...items],
// 's' [...members], 'm' [key, value, ...], 'o' [key, value, ...]. Inside a node a number n >= 0
// refers to node n, a number n < 0 to string -n - 1 of the shared string table (object keys
// and words repeat thousands of times), and a literal number is written as ['n', value].

type Node = (string | number | boolean | null | [string, number])[];
export interface Portable {
  strings: string[];
  nodes: Node[];
  root: number;
}

export function toPortable(root: object): Portable {
  const nodes: Node[] = [];
  const ids = new Map<object, number>();
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const text = (value: string): number => {
    let id = stringIds.get(value);
    if (id === undefined) {
      id = strings.length;
      strings.push(value);
      stringIds.set(value, id);
    }
    return -id - 1;
  };
  const encode = (value: unknown): Node[number] => {
    if (typeof value === 'number') return ['n', value];
    if (typeof value === 'string') return text(value);
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value !== 'object') throw new TypeError(`cannot store a ${typeof value}`);
    const known = ids.get(value);
    if (known !== undefined) return known;
    const id = nodes.length;
    ids.set(value, id);
    const node: Node = [];
    nodes.push(node);
    if (Array.isArray(value)) node.push('a', ...value.map(encode));
    else if (value instanceof Set) node.push('s', ...[...value].map(encode));
    else if (value instanceof Map) for (const [key, entry] of value) node.push(encode(key), encode(entry));
    else for (const [key, entry] of Object.entries(value)) if (entry !== undefined) node.push(text(key), encode(entry));
    if (value instanceof Map) node.unshift('m');
    else if (!Array.isArray(value) && !(value instanceof Set)) node.unshift('o');
    return id;
  };
  return { strings, nodes, root: encode(root) as number };
}

export function fromPortable<T>(portable: Portable): T {
  const built: unknown[] = new Array(portable.nodes.length);
  const decode = (value: Node[number]): unknown => {
    if (Array.isArray(value)) return value[1];
    if (typeof value !== 'number') return value;
    if (value < 0) return portable.strings[-value - 1];
    if (built[value] !== undefined) return built[value];
    const node = portable.nodes[value];
    switch (node[0]) {
      case 'a': {
        const array: unknown[] = [];
        built[value] = array;
        for (let index = 1; index < node.length; index++) array.push(decode(node[index]));
        return array;
      }
      case 's': {
        const set = new Set<unknown>();
        built[value] = set;
        for (let index = 1; index < node.length; index++) set.add(decode(node[index]));
        return set;
      }
      case 'm': {
        const map = new Map<unknown, unknown>();
        built[value] = map;
        for (let index = 1; index < node.length; index += 2) map.set(decode(node[index]), decode(node[index + 1]));
        return map;
      }
      default: {
        const object: Record<string, unknown> = {};
        built[value] = object;
        for (let index = 1; index < node.length; index += 2) object[decode(node[index]) as string] = decode(node[index + 1]);
        return object;
      }
    }
  };
  return decode(portable.root) as T;
}
