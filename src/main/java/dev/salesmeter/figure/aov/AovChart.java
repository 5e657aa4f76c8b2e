package dev.salesmeter.figure.aov;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.aov.AovFigure.Orders;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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

  static Picture draw(
      Formats formats,
      String title,
      Period period,
      List<Orders> reps,
      double countMedian,
      double valueMedian) {
    Messages messages = formats.messages();
    XYChart chart = ChartLook.lines(title, formats);
    chart.setXAxisTitle(messages.get("chart.aov.orders"));
    chart.setYAxisTitle(messages.get("chart.aov.mean"));
    List<Orders> kind = reps.stream().filter(r -> r.count() > 0).toList();
    XYSeries points =
        chart.addSeries(
            messages.get("chart.aov.reps"),
            kind.stream().map(r -> (double) r.count()).toList(),
            kind.stream().map(r -> r.mean() / 100).toList());
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(ChartLook.BLUE);
    chart.getStyler().setMarkerSize(14);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    chart.getStyler().setAnnotationLineColor(ChartLook.ORANGE);
    chart.getStyler().setAnnotationTextFont(ChartLook.font(14, false));
    chart.getStyler().setAnnotationTextFontColor(ChartLook.TEXT);
    chart.addAnnotation(new AnnotationLine(countMedian, true, false));
    chart.addAnnotation(new AnnotationLine(valueMedian / 100, false, false));
    double maxCount = kind.stream().mapToDouble(Orders::count).max().orElse(1);
    double maxMean = kind.stream().mapToDouble(r -> r.mean() / 100).max().orElse(1);
    // Room above the highest point, and right of the busiest rep, for the names.
    chart.getStyler().setYAxisMax(maxMean * 1.2);
    chart.getStyler().setXAxisMax(maxCount + Math.max(1, maxCount * 0.15));
    // The quadrants are named in their corners of the picture (pixels from the bottom left),
    // away from the points.
    chart.addAnnotation(
        new AnnotationText(messages.get("chart.aov.hunters"), 300, ChartLook.HEIGHT - 118, true));
    chart.addAnnotation(
        new AnnotationText(messages.get("chart.aov.gatherers"), ChartLook.WIDTH - 200, 95, true));
    for (Orders rep : named(kind, countMedian, valueMedian)) {
      // The name just above its point.
      chart.addAnnotation(
          new AnnotationText(
              ChartLook.drawable(rep.rep()),
              rep.count(),
              rep.mean() / 100 + maxMean * 0.04,
              false));
    }
    return ChartLook.png(chart, ChartLook.fileName("aov", period.start(), period.end()));
  }

  /**
   * All reps when they are few; else the clearest gatherers (most orders) and hunters (highest
   * mean), four of each, and the best and weakest by total.
   */
  private static Set<Orders> named(List<Orders> reps, double countMedian, double valueMedian) {
    if (reps.size() <= ALL_NAMED_UP_TO) {
      return new HashSet<>(reps);
    }
    Set<Orders> named = new HashSet<>();
    reps.stream()
        .filter(rep -> rep.count() > countMedian && rep.mean() < valueMedian)
        .sorted(Comparator.comparingLong(Orders::count).reversed())
        .limit(EXTREMES_NAMED)
        .forEach(named::add);
    reps.stream()
        .filter(rep -> rep.count() < countMedian && rep.mean() > valueMedian)
        .sorted(Comparator.comparingDouble(Orders::mean).reversed())
        .limit(EXTREMES_NAMED)
        .forEach(named::add);
    reps.stream().max(Comparator.comparingLong(Orders::total)).ifPresent(named::add);
    reps.stream().min(Comparator.comparingLong(Orders::total)).ifPresent(named::add);
    return named;
  }
}
