package dev.salesmeter.transfer;

import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CustomerMatcher;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventImport;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.RepRoster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Imports a CSV file into a workspace: all of it or nothing. The file is read twice — once for its
 * header, its content hash and how it writes dates, once to turn each row into events under the
 * command language's rules — and the events go to the store in one transaction ({@link
 * EventImport}), which applies the opportunity rules. Every bad row is reported with its line and
 * column, whichever stage found it, and then nothing is stored.
 */
public final class Import {
  /** How many near-identical customer pairs a summary names before it counts. */
  private static final int PAIRS_SHOWN = 20;

  /**
   * The most new customers compared for near-identical names: each is compared as a typed name is,
   * which costs up to a comparison with every known name, so a first import of tens of thousands of
   * customers would spend minutes on it.
   */
  private static final int COMPARED_AT_MOST = 5_000;

  private final EventLog log;
  private final EventImport store;
  private final RepRoster roster;
  private final Kinds kinds;

  public Import(Database database, EventLog log) {
    this.log = log;
    this.store = new EventImport(database, log);
    this.roster = new RepRoster(database);
    this.kinds = new Kinds(CommandRegistry.loggingCommands(log));
  }

  /** Opens the file again for each reading. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * How to read a file.
   *
   * @param locale how the file writes numbers and ambiguous dates ({@code --locale}); without it a
   *     file separated by semicolons reads as Dutch (as Dutch Excel writes it), else as English
   * @param zone the time zone of the file's times without an offset; else the workspace's
   * @param maps {@code --map column=field}
   * @param repMap the lines of the {@code --rep-map} file, and its name
   */
  public record Options(
      ImportFormat format,
      boolean dryRun,
      Optional<Locale> locale,
      Optional<ZoneId> zone,
      Map<String, String> maps,
      List<String> repMap,
      String repMapName) {
    public Options {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(zone, "zone");
      maps = Map.copyOf(maps);
      repMap = List.copyOf(repMap);
      Objects.requireNonNull(repMapName, "repMapName");
    }

    /** The given format, written for real, its numbers and dates read as the file shows them. */
    public static Options of(ImportFormat format) {
      return new Options(
          format, false, Optional.empty(), Optional.empty(), Map.of(), List.of(), "");
    }
  }

  /**
   * What an import did, in words.
   *
   * @param imported whether the file was good (written, or for a dry run, would be)
   * @param text the summary, or every bad row
   */
  public record Result(boolean imported, String text, Optional<EventImport.Outcome> outcome) {}

