/**
 * The offline manifest check (`npm run validate`). Microsoft's schemas are not on npm and
 * `office-addin-manifest validate` calls an online service, so this checks what those
 * schemas require of this manifest (element order, required children, attributes, resource
 * ids and lengths), what the documentation requires of it (shared runtime, requirement
 * sets, icon sizes) and what breaks a shared-runtime add-in silently. `npm run
 * validate:online` stays the full check where there is internet.
 *
 * Sources: OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd and
 * OfficeAppBasicTypesV1_0.xsd (office-js-docs-pr, docs/overview/schemas/taskpane), "How to
 * find the proper order of manifest elements", and "Configure your Office Add-in to use a
 * shared runtime".
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

/** CustomFunctions.Error (a message in the cell) needs CustomFunctionsRuntime 1.2. */
export const CUSTOM_FUNCTIONS_RUNTIME = "1.2";

export interface ManifestExpectations {
  /** The folder the manifest's icon files are served from (assets/ or dist/assets/). */
  assetsDir?: string;
  /** The ExcelApi set the manifest must declare (the add-in's MIN_EXCEL_API). */
  excelApi?: string;
}

/** One XML element, attributes without namespace prefixes (`xsi:type` is `type`). */
export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
});

function toElement(node: OrderedNode): Element | undefined {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return undefined;
  const kids = (node[name] as OrderedNode[]) ?? [];
  return {
    name,
    attrs: node[":@"] ?? {},
    children: kids.map(toElement).filter((e): e is Element => e !== undefined),
    text: kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join(""),
  };
}

export function parseManifest(xml: string): Element | undefined {
  const nodes = parser.parse(xml) as OrderedNode[];
  return nodes.map(toElement).find((e) => e?.name === "OfficeApp");
}

const child = (e: Element | undefined, name: string) => e?.children.find((c) => c.name === name);
const childrenNamed = (e: Element | undefined, name: string) =>
  e?.children.filter((c) => c.name === name) ?? [];

function* descendants(e: Element, trail: string[] = []): Generator<[Element, string[]]> {
  yield [e, trail];
  for (const c of e.children) yield* descendants(c, [...trail, e.name]);
}

/** A child element allowed in a sequence: name, minOccurs, maxOccurs. */
type Particle = [name: string, min: number, max: number];
const ONE = 1;
const MANY = Number.POSITIVE_INFINITY;

/**
 * The schemas' xs:sequence for each complex type this manifest uses. A child must be one
 * of these, in this order, as often as allowed. Keyed by the element's context (see
 * `typeOf`), because the same name means different types in different places.
 */
