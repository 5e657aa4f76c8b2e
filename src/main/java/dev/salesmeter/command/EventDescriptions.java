package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.LoggedEvent;
import dev.salesmeter.store.OpportunityLink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a logged event the way confirmations echo it, so a misread amount, customer or date is
 * seen at once: "Sale #12: € 4.200,50 — Bakkerij Jansen (anna), cross-sell".
 */
final class EventDescriptions {
  private final Formats formats;
  private final Messages messages;
  private final ZoneId zone;
  private final Instant now;

  EventDescriptions(Formats formats, ZoneId zone, Instant now) {
    this.formats = formats;
    this.messages = formats.messages();
    this.zone = zone;
    this.now = now;
  }

  /** The kind's word: "Sale", "Verkoop". */
  String kind(LoggedEvent event) {
    return messages.get("kind." + event.kind().code());
  }

  /** What the event says, without its kind and number. */
  String body(LoggedEvent event) {
    return body(event, true);
  }

  /**
   * What the event says, without its kind and number; without how it joined its opportunity where
   * {@code withLink} is false (an event as it was before a correction).
   */
  String body(LoggedEvent event, boolean withLink) {
    List<String> parts = new ArrayList<>();
    parts.add(subject(event));
    EventDetails details = event.details();
    if (details.crossSell()) {
      parts.add(messages.get("describe.crossSell"));
    }
    details
        .margin()
        .ifPresent(m -> parts.add(messages.get("describe.margin", formats.percentage(m))));
    details.followUpKind().ifPresent(k -> parts.add(messages.get("describe.followUp." + k.code())));
    details.source().ifPresent(s -> parts.add(messages.get("describe.source", s)));
    details.reason().ifPresent(r -> parts.add(messages.get("describe.reason", r)));
    if (!details.products().isEmpty()) {
      parts.add(messages.get("describe.products", String.join(", ", details.products())));
    }
    if (event.kind() != EventKind.TARGET
        && event.kind() != EventKind.VOID
        && !isNow(event.occurredAt())) {
      parts.add(formats.dateTime(event.occurredAt()));
    }
    if (withLink) {
      link(event).ifPresent(parts::add);
    }
    return String.join(", ", parts);
  }

  /** "Sale #12: € 4.200,50 — Bakkerij Jansen (anna)". */
  String full(LoggedEvent event) {
    return messages.get("describe.full", kind(event), event.number(), body(event));
  }

  /** "Sale #12: € 4.200,50 — Bakkerij Jansen (anna)", without how it joined its opportunity. */
  String fullWithoutLink(LoggedEvent event) {
    return messages.get("describe.full", kind(event), event.number(), body(event, false));
  }

  private String subject(LoggedEvent event) {
    String rep = event.rep().displayName();
    String customer = event.customer().map(c -> c.name()).orElse("");
    String amount = event.amount().map(formats::money).orElse("");
    return switch (event.kind()) {
      case SALE, QUOTE -> messages.get("describe.amountCustomer", amount, customer, rep);
      case COST ->
          event
              .details()
              .label()
              .map(label -> messages.get("describe.amountLabel", amount, label))
              .orElse(amount);
      case TARGET ->
          messages.get(
              "describe.target",
              amount,
              event.target().map(formats::period).orElse(""),
              event.targetRep().map(r -> r.displayName()).orElse(messages.get("describe.team")));
      case VOID -> messages.get("describe.void", event.voids().orElse(0L));
      default -> messages.get("describe.customer", customer, rep);
    };
  }

  private java.util.Optional<String> link(LoggedEvent event) {
    OpportunityLink link = event.link();
    if (link == OpportunityLink.DIRECT) {
      return Optional.of(messages.get("describe.direct"));
    }
    if (link == OpportunityLink.OPENED && event.kind() != EventKind.LEAD) {
      return Optional.of(messages.get("describe.openedWithoutLead"));
    }
    if (link == OpportunityLink.JOINED && event.kind() == EventKind.SALE) {
      return Optional.of(messages.get("describe.won"));
    }
    if (event.kind() == EventKind.LOST) {
      return Optional.of(messages.get("describe.lost"));
    }
    return Optional.empty();
  }

  /** Whether an event happened now, so that its date and time need not be echoed. */
  private boolean isNow(Instant instant) {
    return Math.abs(Duration.between(instant, now).toSeconds()) < 60;
  }
}
