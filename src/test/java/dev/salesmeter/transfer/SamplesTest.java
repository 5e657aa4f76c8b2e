package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample files of docs/samples, which the README's example imports, each as it stands. */
final class SamplesTest {
  @TempDir Path folder;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // leads 4 (one voided), appointment, 2 quotes, follow-up, 2 sales, lost, cost, void
    "events-en.csv, EVENTS, 4, 1, 2, 1, 2, 1, 0, 1, 1, 13",
    // leads 2, appointment, 2 quotes, follow-up, 2 sales, lost, churn
    "events-nl.csv, EVENTS, 2, 1, 2, 1, 2, 1, 1, 0, 0, 10",
    // 6 deals: a quote by stage (Contract Sent), 3 won, 1 lost
    "deals-en.csv, DEALS, 6, 0, 1, 0, 3, 1, 0, 0, 0, 11",
    // 6 deals: 4 with a quote date, 3 won, 1 lost
    "deals-nl.csv, DEALS, 6, 0, 4, 0, 3, 1, 0, 0, 0, 14"
  })
  @DisplayName("each sample imports as it stands, without --locale")
  void imports(
      String name,
      ImportFormat format,
      int leads,
      int appointments,
      int quotes,
      int followUps,
      int sales,
      int lost,
      int churns,
      int costs,
      int voids,
      long events)
      throws Exception {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      // given
      byte[] file = Files.readAllBytes(Path.of("docs", "samples", name));

      // when
      Import.Result result = Importing.run(team, file, Importing.options(format));

      // then
      assertThat(result.imported()).as(result.text()).isTrue();
      Map<EventKind, Integer> added = result.outcome().orElseThrow().added();
      assertThat(added.getOrDefault(EventKind.LEAD, 0)).isEqualTo(leads);
      assertThat(added.getOrDefault(EventKind.APPOINTMENT, 0)).isEqualTo(appointments);
      assertThat(added.getOrDefault(EventKind.QUOTE, 0)).isEqualTo(quotes);
      assertThat(added.getOrDefault(EventKind.FOLLOWUP, 0)).isEqualTo(followUps);
      assertThat(added.getOrDefault(EventKind.SALE, 0)).isEqualTo(sales);
      assertThat(added.getOrDefault(EventKind.LOST, 0)).isEqualTo(lost);
      assertThat(added.getOrDefault(EventKind.CHURN, 0)).isEqualTo(churns);
      assertThat(added.getOrDefault(EventKind.COST, 0)).isEqualTo(costs);
      assertThat(added.getOrDefault(EventKind.VOID, 0)).isEqualTo(voids);
      assertThat(team.events()).isEqualTo(events);
    }
  }
}
