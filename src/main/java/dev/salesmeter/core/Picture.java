package dev.salesmeter.core;

import java.util.Objects;

/** A PNG picture (a chart) and the file name it is posted or saved under. */
public record Picture(String fileName, byte[] png) {
  public Picture {
    Objects.requireNonNull(fileName, "fileName");
    png = png.clone();
  }

  @Override
  public byte[] png() {
    return png.clone();
  }
}
