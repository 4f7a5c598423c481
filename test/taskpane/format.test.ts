import { formatFigure, formatFigureShort } from "../../src/taskpane/format";

describe("figures in en-GB", () => {
  it("formats money, FTE, percentages and dates as the sheets do", () => {
    expect(formatFigure(1234567.891, "money")).toBe("£1,234,567.89");
    expect(formatFigure(-34567.89, "money")).toBe("-£34,567.89");
    expect(formatFigure(-0, "money")).toBe("£0.00");
    expect(formatFigure(70.1, "fte")).toBe("70.10");
    expect(formatFigure(0.9693, "percent")).toBe("96.9%");
    expect(formatFigure(1551.0174, "moneyK")).toBe("£1,551.0k");
    expect(formatFigure(45901, "date")).toBe("01/09/2025");
  });
});

describe("figures on the charts, short", () => {
  it("gives money in £k and £m, other figures as the sheets show them", () => {
    expect(formatFigureShort(2403767.22, "money")).toBe("£2.4m");
    expect(formatFigureShort(-78504.53, "money")).toBe("-£78.5k");
    expect(formatFigureShort(950, "money")).toBe("£950");
    expect(formatFigureShort(4.5, "fte")).toBe("4.50");
    expect(formatFigureShort(0.1914, "percent")).toBe("19.1%");
  });
});
