// The digest's chart (PRODUCT §4E): attendance per cell this month against last month, and a small
// 12-month trend of the ward, drawn by Apache ECharts' server-side SVG renderer and rasterised to
// PNG by resvg, with a bundled font (Be Vietnam Pro, TTF from an npm package) so that Vietnamese
// labels ("Khu phố", "Tháng 11/2026") render on a machine without any system font. Both libraries
// are loaded on first use (dynamic import), so start-up does not pay for them.
import { createRequire } from "node:module";
import { percent, periodLabel, type WardDigest } from "./arithmetic.ts";

export interface ChartLabels {
  title: string;
  thisMonth: string;
  lastMonth: string;
  trend: string;
}

const WIDTH = 1000;
const FONT_FAMILY = "Be Vietnam Pro";

const require = createRequire(import.meta.url);
let fonts: string[] | undefined;
/** The font files, resolved once in the installed package (no network, no system fonts). */
function fontFiles(): string[] {
  fonts ??= [
    "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf",
    "@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf",
  ].map((name) => require.resolve(name));
  return fonts;
}

/** Room for one cell's pair of bars. */
const ROW = 28;

/** The chart's height: room for every cell's pair of bars, then the trend below. */
export function chartHeight(cellCount: number): number {
  return 160 + Math.max(cellCount, 1) * ROW + 260;
}

/** The ECharts option: horizontal bars per cell (this month, last month) and the ward's trend line. */
export function chartOption(digest: WardDigest, labels: ChartLabels) {
  const cells = [...digest.cells].reverse();
  const barsHeight = Math.max(cells.length, 1) * ROW;
  const value = (v: number | null) => percent(v) ?? "-";
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY },
    title: [
      { text: labels.title, left: "center", top: 10, textStyle: { fontFamily: FONT_FAMILY, fontSize: 22 } },
      {
        text: labels.trend,
        left: 20,
        top: 120 + barsHeight,
        textStyle: { fontFamily: FONT_FAMILY, fontSize: 16 },
      },
    ],
    legend: { top: 50, data: [labels.thisMonth, labels.lastMonth], textStyle: { fontSize: 14 } },
    grid: [
      { left: 200, right: 60, top: 90, height: barsHeight },
      { left: 80, right: 60, top: 160 + barsHeight, height: 180 },
    ],
    xAxis: [
      { gridIndex: 0, type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      {
        gridIndex: 1,
        type: "category",
        data: digest.trend.map((p) => periodLabel(p.period)),
        axisLabel: { fontSize: 11 },
      },
    ],
    yAxis: [
      {
        gridIndex: 0,
        type: "category",
        data: cells.map((c) => c.name),
        axisLabel: { fontSize: 13, width: 180 },
      },
      { gridIndex: 1, type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      {
        name: labels.thisMonth,
        type: "bar",
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: cells.map((c) => value(c.attendance)),
        itemStyle: { color: "#c62828" },
        label: { show: true, position: "right", formatter: "{c}%" },
      },
      {
        name: labels.lastMonth,
        type: "bar",
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: cells.map((c) => value(c.previousAttendance)),
        itemStyle: { color: "#f9a825" },
      },
      {
        name: labels.trend,
        type: "line",
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: digest.trend.map((p) => value(p.attendance)),
        connectNulls: true,
        itemStyle: { color: "#1565c0" },
        label: { show: true, formatter: "{c}%", fontSize: 11 },
      },
    ],
  };
}

/** The chart as PNG bytes. */
export async function renderChart(digest: WardDigest, labels: ChartLabels): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import("echarts"), import("@resvg/resvg-js")]);
  const height = chartHeight(digest.cells.length);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  try {
    chart.setOption(chartOption(digest, labels));
    const svg = chart.renderToSVGString();
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: fontFiles(),
        loadSystemFonts: false,
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
      },
      background: "#ffffff",
    });
    return resvg.render().asPng();
  } finally {
    chart.dispose();
  }
}