const SEQUENCES: Record<string, Particle[]> = {
  // OfficeApp (abstract) then its TaskPaneApp extension.
  TaskPaneApp: [
    ["Id", 1, ONE],
    ["AlternateId", 0, ONE],
    ["Version", 1, ONE],
    ["ProviderName", 1, ONE],
    ["DefaultLocale", 1, ONE],
    ["DisplayName", 1, ONE],
    ["Description", 1, ONE],
    ["IconUrl", 0, ONE],
    ["HighResolutionIconUrl", 0, ONE],
    ["SupportUrl", 0, ONE],
    ["AppDomains", 0, ONE],
    ["Hosts", 0, ONE],
    ["Requirements", 0, ONE],
    ["DefaultSettings", 1, ONE],
    ["Permissions", 1, ONE],
    ["Dictionary", 0, ONE],
    ["VersionOverrides", 0, ONE],
  ],
  LocaleAwareSetting: [["Override", 0, MANY]],
  AppDomains: [["AppDomain", 1, MANY]],
  "OfficeApp.Hosts": [["Host", 1, MANY]],
  "OfficeApp.Host": [],
  Requirements: [
    ["Sets", 0, ONE],
    ["Methods", 0, ONE],
  ],
  Sets: [["Set", 1, MANY]],
  Set: [],
  TaskPaneAppSettings: [["SourceLocation", 1, ONE]],
  VersionOverridesV1_0: [
    ["Description", 0, ONE],
    ["Requirements", 0, ONE],
    ["Hosts", 0, ONE],
    ["Resources", 0, ONE],
    ["WebApplicationInfo", 0, ONE],
    ["EquivalentAddins", 0, ONE],
    ["VersionOverrides", 0, ONE],
  ],
  "VersionOverrides.Hosts": [["Host", 1, MANY]],
  // Host (Runtimes, AllFormFactors), then the Workbook extension (DesktopFormFactor).
  Workbook: [
    ["Runtimes", 0, ONE],
    ["AllFormFactors", 0, ONE],
    ["DesktopFormFactor", 0, ONE],
  ],
  Runtimes: [["Runtime", 1, MANY]],
  Runtime: [["Override", 0, MANY]],
  AllFormFactors: [["ExtensionPoint", 0, ONE]],
  CustomFunctions: [
    ["Script", 1, ONE],
    ["Page", 1, ONE],
    ["Metadata", 0, ONE],
    ["Namespace", 0, ONE],
  ],
  SourceHolder: [["SourceLocation", 1, ONE]],
  FormFactor: [
    ["GetStarted", 0, ONE],
    ["FunctionFile", 0, ONE],
    ["ExtensionPoint", 1, MANY],
  ],
  GetStarted: [
    ["Title", 1, ONE],
    ["Description", 1, ONE],
    ["LearnMoreUrl", 1, ONE],
  ],
  PrimaryCommandSurface: [
    ["OfficeTab", 0, MANY],
    ["CustomTab", 0, MANY],
  ],
  OfficeTab: [["Group", 1, MANY]],
  Group: [
    ["Label", 1, ONE],
    ["Icon", 1, ONE],
    ["Control", 1, MANY],
  ],
  Button: [
    ["Label", 1, ONE],
    ["Supertip", 1, ONE],
    ["Icon", 1, ONE],
    ["Action", 1, ONE],
  ],
  Supertip: [
    ["Title", 1, ONE],
    ["Description", 1, ONE],
  ],
  IconList: [["Image", 1, MANY]],
  ShowTaskpane: [
    ["TaskpaneId", 0, ONE],
    ["SourceLocation", 1, ONE],
    ["Title", 0, ONE],
  ],
  Resources: [
    ["Images", 0, ONE],
    ["Urls", 0, ONE],
    ["ShortStrings", 0, ONE],
    ["LongStrings", 0, ONE],
  ],
  Images: [["Image", 0, MANY]],
  Urls: [["Url", 0, MANY]],
  ShortStrings: [["String", 0, MANY]],
  LongStrings: [["String", 0, MANY]],
  ResourceWithId: [["Override", 0, MANY]],
  // Simple content, or a reference by resid: no child elements.
  Leaf: [],
};

/** The schema type of an element, from its name, its parents and its xsi:type. */
function typeOf(e: Element, trail: string[]): string | undefined {
  const parent = trail[trail.length - 1];
  const inOverrides = trail.includes("VersionOverrides");
  const type = e.attrs["type"];
  switch (e.name) {
    case "OfficeApp":
      return type === "TaskPaneApp" ? "TaskPaneApp" : undefined;
    case "VersionOverrides":
      return type === "VersionOverridesV1_0" ? "VersionOverridesV1_0" : undefined;
    case "Hosts":
      return inOverrides ? "VersionOverrides.Hosts" : "OfficeApp.Hosts";
    case "Host":
      if (!inOverrides) return "OfficeApp.Host";
      return type === "Workbook" ? "Workbook" : undefined;
    case "ExtensionPoint":
      return type === "CustomFunctions" || type === "PrimaryCommandSurface" ? type : undefined;
    case "Control":
      return type === "Button" ? "Button" : undefined;
    case "Action":
      return type === "ShowTaskpane" ? "ShowTaskpane" : undefined;
    case "DesktopFormFactor":
      return "FormFactor";
    case "Script":
    case "Page":
    case "Metadata":
      return "SourceHolder";
    case "DefaultSettings":
      return "TaskPaneAppSettings";
    case "Icon":
      return "IconList";
    case "DisplayName":
    case "IconUrl":
    case "HighResolutionIconUrl":
    case "SupportUrl":
      return parent === "OfficeApp" ? "LocaleAwareSetting" : "Leaf";
    case "Description":
    case "SourceLocation":
      return inOverrides ? "Leaf" : "LocaleAwareSetting";
    case "Image":
    case "Url":
    case "String":
      return ["Images", "Urls", "ShortStrings", "LongStrings"].includes(parent)
        ? "ResourceWithId"
        : "Leaf";
    default:
      if (SEQUENCES[e.name]) return e.name;
      return e.children.length === 0 ? "Leaf" : undefined;
  }
}

