import { useEffect, useState } from "react";

export type ThemeName = "light" | "dark";

/**
 * Office gives the task pane its theme as colours (Office.context.officeTheme), not as a
 * name: a dark body background means a dark theme (Excel's "Black" and "Dark Grey").
 */
export function themeFromBackground(color: string | undefined): ThemeName {
  const match = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!match) return "light";
  const n = parseInt(match[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  // Relative luminance (sRGB weights, no gamma: plenty to tell dark from light).
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? "dark" : "light";
}

/** The browser's colour scheme, following changes while the page is open. */
export function usePrefersColorScheme(): ThemeName {
  const query = "(prefers-color-scheme: dark)";
  const [theme, setTheme] = useState<ThemeName>(() =>
    typeof window !== "undefined" && window.matchMedia?.(query).matches ? "dark" : "light"
  );
  useEffect(() => {
    const media = window.matchMedia?.(query);
    if (!media) return;
    const onChange = (e: MediaQueryListEvent) => setTheme(e.matches ? "dark" : "light");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
  return theme;
}

/** Styles for content read out by screen readers and not drawn (a chart's table of figures). */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
