package dev.salesmeter.transfer;

import dev.salesmeter.command.TestWorkspace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Imports text as a file into a test workspace, as the command line would. */
final class Importing {
  private Importing() {}

  static Import.Result run(TestWorkspace team, String csv, ImportFormat format) {
    return run(team, csv.getBytes(StandardCharsets.UTF_8), options(format));
  }

  static Import.Result run(TestWorkspace team, byte[] bytes, Import.Options options) {
    return new Import(team.database(), team.log())
        .run(
            TestWorkspace.WORKSPACE,
            "test.csv",
            () -> new ByteArrayInputStream(bytes),
            options,
            team.now(),
            total -> Progress.NONE);
  }

  static Import.Options options(ImportFormat format) {
    return Import.Options.of(format);
  }

  static Import.Options withLocale(ImportFormat format, String tag) {
    return new Import.Options(
        format,
        false,
        Optional.of(Locale.forLanguageTag(tag)),
        Optional.empty(),
        Map.of(),
        List.of(),
        "");
  }

  static Import.Options dryRun(ImportFormat format) {
    return new Import.Options(
        format, true, Optional.empty(), Optional.empty(), Map.of(), List.of(), "");
  }
}
