package dev.salesmeter.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a column of an imported or exported file holds. Each field has the name the export writes
 * (and {@code --map} takes) and the headers that mean it in English, in Dutch and in the exports of
 * the common CRMs (../shared/CRM-EXPORTS.md), written as {@link Header#normalise} leaves them.
 */
enum Field {
  NUMBER("number", List.of(ImportFormat.EVENTS), "number", "nummer", "nr", "no"),
  KIND("kind", List.of(ImportFormat.EVENTS), "kind", "soort", "type", "event"),
  OCCURRED(
      "occurred",
      List.of(ImportFormat.EVENTS),
      "occurred",
      "occurred at",
      "date",
      "datum",
      "when",
      "wanneer"),
  LOGGED("logged", List.of(ImportFormat.EVENTS), "logged", "logged at", "gelogd", "gelogd op"),
  CUSTOMER(
      "customer",
      List.of(ImportFormat.EVENTS, ImportFormat.DEALS),
      "customer",
      "klant",
      "company",
      "associated company",
      "bedrijf",
      "organization",
      "organisation",
      "organisatie",
      "account",
      "account name",
      "accountnaam"),
  REP(
      "rep",
      List.of(ImportFormat.EVENTS, ImportFormat.DEALS),
      "rep",
      "verkoper",
      "owner",
      "opportunity owner",
      "eigenaar",
      "accountmanager",
      "account manager",
      "salesperson"),
  REP_ID("rep_id", List.of(ImportFormat.EVENTS), "rep id", "verkoper id", "chat id"),
  LOGGED_BY("logged_by", List.of(ImportFormat.EVENTS), "logged by", "gelogd door"),
  LOGGED_BY_ID("logged_by_id", List.of(ImportFormat.EVENTS), "logged by id", "gelogd door id"),
  OPPORTUNITY("opportunity", List.of(ImportFormat.EVENTS), "opportunity", "kans"),
  AMOUNT(
      "amount",
      List.of(ImportFormat.EVENTS, ImportFormat.DEALS),
      "amount",
      "bedrag",
      "value",
      "waarde"),
  CROSS_SELL("cross_sell", List.of(ImportFormat.EVENTS), "cross sell", "kruisverkoop"),
  MARGIN("margin", List.of(ImportFormat.EVENTS), "margin", "marge"),
  SOURCE(
      "source",
      List.of(ImportFormat.EVENTS, ImportFormat.DEALS),
      "source",
      "bron",
      "lead source",
      "original source",
      "origin"),
  REASON("reason", List.of(ImportFormat.EVENTS), "reason", "reden"),
  FOLLOWUP("followup", List.of(ImportFormat.EVENTS), "followup", "follow up", "opvolging"),
  PRODUCTS("products", List.of(ImportFormat.EVENTS), "products", "producten"),
  LABEL("label", List.of(ImportFormat.EVENTS), "label", "omschrijving"),
  PERIOD_START("period_start", List.of(ImportFormat.EVENTS), "period start", "periode start"),
  PERIOD_END("period_end", List.of(ImportFormat.EVENTS), "period end", "periode einde"),
  PERIOD_UNIT("period_unit", List.of(ImportFormat.EVENTS), "period unit", "periode eenheid"),
  TARGET_REP("target_rep", List.of(ImportFormat.EVENTS), "target rep", "doel verkoper"),
  TARGET_REP_ID("target_rep_id", List.of(ImportFormat.EVENTS), "target rep id", "doel verkoper id"),
  VOIDS("voids", List.of(ImportFormat.EVENTS), "voids", "herstelt"),
  REPLACES("replaces", List.of(ImportFormat.EVENTS), "replaces", "vervangt"),
  ID(
      "id",
      List.of(ImportFormat.EVENTS, ImportFormat.DEALS),
      "id",
      "record id",
      "opportunity id",
      "nummer",
      "deal id"),
  CREATED(
      "created",
      List.of(ImportFormat.DEALS),
      "created",
      "create date",
      "created date",
      "created at",
      "deal created",
      "aangemaakt",
      "aanmaakdatum"),
  STAGE("stage", List.of(ImportFormat.DEALS), "stage", "deal stage", "fase"),
  STATUS("status", List.of(ImportFormat.DEALS), "status"),
  CLOSE_DATE(
      "close_date",
      List.of(ImportFormat.DEALS),
      "close date",
      "closed on",
      "closed",
      "won time",
      "lost time",
      "sluitingsdatum",
      "datum gesloten",
      "gesloten"),
  QUOTE_DATE(
      "quote_date",
      List.of(ImportFormat.DEALS),
      "quote date",
      "quote sent",
      "proposal date",
      "offertedatum",
      "offerte datum"),
  LOST_REASON(
      "lost_reason",
      List.of(ImportFormat.DEALS),
      "lost reason",
      "closed lost reason",
      "loss reason",
      "reason",
      "reden verloren",
      "reden");

  private final String exportName;
  private final List<ImportFormat> formats;
  private final List<String> headers;

  Field(String exportName, List<ImportFormat> formats, String... headers) {
    this.exportName = exportName;
    this.formats = formats;
    this.headers = List.of(headers);
  }

  /** The name the export writes in its header, and {@code --map} takes. */
  String exportName() {
    return exportName;
  }

  boolean in(ImportFormat format) {
    return formats.contains(format);
  }

  /**
   * The field a header means in a format. The deals format's "Deal Name" means the customer only
   * where no other column does (HubSpot writes it beside "Associated Company"), so it is not here.
   */
  static Optional<Field> ofHeader(String normalised, ImportFormat format) {
    return Arrays.stream(values())
        .filter(field -> field.in(format) && field.headers.contains(normalised))
        .findFirst();
  }

  /** The field {@code --map} names by its export name (or its English header). */
  static Optional<Field> named(String name, ImportFormat format) {
    String normalised = Header.normalise(name);
    return Arrays.stream(values())
        .filter(
            field ->
                field.in(format)
                    && (Header.normalise(field.exportName).equals(normalised)
                        || field.headers.contains(normalised)))
        .findFirst();
  }

  /** The fields of a format, by their export names: what an unknown column's error lists. */
  static List<String> namesIn(ImportFormat format) {
    return Arrays.stream(values()).filter(f -> f.in(format)).map(Field::exportName).toList();
  }
}
