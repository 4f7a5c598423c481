/**
 * The few ExcelJS 4.4 internals the streaming writer's table support uses
 * (src/xlsx/stream-tables.ts). ExcelJS ships no typings for them; these declare only
 * what is called. test/xlsx/stream.test.ts fails if an upgrade moves them.
 */
declare module "exceljs/lib/xlsx/xform/table/table-xform" {
  class TableXform {
    prepare(model: unknown, options: object): void;
    toXml(model: unknown): string;
  }
  export = TableXform;
}

declare module "exceljs/lib/xlsx/xform/core/content-types-xform" {
  class ContentTypesXform {
    toXml(model: unknown): string;
  }
  export = ContentTypesXform;
}

declare module "exceljs/lib/xlsx/xform/list-xform" {
  class ListXform {
    constructor(options: { tag: string; count?: boolean; childXform: unknown });
    toXml(model: unknown): string;
  }
  export = ListXform;
}

declare module "exceljs/lib/xlsx/xform/sheet/table-part-xform" {
  class TablePartXform {}
  export = TablePartXform;
}

declare module "exceljs/lib/xlsx/rel-type" {
  const RelType: { Table: string };
  export = RelType;
}
