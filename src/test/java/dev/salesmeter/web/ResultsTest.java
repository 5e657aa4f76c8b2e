package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.store.LastEvents;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept result holds until the workspace's next event, whatever that event is. */
class ResultsTest {
  @TempDir Path folder;
  private TestWorkspace team;
  private Results results;
  private RevenueFigure revenue;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(folder);
    results = Results.standard(new LastEvents(team.database()));
    revenue = team.figure(RevenueFigure.class);
  }

  @AfterEach
  void close() {
    team.close();
  }

  private RevenueResult revenueNow(FigureQuery query) {
    return results.of(revenue, query, results.lastEvent(query.workspace()));
  }

  @Test
  void aResultIsKeptUntilTheNextEventAndThenComputedAgain() {
    team.log("/sale Acme 1000");
    FigureQuery month = team.query("this month");
    RevenueResult first = revenueNow(month);
    assertThat(first.totals().revenue().cents()).isEqualTo(100_000);
    assertThat(revenueNow(month)).isSameAs(first);

    team.log("/sale Bakker 250");
    assertThat(revenueNow(month).totals().revenue().cents()).isEqualTo(125_000);

    // A void is an event too: the voided sale leaves the kept revenue at once.
    team.log("/void");
    assertThat(revenueNow(month).totals().revenue().cents()).isEqualTo(100_000);
  }

  @Test
  void anotherQuestionIsAnotherResult() {
    team.log("/sale Acme 1000");
    RevenueResult month = revenueNow(team.query("this month"));
    RevenueResult year = revenueNow(team.query("this year"));
    assertThat(year).isNotSameAs(month);
    assertThat(revenueNow(team.query("this month"))).isSameAs(month);
  }

  @Test
  void withoutRoomEveryResultIsComputedAfresh() {
    team.log("/sale Acme 1000");
    Results none = new Results(new LastEvents(team.database()), 0);
    FigureQuery month = team.query("this month");
    long last = none.lastEvent(month.workspace());
    assertThat(none.of(revenue, month, last)).isNotSameAs(none.of(revenue, month, last));
  }
}
