package dev.salesmeter.store;

import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Percentage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an event carries besides its kind, customer and amount; most fields fit one kind only. */
public record EventDetails(
    boolean crossSell,
    Optional<Percentage> margin,
    Optional<String> source,
    Optional<String> reason,
    Optional<FollowUpKind> followUpKind,
    List<String> products,
    Optional<String> label) {

  public static final EventDetails NONE =
      new EventDetails(
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty());

  public EventDetails {
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(followUpKind, "followUpKind");
    products = List.copyOf(products);
    Objects.requireNonNull(label, "label");
  }
}
