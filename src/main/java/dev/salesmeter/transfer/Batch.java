package dev.salesmeter.transfer;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.store.EventImport;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a file's rows became, in the order they are to be appended, each with where in the
 * file it came from, so that a rule the store applies can be reported at its line.
 */
final class Batch {
  /**
   * Where an event came from.
   *
   * @param customerColumn the header of the customer's column
   * @param customer the customer's name as the file writes it, if the event has one
   * @param referenceColumn the header of the column naming an earlier event (voids, replaces)
   * @param reference that event's number in the file
   */
  record Origin(
      long line,
      EventKind kind,
      String customerColumn,
      String customer,
      String referenceColumn,
      String reference) {}

  private final List<EventImport.Item> items = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();

  void add(EventImport.Item item, Origin origin) {
    items.add(item);
    origins.add(origin);
  }

  int size() {
    return items.size();
  }

  List<EventImport.Item> items() {
    return items;
  }

  Origin origin(int index) {
    return origins.get(index);
  }
}
