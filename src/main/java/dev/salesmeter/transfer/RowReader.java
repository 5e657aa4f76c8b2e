package dev.salesmeter.transfer;

/** Turns a file's rows into events, one row at a time. */
interface RowReader {
  /** Reads a row into events appended to the batch, or notes its problems. */
  void read(Row row, Batch batch);

  /** Called after the last row: for a format that orders its events only once all are read. */
  default void finish(Batch batch) {}
}
