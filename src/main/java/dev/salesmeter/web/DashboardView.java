package dev.salesmeter.web;

import dev.salesmeter.core.text.Messages;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard page shows, every text already in the workspace's words: the template only
 * lays it out (jte checks its use of these types when the build compiles it).
 *
 * @param text the workspace's texts, for the template's own labels
 * @param lang the page's language ({@code en}, {@code nl})
 * @param heading the period and scope the figures are about, in words
 * @param scorecard the scorecard of the chosen week; empty where the form has an error
 * @param figures every figure, in the order chat lists them; empty where the form has an error
 * @param tv whether the page is for a wall screen (large, refreshing, one figure at a time)
 */
public record DashboardView(
    Messages text,
    String lang,
    String workspaceName,
    String heading,
    String asOf,
    Form form,
    Optional<ScorecardView> scorecard,
    List<FigureCard> figures,
    boolean tv,
    Assets.Urls assets) {
  public DashboardView {
    figures = List.copyOf(figures);
  }

  /**
   * The question's form: what was asked, the choices, and what was wrong with it.
   *
   * @param period the period as typed (or as a picker wrote it)
   * @param rep the chosen rep's platform id, or empty for the team
   * @param week the scorecard's week as typed, or empty for the last full week
   * @param tvUrl the same question in TV mode (or out of it, on the TV page)
   */
  public record Form(
      String period,
      Optional<String> periodError,
      String rep,
      Optional<String> repError,
      List<Choice> reps,
      String week,
      Optional<String> weekError,
      List<Choice> quarters,
      List<Choice> years,
      String month,
      String isoWeek,
      String from,
      String to,
      String tvUrl) {
    public Form {
      reps = List.copyOf(reps);
      quarters = List.copyOf(quarters);
      years = List.copyOf(years);
    }

    public boolean hasErrors() {
      return periodError.isPresent() || repError.isPresent() || weekError.isPresent();
    }
  }

  /** One option of a select. */
  public record Choice(String value, String label, boolean selected) {}

  /**
   * The scorecard of a week: its title, its introduction, and its sections in the scorecard's own
   * words.
   */
  public record ScorecardView(String title, List<String> intro, List<Section> sections) {
    public ScorecardView {
      intro = List.copyOf(intro);
      sections = List.copyOf(sections);
    }
  }

  /** A section of the scorecard ("Sales", "Going well"), a line per measure. */
  public record Section(String heading, List<Line> lines) {
    public Section {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A line of the scorecard, split where its words allow: "Revenue: €20,190" and its comparison "▲
   * €2,230 (+12.4%) vs the week before, …".
   */
  public record Line(String main, String detail) {}

  /**
   * One figure: its key numbers, each with its comparison, its sentences, its chart's data and the
   * events behind it.
   *
   * @param name the figure's English name, which its URLs use
   * @param chartUrl where the chart's data is fetched; empty where there is nothing to draw
   * @param drillUrl the drill-down; empty for a screen (and on the TV page)
   */
  public record FigureCard(
      String name,
      String heading,
      List<KeyNumber> numbers,
      List<String> lines,
      Optional<String> chartUrl,
      Optional<String> drillUrl) {
    public FigureCard {
      numbers = List.copyOf(numbers);
      lines = List.copyOf(lines);
    }
  }

  /**
   * A key number: "Revenue €24,300", compared "▲ €2,100 (+9.5%)" against the period before.
   *
   * @param trend {@code good}, {@code bad}, {@code flat} or {@code none}: the comparison's colour
   *     (a rising churn rate is bad)
   */
  public record KeyNumber(String label, String value, String change, String trend) {}
}
