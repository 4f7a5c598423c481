import { SaxesParser } from "saxes";

/** XML parts as a small tree (saxes, the parser ExcelJS uses), for tests to walk. */

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (t) => {
    const el: El = {
      name: t.name,
      attrs: t.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

/** Every element named `name` under `el`, depth first. */
export function all(el: El, name: string): El[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

export function one(el: El, name: string): El {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`${found.length} <${name}> under <${el.name}>`);
  return found[0];
}

/** The direct child named `name`. */
export function kid(el: El, name: string): El {
  const found = el.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`${found.length} <${name}> in <${el.name}>`);
  return found[0];
}

export const val = (el: El, name: string): string | undefined => all(el, name)[0]?.attrs.val;