  /**
   * Imports a file.
   *
   * @param name the file's name, as the summary says it
   * @param now the time of the import: no event may lie after it
   * @param progress a bar for so many events, while they are written
   */
  public Result run(
      WorkspaceId workspace,
      String name,
      Source file,
      Options options,
      Instant now,
      IntFunction<Progress> progress) {
    long started = System.nanoTime();
    WorkspaceSettings settings = log.settings(workspace);
    Formats formats = Formats.of(settings);
    Messages messages = formats.messages();
    Problems problems = new Problems(formats);
    // First reading: the header, the hash, and what the dates say about their order.
    Header[] header = new Header[1];
    FileDates.Evidence evidence = new FileDates.Evidence();
    CsvFile.Read first;
    try {
      first =
          read(
              file,
              new CsvFile.Listener() {
                @Override
                public void header(List<String> cells) {
                  header[0] = Header.read(cells, options.format(), options.maps(), problems);
                }

                @Override
                public void row(CsvFile.RawRow raw) {
                  Row row = new Row(raw.line(), raw.cells(), header[0]);
                  for (Field field :
                      List.of(
                          Field.OCCURRED,
                          Field.LOGGED,
                          Field.CREATED,
                          Field.CLOSE_DATE,
                          Field.QUOTE_DATE)) {
                    row.get(field).ifPresent(value -> evidence.see(value, raw.line()));
                  }
                }
              });
    } catch (CsvFile.NotUtf8 e) {
      return failed(messages.get("import.notUtf8", name));
    } catch (CsvFile.Malformed e) {
      return failed(messages.get("import.malformed", name, e.line()));
    }
    if (header[0] == null) {
      return failed(messages.get("import.empty", name));
    }
    if (problems.any()) {
      return failed(name, problems, messages);
    }
    FileDates.Order order =
        options
            .locale()
            .map(l -> Messages.isDutch(l) ? FileDates.Order.DAY_FIRST : FileDates.Order.MONTH_FIRST)
            .orElse(evidence.order());
    if (options.locale().isEmpty() && evidence.contradiction().isPresent()) {
      long[] lines = evidence.contradiction().get();
      problems.add(lines[1], "", "import.datesBothWays", lines[0], lines[1]);
      return failed(name, problems, messages);
    }
    Locale fileLocale =
        options.locale().orElse(first.semicolons() ? Locale.forLanguageTag("nl") : Locale.ENGLISH);
    RepNames reps =
        options.repMap().isEmpty()
            ? RepNames.NONE
            : RepNames.read(
                options.repMap(), roster.after(workspace, 0), problems, options.repMapName());
    Context context =
        new Context(
            workspace,
            fileLocale,
            new FileDates(order, options.zone().orElse(settings.zone()), settings.zone(), now),
            reps,
            problems,
            first.hash(),
            now);
    RowReader reader =
        options.format() == ImportFormat.EVENTS
            ? new EventsFormat(context, kinds)
            : new DealsFormat(context);
    // Second reading: each row into events.
    Batch batch = new Batch();
    read(
        file,
        new CsvFile.Listener() {
          @Override
          public void header(List<String> cells) {}

          @Override
          public void row(CsvFile.RawRow raw) {
            reader.read(new Row(raw.line(), raw.cells(), header[0]), batch);
          }
        });
    reader.finish(batch);
    if (problems.any()) {
      return failed(name, problems, messages);
    }
    List<Customer> known = log.customers(workspace);
    EventImport.Outcome outcome;
    try (Progress bar = progress.apply(batch.size())) {
      outcome = store.append(workspace, batch.items(), options.dryRun(), bar::done);
    }
    for (EventImport.Refusal refusal : outcome.refusals()) {
      Batch.Origin origin = batch.origin(refusal.item());
      boolean aboutReference =
          refusal.reason() == EventImport.Reason.ALREADY_VOIDED
              || refusal.reason() == EventImport.Reason.REPLACED_NOT_VOIDED
              || refusal.reason() == EventImport.Reason.NAMES_A_REFUSED_EVENT;
      problems.add(
          origin.line(),
          aboutReference ? origin.referenceColumn() : origin.customerColumn(),
          "import.refusal." + refusal.reason().name(),
          origin.customer(),
          problems.what(origin.kind().code()),
          origin.reference());
    }
    if (problems.any()) {
      return failed(name, problems, messages);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(
        true,
        summary(name, first, header[0], outcome, known, options, formats, seconds),
        Optional.of(outcome));
  }

  private static CsvFile.Read read(Source file, CsvFile.Listener listener) {
    try (InputStream bytes = file.open()) {
      return CsvFile.read(bytes, listener);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result failed(String text) {
    return new Result(false, text, Optional.empty());
  }

  private static Result failed(String name, Problems problems, Messages messages) {
    return failed(messages.get("import.failed", name, problems.count()) + "\n" + problems.lines());
  }

  private String summary(
      String name,
      CsvFile.Read file,
      Header header,
      EventImport.Outcome outcome,
      List<Customer> known,
      Options options,
      Formats formats,
      double seconds) {
    Messages messages = formats.messages();
    List<String> lines = new ArrayList<>();
    lines.add(
        options.dryRun()
            ? messages.get("import.summary.dryRun", name, file.rows())
            : messages.get(
                "import.summary.done",
                name,
                file.rows(),
                formats.oneDecimal(BigDecimal.valueOf(seconds))));
    String kinds =
        outcome.added().entrySet().stream()
            .map(e -> messages.get("kind." + e.getKey().code()) + " " + e.getValue())
            .collect(Collectors.joining(", "));
    lines.add(
        outcome.addedCount() == 0
            ? messages.get("import.summary.nothingAdded")
            : messages.get(
                options.dryRun() ? "import.summary.wouldAdd" : "import.summary.added",
                outcome.addedCount(),
                kinds));
    if (outcome.alreadyThere() > 0) {
      lines.add(messages.get("import.summary.already", outcome.alreadyThere()));
    }
    lines.add(messages.get("import.summary.customers", outcome.customersCreated().size()));
    if (!outcome.repsCreated().isEmpty()) {
      lines.add(
          messages.get(
              "import.summary.reps",
              outcome.repsCreated().size(),
              outcome.repsCreated().stream()
                  .map(Rep::displayName)
                  .collect(Collectors.joining(", "))));
    }
    List<String> pairs =
        outcome.customersCreated().size() > COMPARED_AT_MOST
            ? List.of()
            : similarPairs(outcome.customersCreated(), known);
    if (outcome.customersCreated().size() > COMPARED_AT_MOST) {
      lines.add(messages.get("import.summary.similarSkipped", outcome.customersCreated().size()));
    } else if (!pairs.isEmpty()) {
      String shown = String.join("; ", pairs.subList(0, Math.min(PAIRS_SHOWN, pairs.size())));
      lines.add(messages.get("import.summary.similar", pairs.size(), shown));
    }
    if (!header.ignored().isEmpty()) {
      lines.add(messages.get("import.summary.ignored", String.join(", ", header.ignored())));
    }
    return String.join("\n", lines);
  }

  /**
   * Pairs of near-identical customer names of which the import created at least one ("Bakkerij
   * Jansen" and "Bakkerij Janssen"), found as a typed name's "did you mean" would find them: no row
   * is refused for them, but a manager may want to look.
   */
  private static List<String> similarPairs(List<Customer> created, List<Customer> known) {
    if (created.isEmpty()) {
      return List.of();
    }
    List<Customer> all = new ArrayList<>(known);
    all.addAll(created);
    all.sort(Comparator.comparingLong(Customer::id));
    CustomerMatcher matcher = new CustomerMatcher();
    WorkspaceId scratch = new WorkspaceId("import-review");
    Set<String> pairs = new LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Customer customer : created) {
      matcher
          .closest(
              scratch, customer.name(), after -> all.subList(firstAfter(all, after), all.size()))
          .ifPresent(
              other -> {
                long low = Math.min(customer.id(), other.id());
                long high = Math.max(customer.id(), other.id());
                if (seen.add(low + ":" + high)) {
                  Customer first = low == customer.id() ? customer : other;
                  Customer second = first == customer ? other : customer;
                  pairs.add("\"" + first.name() + "\" ~ \"" + second.name() + "\"");
                }
              });
    }
    return List.copyOf(pairs);
  }

  /** The index of the first customer with an id above the given one, in a list sorted by id. */
  private static int firstAfter(List<Customer> byId, long id) {
    int low = 0;
    int high = byId.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (byId.get(middle).id() <= id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
