package dev.salesmeter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"=SUM(A1:A9)", "+31 20 123", "-5", "@anna", "\tcmd", "\rcmd", "=", "'=x", "''+1"})
  void aCellThatAFormulaCouldStartIsWrittenAsTextAndReadBackUnchanged(String text) {
    String written = SpreadsheetCell.protect(text);
    assertThat(written).isEqualTo("'" + text);
    assertThat(SpreadsheetCell.unprotect(written)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "", "'quoted'", "4200.50", "2026-03-05", "O'Brien"})
  void anyOtherCellIsLeftAlone(String text) {
    assertThat(SpreadsheetCell.protect(text)).isEqualTo(text);
    assertThat(SpreadsheetCell.unprotect(text)).isEqualTo(text);
  }
}
