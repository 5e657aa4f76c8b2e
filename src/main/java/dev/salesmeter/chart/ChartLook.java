package dev.salesmeter.chart;

import com.pngencoder.PngEncoder;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HorizontalBarStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of every chart: white, large type that stays readable as a chat thumbnail, the
 * Okabe–Ito palette (told apart with every common colour blindness), light grid lines, and axis
 * numbers and money in the workspace's locale.
 */
public final class ChartLook {
  /** The size of a single chart, in pixels. */
  public static final int WIDTH = 1000;

  public static final int HEIGHT = 600;

  /** Okabe–Ito, in the order series take them: blue, orange, green, vermillion, purple, sky. */
  public static final Color BLUE = new Color(0x0072B2);

  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color GREEN = new Color(0x009E73);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color PURPLE = new Color(0xCC79A7);
  public static final Color SKY = new Color(0x56B4E9);

  /** For what is shown only to compare with: the period before, a target line. */
  public static final Color FAINT = new Color(0xB8C4CE);

  public static final Color TEXT = new Color(0x1F2933);
  private static final Color GRID = new Color(0xE4E7EB);

  private static final String FONT = "DejaVu Sans";

  private ChartLook() {}

  public static Font font(int size, boolean bold) {
    return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, size);
  }

  /** A bar chart in the common look. */
  public static CategoryChart bars(String title, Formats formats) {
    CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    style(chart.getStyler(), formats);
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setLabelsFont(font(15, true));
    chart.getStyler().setLabelsFontColor(TEXT);
    return chart;
  }

  /** Where a bar's value label sits, as a share of the bar's length: just past its end. */
  private static final double PAST_THE_BAR = 1.05;

  /**
   * Each bar's value just past its end, in dark type: a zero is written on the axis rather than
   * missing, and a bar too short to hold its label does not clip it. Leave room beyond the longest
   * bar (the axis maximum) for its label.
   */
  public static void valueLabels(CategoryStyler styler) {
    styler.setLabelsVisible(true);
    styler.setLabelsPosition(PAST_THE_BAR);
    styler.setLabelsFontColorAutomaticEnabled(false);
    styler.setLabelsFontColor(TEXT);
  }

  /** As {@link #valueLabels(CategoryStyler)}, for horizontal bars. */
  public static void valueLabels(HorizontalBarStyler styler) {
    styler.setLabelsVisible(true);
    styler.setLabelsPosition(PAST_THE_BAR);
    styler.setLabelsFontColorAutomaticEnabled(false);
    styler.setLabelsFontColor(TEXT);
  }

  /** Horizontal bars in the common look, for rankings: the first category is drawn on top. */
  public static HorizontalBarChart horizontalBars(
      String title, Formats formats, int width, int height) {
    HorizontalBarChart chart = new HorizontalBarChart(width, height);
    chart.setTitle(title);
    style(chart.getStyler(), formats);
    return chart;
  }

  /** The height of a row of a ranking: every rep gets one, so every name can be read. */
  public static final int ROW_HEIGHT = 26;

  private static final int MAX_HEIGHT = 1_600;
  private static final int LONGEST_NAME = 24;

  /**
   * Horizontal bars, one row per name, the first on top: the picture grows with the rows (up to
   * 1,600 pixels), so that every name is written, however many reps there are.
   */
  public static HorizontalBarChart ranking(String title, Formats formats, int rows) {
    int height = Math.min(MAX_HEIGHT, Math.max(HEIGHT, 200 + ROW_HEIGHT * rows));
    HorizontalBarChart chart = horizontalBars(title, formats, WIDTH, height);
    chart.getStyler().setYAxisTickMarkSpacingHint(ROW_HEIGHT - 6);
    chart.getStyler().setXAxisTickMarkSpacingHint(ROW_HEIGHT - 6);
    chart.getStyler().setAvailableSpaceFill(0.75);
    chart.getStyler().setXAxisMin(0.0);
    return chart;
  }

  /** A name for an axis: what the font can draw, cut at 24 characters with an ellipsis. */
  public static String axisName(String name) {
    String drawn = drawable(name);
    return drawn.codePointCount(0, drawn.length()) <= LONGEST_NAME
        ? drawn
        : drawn.substring(0, drawn.offsetByCodePoints(0, LONGEST_NAME - 1)) + "…";
  }

  /**
   * A ranking for a cell of a grid picture: horizontal bars from zero, a smaller title, no legend,
   * every row named; the values are written by {@code values}.
   */
  public static HorizontalBarChart panelRanking(
      String title, Formats formats, int width, int height, Function<Double, String> values) {
    HorizontalBarChart chart = horizontalBars(title, formats, width, height);
    chart.getStyler().setChartTitleFont(font(20, true));
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisTickLabelsFormattingFunction(values);
    chart.getStyler().setYAxisTickMarkSpacingHint(20);
    chart.getStyler().setXAxisTickMarkSpacingHint(20);
    return chart;
  }

  /** Lines or points in the common look. */
  public static XYChart lines(String title, Formats formats) {
    XYChart chart = new XYChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    style(chart.getStyler(), formats);
    chart.getStyler().setMarkerSize(8);
    return chart;
  }

  private static void style(AxesChartStyler styler, Formats formats) {
    styler.setLocale(formats.locale());
    styler.setAntiAlias(true);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(GRID);
    styler.setChartFontColor(TEXT);
    styler.setAxisTickLabelsColor(TEXT);
    styler.setChartTitleFont(font(24, true));
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitlePadding(14);
    styler.setBaseFont(font(16, false));
    styler.setLegendFont(font(16, false));
    styler.setAxisTitleFont(font(16, false));
    styler.setAxisTickLabelsFont(font(15, false));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartPadding(16);
    styler.setSeriesColors(new Color[] {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY});
    styler.setAxisTicksLineVisible(false);
  }

  /** Axis numbers as money in the workspace's format (the values are currency units). */
  public static Function<Double, String> money(Formats formats) {
    return units -> formats.money(Money.ofCents(Math.round(units * 100)));
  }

  /** Axis numbers as whole counts, or with one decimal where they have one. */
  public static Function<Double, String> number(Formats formats) {
    return value -> formats.number(BigDecimal.valueOf(value));
  }

  /** Axis numbers that count things: whole numbers only, the ticks between them unlabelled. */
  public static Function<Double, String> count(Formats formats) {
    return value -> value == Math.rint(value) ? formats.number(BigDecimal.valueOf(value)) : "";
  }

  /**
   * A name as the chart font can draw it: characters it has no glyph for (most emoji) are left out
   * rather than drawn as empty boxes.
   */
  public static String drawable(String name) {
    Font font = font(14, false);
    StringBuilder drawn = new StringBuilder();
    name.codePoints().filter(font::canDisplay).forEach(drawn::appendCodePoint);
    return drawn.toString().strip();
  }

  /**
   * A file name from what a chart shows: {@code fileName("revenue", "2026-03-01", "anna")} is
   * "revenue-2026-03-01-anna.png"; anything but letters and digits becomes a dash.
   */
  public static String fileName(Object... parts) {
    StringBuilder name = new StringBuilder();
    for (Object part : parts) {
      String safe = part.toString().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
      if (!safe.isEmpty()) {
        name.append(name.length() == 0 ? "" : "-").append(safe);
      }
    }
    return name + ".png";
  }

  /** The chart as a PNG, under a name that says what it shows (see {@link #fileName}). */
  public static Picture png(Chart<?, ?> chart, String fileName) {
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    return new Picture(fileName, encode(image));
  }

  /** A cell of a grid picture: a chart, or a note where there is nothing to chart. */
  @FunctionalInterface
  public interface Cell {
    void paint(Graphics2D g, int width, int height);
  }

  /**
   * A cell that says in words why there is no chart ("No activity yet in week 13"), under a title
   * in a panel's title font, instead of empty axes.
   */
  public static Cell note(String title, String message) {
    return (g, width, height) -> {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(TEXT);
      g.setFont(font(20, true));
      g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 40);
      g.setColor(GRID);
      g.drawRect(24, 64, width - 48, height - 88);
      g.setColor(TEXT);
      g.setFont(font(18, false));
      g.drawString(message, (width - g.getFontMetrics().stringWidth(message)) / 2, height / 2 + 12);
    };
  }

  /**
   * Several charts as one picture: a heading and a line under it, then the charts in a grid of
   * cells, row by row.
   */
  public static Picture grid(
      String heading,
      String subheading,
      List<? extends Chart<?, ?>> charts,
      int columns,
      int cellWidth,
      int cellHeight,
      String fileName) {
    List<Cell> cells = charts.stream().map(chart -> (Cell) chart::paint).toList();
    return gridOfCells(heading, subheading, cells, columns, cellWidth, cellHeight, fileName);
  }

  /** Cells, charts or notes, as one picture: as {@link #grid}. */
  public static Picture gridOfCells(
      String heading,
      String subheading,
      List<Cell> cells,
      int columns,
      int cellWidth,
      int cellHeight,
      String fileName) {
    int rows = (cells.size() + columns - 1) / columns;
    int top = 96;
    BufferedImage image =
        new BufferedImage(columns * cellWidth, top + rows * cellHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(TEXT);
      g.setFont(font(30, true));
      g.drawString(heading, 24, 44);
      g.setFont(font(20, false));
      g.drawString(subheading, 24, 78);
      for (int i = 0; i < cells.size(); i++) {
        Graphics2D cell =
            (Graphics2D)
                g.create(
                    (i % columns) * cellWidth,
                    top + (i / columns) * cellHeight,
                    cellWidth,
                    cellHeight);
        try {
          cells.get(i).paint(cell, cellWidth, cellHeight);
        } finally {
          cell.dispose();
        }
      }
    } finally {
      g.dispose();
    }
    return new Picture(fileName, encode(image));
  }

  /**
   * Draws and encodes one of each kind of chart, so that the first user's chart does not pay for
   * loading the classes, fonts and encoder (a few hundred milliseconds); call it in the background
   * at start-up.
   */
  public static void warmUp(Formats formats) {
    CategoryChart bars = bars("warm-up", formats);
    bars.addSeries("a", List.of("x", "y"), List.of(1, 2));
    HorizontalBarChart ranking = horizontalBars("warm-up", formats, 400, 300);
    ranking.addSeries("a", List.of(1, 2), List.of("x", "y"));
    XYChart lines = lines("warm-up", formats);
    lines.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
    lines.getStyler().setYAxisTickLabelsFormattingFunction(money(formats));
    png(bars, "warm-up.png");
    png(ranking, "warm-up.png");
    grid("warm-up", "warm-up", List.of(lines), 1, 400, 300, "warm-up.png");
  }

  /** An image as a PNG: pngencoder, several times faster than the JDK's writer. */
  public static byte[] encode(BufferedImage image) {
    return new PngEncoder()
        .withBufferedImage(image)
        .withCompressionLevel(3)
        .withMultiThreadedCompressionEnabled(true)
        .toBytes();
  }
}
