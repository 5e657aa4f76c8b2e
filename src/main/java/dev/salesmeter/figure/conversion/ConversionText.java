package dev.salesmeter.figure.conversion;

import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import java.util.ArrayList;
import java.util.List;

/** The lead funnel in words: its steps as shares of the leads, and the change of lead to sale. */
final class ConversionText {
  private ConversionText() {}

  static FigureAnswer answer(ConversionResult result, Formats formats) {
    Messages messages = formats.messages();
    String periodWords = formats.period(result.period());
    String title = title(result, formats);
    Cohort cohort = result.cohort();
    if (cohort.leads() == 0) {
      return new FigureAnswer(
          title, messages.get("figure.conversion.none", periodWords), List.of());
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        messages.get(
            "figure.conversion.steps",
            cohort.leads(),
            cohort.appointments(),
            FigureText.share(formats, cohort.toAppointment()),
            cohort.quotes(),
            FigureText.share(formats, cohort.toQuote()),
            cohort.sales(),
            FigureText.share(formats, cohort.toSale())));
    if (cohort.appointments() > 0) {
      lines.add(
          messages.get(
              "figure.conversion.appointmentToSale",
              cohort.appointmentSales(),
              cohort.appointments(),
              FigureText.share(formats, cohort.appointmentToSale())));
    }
    if (cohort.open() > 0) {
      lines.add(
          messages.get(
              "figure.conversion.open",
              cohort.open(),
              cohort.leads(),
              FigureText.share(formats, cohort.stillOpen())));
    }
    lines.add(
        messages.get(
            "figure.conversion.compare",
            formats.periodShort(result.previousPeriod()),
            FigureText.pointsChange(formats, result.toSaleChange())));
    // The text says every number, so there is no block of key numbers to repeat them.
    return new FigureAnswer(title, String.join("\n", lines), List.of())
        .withChart(() -> ConversionChart.draw(result, formats, title));
  }

  static String title(ConversionResult result, Formats formats) {
    return FigureText.title(
        formats.messages(), "figure.conversion", result.rep(), formats.period(result.period()));
  }
}
