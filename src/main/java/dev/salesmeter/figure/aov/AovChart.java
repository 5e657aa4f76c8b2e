package dev.salesmeter.figure.aov;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.aov.AovResult.Kind;
import dev.salesmeter.figure.aov.AovResult.RepOrders;
import dev.salesmeter.store.Rep;
import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Gatherers and hunters (KPIS.md figure 3): each rep a point, orders (x) against mean order value
 * (y), with the reps' two medians as lines. Gatherers sit bottom right, hunters top left. With many
 * reps only those that matter carry a name: the clearest gatherers and hunters, and the best and
 * weakest by total; every point stays on the chart.
 */
final class AovChart {
  private static final int ALL_NAMED_UP_TO = 12;
  private static final int EXTREMES_NAMED = 4;

  private AovChart() {}

  static Picture draw(AovResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    XYChart chart = ChartLook.lines(title, formats);
    chart.setXAxisTitle(messages.get("chart.aov.orders"));
    chart.setYAxisTitle(messages.get("chart.aov.mean"));
    List<RepOrders> reps = result.reps();
    Optional<RepOrders> asked = result.asked();
    List<RepOrders> others =
        reps.stream().filter(r -> asked.map(a -> a != r).orElse(true)).toList();
    // Where one rep is asked, the team stays on the chart, faint, to place them among it.
    if (!others.isEmpty()) {
      XYSeries points =
          chart.addSeries(
              messages.get("chart.aov.reps"),
              others.stream().map(r -> (double) r.count()).toList(),
              others.stream().map(AovChart::units).toList());
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE);
      points.setMarkerColor(asked.isPresent() ? ChartLook.FAINT : ChartLook.BLUE);
    }
    asked.ifPresent(
        rep -> {
          XYSeries own =
              chart.addSeries(
                  // never the other series' name, whatever the rep is called
                  messages.get("chart.aov.reps") + " (" + rep.rep().displayName() + ")",
                  List.of((double) rep.count()),
                  List.of(units(rep)));
          own.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          own.setMarker(SeriesMarkers.CIRCLE);
          own.setMarkerColor(ChartLook.BLUE);
        });
    chart.getStyler().setMarkerSize(16);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    chart.getStyler().setAnnotationLineColor(ChartLook.ORANGE);
    chart.getStyler().setAnnotationLineStroke(new BasicStroke(2f));
    chart.getStyler().setAnnotationTextFont(ChartLook.font(14, false));
    chart.getStyler().setAnnotationTextFontColor(ChartLook.TEXT);
    double countMedian = result.countMedian().doubleValue();
    double valueMedian = result.valueMedian().doubleValue() / 100;
    chart.addAnnotation(new AnnotationLine(countMedian, true, false));
    chart.addAnnotation(new AnnotationLine(valueMedian, false, false));
    double maxCount = reps.stream().mapToDouble(RepOrders::count).max().orElse(1);
    double maxMean = reps.stream().mapToDouble(AovChart::units).max().orElse(1);
    // Room above the highest point, and right of the busiest rep, for the names.
    double yMax = maxMean * 1.2;
    double xMax = maxCount + Math.max(1, maxCount * 0.15);
    chart.getStyler().setYAxisMax(yMax);
    chart.getStyler().setXAxisMax(xMax);
    // Each median line says what it is: the orders' at the top, the value's at the right.
    chart.addAnnotation(
        new AnnotationText(
            messages.get(
                "chart.aov.countMedian", formats.number(result.countMedian().stripTrailingZeros())),
            countMedian,
            yMax * 0.97,
            false));
    chart.addAnnotation(
        new AnnotationText(
            messages.get(
                "chart.aov.valueMedian",
                FigureText.money(formats, result.valueMedian(), result.wholeAmounts())),
            xMax * 0.9,
            valueMedian + yMax * 0.035,
            false));
    // The quadrants are named in their corners of the picture (pixels from the bottom left),
    // away from the points.
    chart.addAnnotation(
        new AnnotationText(messages.get("chart.aov.hunters"), 300, ChartLook.HEIGHT - 118, true));
    chart.addAnnotation(
        new AnnotationText(messages.get("chart.aov.gatherers"), ChartLook.WIDTH - 200, 95, true));
    Set<RepOrders> named =
        asked.isPresent()
            ? Set.of(asked.get())
            : named(reps, result.countMedian(), result.valueMedian());
    for (RepOrders rep : named) {
      // The name just above its point.
      chart.addAnnotation(
          new AnnotationText(
              ChartLook.drawable(rep.rep().displayName()),
              rep.count(),
              units(rep) + maxMean * 0.04,
              false));
    }
    Period period = result.period();
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "aov", period.start(), period.end(), result.rep().map(Rep::displayName).orElse("")));
  }

  /** The rep's mean order in currency units, for drawing. */
  private static double units(RepOrders rep) {
    return rep.mean().doubleValue() / 100;
  }

  /**
   * All reps when they are few; else the clearest gatherers (most orders) and hunters (highest
   * mean), four of each, and the best and weakest by total.
   */
  private static Set<RepOrders> named(
      List<RepOrders> reps, BigDecimal countMedian, BigDecimal valueMedian) {
    if (reps.size() <= ALL_NAMED_UP_TO) {
      return new HashSet<>(reps);
    }
    Set<RepOrders> named = new HashSet<>();
    reps.stream()
        .filter(rep -> rep.kind() == Kind.GATHERER)
        .sorted(Comparator.comparingLong(RepOrders::count).reversed())
        .limit(EXTREMES_NAMED)
        .forEach(named::add);
    reps.stream()
        .filter(rep -> rep.kind() == Kind.HUNTER)
        .sorted(Comparator.comparing(RepOrders::mean).reversed())
        .limit(EXTREMES_NAMED)
        .forEach(named::add);
    reps.stream().max(Comparator.comparing(r -> r.total().cents())).ifPresent(named::add);
    reps.stream().min(Comparator.comparing(r -> r.total().cents())).ifPresent(named::add);
    return named;
  }
}
