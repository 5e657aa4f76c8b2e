package dev.salesmeter.figure.conversion;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.Share;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The lead funnel of a period's cohort and of the period before's.
 *
 * @param cohort the leads received in the period, and what each reached up to now
 * @param previous the same of the period before
 */
public record ConversionResult(Period period, Optional<Rep> rep, Cohort cohort, Cohort previous)
    implements FigureResult {
  /**
   * A cohort's counts: its leads, how many of them got an appointment, a quote and a sale, how many
   * with an appointment were sold, and how many are neither won nor lost.
   */
  public record Cohort(
      long leads, long appointments, long quotes, long sales, long appointmentSales, long open) {
    public Share toAppointment() {
      return new Share(appointments, leads);
    }

    public Share toQuote() {
      return new Share(quotes, leads);
    }

    public Share toSale() {
      return new Share(sales, leads);
    }

    public Share appointmentToSale() {
      return new Share(appointmentSales, appointments);
    }

    public Share stillOpen() {
      return new Share(open, leads);
    }
  }

  /** Lead to sale against the period before, in points; empty when that had no leads. */
  public Optional<BigDecimal> toSaleChange() {
    return cohort.toSale().pointsSince(previous.toSale());
  }
}