function where(e: Element, trail: string[]): string {
  const type = e.attrs["type"];
  return [...trail, type ? `${e.name}[${type}]` : e.name].join(" > ");
}

/** Checks the children of `e` against its type's sequence: allowed, in order, counted. */
function checkSequence(e: Element, trail: string[], problems: string[]): void {
  const type = typeOf(e, trail);
  if (!type) {
    problems.push(`${where(e, trail)}: not an element this check knows the schema of`);
    return;
  }
  const sequence = SEQUENCES[type];
  const counts = new Map<string, number>();
  let at = 0;
  for (const c of e.children) {
    let i = at;
    while (i < sequence.length && sequence[i][0] !== c.name) i++;
    if (i === sequence.length) {
      const allowed = sequence.map(([n]) => n);
      problems.push(
        allowed.includes(c.name)
          ? `${where(e, trail)}: <${c.name}> is out of order (the schema's order is ${allowed.join(", ")})`
          : `${where(e, trail)}: <${c.name}> is not allowed here` +
              (allowed.length ? ` (allowed: ${allowed.join(", ")})` : " (no child elements)")
      );
      continue;
    }
    at = i;
    counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  }
  for (const [name, min, max] of sequence) {
    const n = counts.get(name) ?? 0;
    if (n < min) problems.push(`${where(e, trail)}: <${name}> is required`);
    if (n > max) problems.push(`${where(e, trail)}: <${name}> may appear ${max} time(s), not ${n}`);
  }
}

/** Which resource collection a resid must name, by the element that holds it. */
function residKind(
  e: Element,
  trail: string[]
): "Urls" | "Images" | "ShortStrings" | "LongStrings" {
  const parent = trail[trail.length - 1];
  switch (e.name) {
    case "Image":
      return "Images";
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortStrings";
    case "Description":
      return parent === "GetStarted" || parent === "Supertip" || parent === "VersionOverrides"
        ? "LongStrings"
        : "ShortStrings";
    default:
      return "Urls";
  }
}

/** Width and height of a PNG file (from its IHDR chunk), or undefined if it is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const data = readFileSync(file);
  if (data.length < 24 || data.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Version "1.12" as a comparable number. */
export const versionNumber = (v: string): number => {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor ?? 0);
};

