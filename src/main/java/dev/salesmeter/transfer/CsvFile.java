package dev.salesmeter.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as spreadsheets and CRMs write it: UTF-8 with or without a byte-order mark,
 * separated by commas or (as Dutch Excel writes) semicolons, whichever the header line has more of;
 * quoted cells may hold separators and line breaks. Each row comes with the line it begins on, and
 * the whole file with a hash of its bytes, which keys rows that carry no id of their own.
 */
final class CsvFile {
  /** The most characters the header line may have before the separator is decided without it. */
  private static final int HEADER_AT_MOST = 1 << 20;

  private CsvFile() {}

  /**
   * A file's header, rows and content hash.
   *
   * @param semicolons whether the file separates by semicolons (how Dutch Excel writes CSV)
   * @param hash the first 16 hex digits of the SHA-256 of the file's bytes
   */
  record Read(List<String> header, boolean semicolons, String hash, long rows) {}

  /** The file is not UTF-8 (a spreadsheet saved it as "CSV" in its own code page). */
  static final class NotUtf8 extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotUtf8(Throwable cause) {
      super("not UTF-8", cause);
    }
  }

  /**
   * Reads the file, telling the listener its header and each data row as they come.
   *
   * @throws NotUtf8 when the bytes are not UTF-8
   */
  static Read read(InputStream bytes, Listener listener) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new DigestInputStream(bytes, sha256), decoder), 1 << 16)) {
      reader.mark(HEADER_AT_MOST);
      int first = reader.read();
      if (first != '\uFEFF') {
        reader.reset();
        reader.mark(HEADER_AT_MOST);
      }
      String headerLine = reader.readLine();
      reader.reset();
      if (first == '\uFEFF') {
        reader.skip(1);
      }
      boolean semicolons = headerLine != null && count(headerLine, ';') > count(headerLine, ',');
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(semicolons ? ';' : ',')
              .setIgnoreEmptyLines(false)
              .get();
      List<String> header = List.of();
      long count = 0;
      try (CSVParser parser = format.parse(reader)) {
        long linesBefore = 0;
        var records = parser.iterator();
        while (true) {
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              break;
            }
            record = records.next();
          } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
              throw e;
            }
            throw new Malformed(linesBefore + 1, e);
          }
          long line = linesBefore + 1;
          linesBefore = parser.getCurrentLineNumber();
          List<String> cells = record.toList();
          if (cells.stream().allMatch(String::isBlank)) {
            continue;
          }
          if (header.isEmpty()) {
            header = List.copyOf(cells);
            listener.header(header);
          } else {
            count++;
            listener.row(new RawRow(line, cells));
          }
        }
      }
      // The parser read to the end of the file, so the hash covers every byte.
      return new Read(
          header, semicolons, HexFormat.of().formatHex(sha256.digest()).substring(0, 16), count);
    } catch (CharacterCodingException e) {
      throw new NotUtf8(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException coding) {
        throw new NotUtf8(coding);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file is not CSV from a line on: a quoted cell that never ends. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    Malformed(long line, Throwable cause) {
      super("malformed CSV from line " + line, cause);
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  /** Told the header, then each data row (blank lines left out) as it comes. */
  interface Listener {
    void header(List<String> cells);

    void row(RawRow row);
  }

  /** A data row as the file has it, with the line it begins on. */
  record RawRow(long line, List<String> cells) {}

  private static long count(String line, char separator) {
    long count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        count++;
      }
    }
    return count;
  }
}
