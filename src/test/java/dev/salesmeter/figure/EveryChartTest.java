package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.chart.Png;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Picture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure's chart in both languages, for the team, for one rep, and for 50 reps with long
 * names in other scripts: each decodes, is not blank, uses the palette's blue, and draws nothing
 * over its edge; with no data there is no chart at all.
 */
final class EveryChartTest {
  /**
   * The figures' English and Dutch names; whether they are asked of one rep too; and whether a
   * month without steps has nothing to draw (churn, lifetime value and stale quotes look beyond the
   * month).
   */
  private static final List<List<String>> FIGURES =
      List.of(
          List.of("conversion", "conversie", "rep", "empty"),
          List.of("quotes", "offertes", "rep", "-"),
          List.of("aov", "orderwaarde", "rep", "empty"),
          List.of("crosssell", "kruisverkoop", "rep", "empty"),
          List.of("repeat", "herhaling", "rep", "empty"),
          List.of("churn", "verloop", "team", "-"),
          List.of("ltv", "klantwaarde", "team", "-"),
          List.of("revenue", "omzet", "rep", "empty"));

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  static Stream<Arguments> cases() {
    return FIGURES.stream()
        .flatMap(
            f ->
                Stream.of(
                    Arguments.of(f.get(0), false, false),
                    Arguments.of(f.get(1), true, false),
                    Arguments.of(f.get(0), false, true),
                    Arguments.of(f.get(1), true, true)));
  }

  private void history(boolean dutch, boolean fiftyReps) {
    team = dutch ? TestWorkspace.dutch(folder) : TestWorkspace.english(folder);
    String lead = dutch ? "/aanvraag" : "/lead";
    String quote = dutch ? "/offerte" : "/quote";
    String sale = dutch ? "/verkoop" : "/sale";
    String date = dutch ? "datum:" : "date:";
    String crossSell = dutch ? "kruisverkoop" : "cross-sell";
    int reps = fiftyReps ? 50 : 3;
    // A customer since June 2024, gone a year later: lifetime value needs 12 months of history and
    // a customer active at their start.
    team.log(sale + " Oud 100 " + date + "2024-06-01 @anna");
    for (int i = 1; i <= reps; i++) {
      String rep =
          i == 1
              ? "@anna"
              : fiftyReps
                  ? "@\"Ζωή-" + i + " Παπαδοπούλου της Θεσσαλονίκης und Müller 🚀\""
                  : "@rep" + i;
      String customer = "\"Klant " + i + " Ærø\"";
      team.log(sale + " " + customer + " " + (100 * i) + " " + date + "2025-06-02 " + rep + " new");
      team.log(lead + " " + customer + " " + date + "2026-03-02 " + rep);
      team.log(quote + " " + customer + " " + (50 * i) + " " + date + "2026-03-03 " + rep);
      team.log(
          sale
              + " "
              + customer
              + " "
              + (70 * i)
              + " "
              + crossSell
              + " "
              + date
              + "2026-03-09 "
              + rep);
    }
    team.log((dutch ? "/kosten Beurs 500 " : "/cost Fair 500 ") + date + "2026-03-01");
  }

  @ParameterizedTest(name = "{0}, Dutch {1}, 50 reps {2}")
  @MethodSource("cases")
  void everyChart(String figure, boolean dutch, boolean fiftyReps) {
    history(dutch, fiftyReps);
    String kpi = dutch ? "/cijfers " : "/kpi ";
    String march = dutch ? " maart 2026" : " march 2026";
    Reply reply = team.run(kpi + figure + march);
    assertThat(reply.ephemeral()).as(reply.text()).isFalse();
    check(reply.picture().orElseThrow());
    List<String> row = FIGURES.stream().filter(f -> f.contains(figure)).findFirst().orElseThrow();
    if (row.get(2).equals("rep")) {
      check(team.run(kpi + figure + march + " @anna").picture().orElseThrow());
    }
    if (row.get(3).equals("empty")) {
      // January 2026 has nothing logged: the text says so, and there is no chart.
      assertThat(team.run(kpi + figure + (dutch ? " januari 2026" : " january 2026")).picture())
          .isEmpty();
    }
  }

  private static void check(Picture picture) {
    java.awt.Dimension size = png(picture);
    assertThat(size.width).isLessThanOrEqualTo(1600);
    assertThat(size.height).isLessThanOrEqualTo(1600);
    Png png = Png.of(picture, size.width, size.height);
    assertThat(png.inked()).isBetween(0.01, 0.7);
    assertThat(png.pixels(ChartLook.BLUE) + png.pixels(ChartLook.VERMILLION)).isGreaterThan(100);
    assertThat(png.cleanEdges(3)).as(picture.fileName()).isTrue();
  }

  /** The picture's own height: a grid (quotes) is taller than a single chart. */
  private static java.awt.Dimension png(Picture picture) {
    byte[] bytes = picture.png();
    int width = java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt();
    int height = java.nio.ByteBuffer.wrap(bytes, 20, 4).getInt();
    return new java.awt.Dimension(width, height);
  }
}