/** Problems with the manifest, in words; empty when it is sound. */
export function checkManifest(
  xml: string,
  assetsDirOrOptions?: string | ManifestExpectations
): string[] {
  const options: ManifestExpectations =
    typeof assetsDirOrOptions === "string"
      ? { assetsDir: assetsDirOrOptions }
      : (assetsDirOrOptions ?? {});
  const problems: string[] = [];
  const app = parseManifest(xml);
  if (!app) return ["no <OfficeApp> root element"];

  // 1. The schemas: every element's children allowed, in order, as often as allowed.
  for (const [e, trail] of descendants(app)) checkSequence(e, trail, problems);

  const overrides = child(app, "VersionOverrides");
  const resources = child(overrides, "Resources");
  const ITEM = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };
  const items = (group: keyof typeof ITEM) => childrenNamed(child(resources, group), ITEM[group]);
  const collection = (group: keyof typeof ITEM) =>
    new Map(items(group).map((n) => [n.attrs["id"], n.attrs["DefaultValue"]] as const));
  const kinds = {
    Images: collection("Images"),
    Urls: collection("Urls"),
    ShortStrings: collection("ShortStrings"),
    LongStrings: collection("LongStrings"),
  };
  const urls = kinds.Urls;
  const images = kinds.Images;
  const strings = new Map([...kinds.ShortStrings, ...kinds.LongStrings]);

  // 2. Resources: ids present, unique across all resources (Office resolves resid by id
  //    alone), at most 32 characters, values present and within the string types' lengths.
  const allIds: string[] = [];
  const LIMIT = { Images: 2048, Urls: 2048, ShortStrings: 125, LongStrings: 250 };
  for (const group of Object.keys(ITEM) as Array<keyof typeof ITEM>) {
    for (const item of items(group)) {
      const id = item.attrs["id"];
      const value = item.attrs["DefaultValue"];
      if (!id) problems.push(`a resource in <${group}> has no id`);
      else allIds.push(id);
      if (id && id.length > 32) problems.push(`resource id '${id}' is longer than 32 characters`);
      if (!value) problems.push(`resource '${id}' has no DefaultValue`);
      else if (value.length > LIMIT[group])
        problems.push(`resource '${id}' is longer than ${LIMIT[group]} characters`);
    }
  }
  const dupes = allIds.filter((id, i) => allIds.indexOf(id) !== i);
  for (const id of new Set(dupes)) problems.push(`resource id '${id}' is defined more than once`);

  // 3. Every resid resolves, to a resource of the kind its element needs.
  for (const [e, trail] of descendants(app)) {
    const r = e.attrs["resid"];
    if (r === undefined) continue;
    if (!urls.has(r) && !images.has(r) && !strings.has(r)) {
      problems.push(`resid '${r}' has no resource`);
      continue;
    }
    const kind = residKind(e, trail);
    if (!kinds[kind].has(r)) problems.push(`${where(e, trail)}: resid '${r}' is not in <${kind}>`);
  }

  // 4. Required attributes.
  for (const [e, trail] of descendants(app)) {
    const inOverrides = trail.includes("VersionOverrides");
    const needsResid = inOverrides
      ? ["SourceLocation", "Label", "Title", "LearnMoreUrl", "FunctionFile", "Runtime", "Namespace"]
      : [];
    if (
      (needsResid.includes(e.name) ||
        (inOverrides &&
          e.name === "Description" &&
          trail[trail.length - 1] !== "VersionOverrides") ||
        (e.name === "Image" && trail[trail.length - 1] === "Icon")) &&
      !e.attrs["resid"]
    )
      problems.push(`${where(e, trail)} needs a resid`);
    if (["Group", "Control", "OfficeTab"].includes(e.name) && !e.attrs["id"])
      problems.push(`${where(e, trail)} needs an id`);
    if (
      !inOverrides &&
      [
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "SourceLocation",
      ].includes(e.name) &&
      !e.attrs["DefaultValue"]
    )
      problems.push(`${where(e, trail)} needs a DefaultValue`);
    if (e.name === "Set" && !e.attrs["Name"]) problems.push(`${where(e, trail)} needs a Name`);
  }

  // 5. Icons: every control and group has the mandatory sizes 16, 32 and 80.
  for (const [e, trail] of descendants(app)) {
    if (e.name !== "Icon") continue;
    const sizes = childrenNamed(e, "Image").map((i) => i.attrs["size"]);
    for (const size of ["16", "32", "80"])
      if (!sizes.includes(size)) problems.push(`${where(e, trail)} has no ${size}px image`);
  }

  // 6. Requirements: what the add-in uses, declared.
  const setsElement = child(child(app, "Requirements"), "Sets");
  const defaultMin = setsElement?.attrs["DefaultMinVersion"] ?? "1.1";
  const sets = new Map(
    childrenNamed(setsElement, "Set").map(
      (s) => [s.attrs["Name"], s.attrs["MinVersion"] ?? defaultMin] as const
    )
  );
  if (!sets.has("SharedRuntime")) problems.push("Requirements lack the SharedRuntime set");
  const cfRuntime = sets.get("CustomFunctionsRuntime");
  if (!cfRuntime || versionNumber(cfRuntime) < versionNumber(CUSTOM_FUNCTIONS_RUNTIME))
    problems.push(
      `Requirements must declare CustomFunctionsRuntime ${CUSTOM_FUNCTIONS_RUNTIME} (CustomFunctions.Error), not ${cfRuntime ?? "none"}`
    );
  if (options.excelApi && sets.get("ExcelApi") !== options.excelApi)
    problems.push(
      `Requirements must declare ExcelApi ${options.excelApi}, not ${sets.get("ExcelApi") ?? "none"}`
    );

  // 7. Shared runtime: one long-lived runtime, and the task pane page, the functions page
  //    and the command FunctionFile are all that same page.
  const host = child(child(overrides, "Hosts"), "Host");
  const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs["lifetime"] !== "long")
    problems.push('the <Runtime> must have lifetime="long"');
  const runtimeId = runtime?.attrs["resid"];

  const cf = childrenNamed(child(host, "AllFormFactors"), "ExtensionPoint").find(
    (e) => e.attrs["type"] === "CustomFunctions"
  );
  if (!cf) problems.push("no CustomFunctions extension point");
  const pageId = child(child(cf, "Page"), "SourceLocation")?.attrs["resid"];
  const functionFileId = child(child(host, "DesktopFormFactor"), "FunctionFile")?.attrs["resid"];
  const taskpaneActions = [...descendants(app)]
    .map(([e]) => e)
    .filter((e) => e.name === "Action" && e.attrs["type"] === "ShowTaskpane");
  const taskpaneIds = taskpaneActions.map((a) => child(a, "SourceLocation")?.attrs["resid"]);
  for (const [what, id] of [
    ["custom functions <Page>", pageId],
    ["<FunctionFile>", functionFileId],
    ...taskpaneIds.map((id) => ["task pane action", id] as const),
  ] as const) {
    if (id !== runtimeId)
      problems.push(`${what} uses resid '${id}', not the shared runtime's '${runtimeId}'`);
  }
  if (taskpaneIds.length === 0) problems.push("no ribbon button opens the task pane");
  // The shared runtime has one task pane: a ShowTaskpane without a TaskpaneId counts as
  // another one. The docs and the shared-runtime template name it ButtonId1.
  for (const a of taskpaneActions)
    if (!child(a, "TaskpaneId")?.text)
      problems.push("the task pane action has no <TaskpaneId>: it would open a second task pane");
  const paneIds = new Set(taskpaneActions.map((a) => child(a, "TaskpaneId")?.text));
  if (paneIds.size > 1) problems.push("task pane actions name different task panes");
  const defaultPage = child(child(app, "DefaultSettings"), "SourceLocation")?.attrs["DefaultValue"];
  if (runtimeId && defaultPage !== urls.get(runtimeId))
    problems.push(`<DefaultSettings> loads '${defaultPage}', not the shared runtime's page`);

  const namespaceId = cf && child(cf, "Namespace")?.attrs["resid"];
  if (!namespaceId || strings.get(namespaceId) !== "ESTAB")
    problems.push(
      `custom functions namespace is '${namespaceId && strings.get(namespaceId)}', not 'ESTAB'`
    );

  // 8. Every location is HTTPS.
  const locations = [
    ...urls.values(),
    ...images.values(),
    ...[...descendants(app)]
      .map(([e]) => e)
      .filter((e) =>
        ["SourceLocation", "IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(e.name)
      )
      .map((e) => e.attrs["DefaultValue"])
      .filter((v): v is string => typeof v === "string"),
  ];
  for (const url of locations)
    if (!url.startsWith("https://")) problems.push(`'${url}' is not HTTPS`);

  // 9. Icon files exist, as PNGs of the size they are used at.
  if (options.assetsDir) {
    const wanted = new Map<string, Set<number>>();
    const want = (url: string | undefined, size: number) => {
      if (!url) return;
      if (!wanted.has(url)) wanted.set(url, new Set());
      wanted.get(url)?.add(size);
    };
    want(child(app, "IconUrl")?.attrs["DefaultValue"], 32);
    want(child(app, "HighResolutionIconUrl")?.attrs["DefaultValue"], 64);
    for (const [e, trail] of descendants(app))
      if (e.name === "Image" && trail[trail.length - 1] === "Icon")
        want(images.get(e.attrs["resid"]), Number(e.attrs["size"]));
    for (const url of images.values()) if (!wanted.has(url)) wanted.set(url, new Set());
    for (const [url, sizes] of wanted) {
      const file = path.join(options.assetsDir, path.basename(new URL(url).pathname));
      if (!existsSync(file)) {
        problems.push(`icon ${url} has no file ${file}`);
        continue;
      }
      const size = pngSize(file);
      if (!size) problems.push(`icon ${file} is not a PNG`);
      else
        for (const s of sizes)
          if (size.width !== s || size.height !== s)
            problems.push(`icon ${file} is ${size.width}×${size.height}, used at ${s}×${s}`);
    }
  }

  const id = child(app, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> '${id}' is not a GUID`);
  return problems;
}
