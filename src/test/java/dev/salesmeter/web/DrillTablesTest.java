package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DrillTablesTest {
  private static Drilldown numbers(long count) {
    return new Drilldown(
        List.of(
            new Drilldown.Table(
                "sales",
                List.of(new Drilldown.Column("number", Drilldown.Kind.NUMBER)),
                LongStream.rangeClosed(1, count)
                    .mapToObj(n -> new Drilldown.Row(List.of(n), false))
                    .toList())));
  }

  @Test
  void aPageShowsTheFirstThousandRowsAndSaysTheCsvHasThemAll() {
    DrillTables tables = new DrillTables(Formats.of(WorkspaceSettings.DEFAULTS));
    DrillView.TableView cut = tables.views(numbers(1_001), i -> "csv").get(0);
    assertThat(cut.rows()).hasSize(1_000);
    assertThat(cut.total()).isEqualTo(1_001);
    assertThat(cut.cut()).isTrue();
    assertThat(cut.rows().get(999).cells()).containsExactly("1000");
    assertThat(tables.csv(numbers(1_001).tables().get(0)).lines()).hasSize(1_002);

    DrillView.TableView whole = tables.views(numbers(1_000), i -> "csv").get(0);
    assertThat(whole.rows()).hasSize(1_000);
    assertThat(whole.cut()).isFalse();
  }
}
