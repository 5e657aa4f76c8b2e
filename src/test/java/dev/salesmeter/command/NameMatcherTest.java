package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Rep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one matcher for customers and reps, here with the reps' rule: one edit from 3 characters. */
final class NameMatcherTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("T1");
  private static final List<Rep> KNOWN =
      List.of(
          new Rep(1, "U1", "anna"),
          new Rep(2, "U2", "bram"),
          new Rep(3, "U3", "Anna de Vries"),
          new Rep(4, "U4", "al"),
          new Rep(5, "U5", "eva"),
          new Rep(6, "U6", "rep2"),
          new Rep(7, "U7", "Representative 12"));

  private final NameMatcher<Rep> reps =
      new NameMatcher<>(Rep::id, Rep::displayName, CustomerName::fold, 3, true);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "ana, anna",
    "Anna, ''",
    "ANA, anna",
    "bam, bram",
    "brm, bram",
    "bran, bram",
    "ama, ''",
    // a swap is two edits: too many for a short name
    "anan, ''",
    // the middle of three characters: both two-character ends change
    "ena, eva",
    "Ana de Vries, Anna de Vries",
    "Anna de Vris, Anna de Vries",
    // names with other numbers are other people
    "rep3, ''",
    "rep12, ''",
    "Representative 13, ''",
    "Reprezentative 12, Representative 12",
    "a, ''",
    "ak, ''",
    "carlos, ''",
  })
  @DisplayName("a rep name within the allowed edits of a known one is caught, short ones too")
  void closeNames(String typed, String expected) {
    // given the known reps
    // when
    Optional<String> closest =
        reps.closest(WORKSPACE, typed, after -> after == 0 ? KNOWN : List.of())
            .map(Rep::displayName);
    // then
    assertThat(closest).isEqualTo(Optional.ofNullable(expected).filter(e -> !e.isEmpty()));
  }
}
