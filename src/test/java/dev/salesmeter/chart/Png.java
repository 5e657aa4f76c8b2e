package dev.salesmeter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Picture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** What every chart test asserts on a rendered PNG. */
public final class Png {
  private final BufferedImage image;

  private Png(BufferedImage image) {
    this.image = image;
  }

  /** Decodes a picture's PNG (it must decode) with the size it must have. */
  public static Png of(Picture picture, int width, int height) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
      assertThat(image).as("a PNG that decodes").isNotNull();
      assertThat(image.getWidth()).isEqualTo(width);
      assertThat(image.getHeight()).isEqualTo(height);
      assertThat(picture.fileName()).endsWith(".png");
      return new Png(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many pixels are (within a small tolerance, for anti-aliasing) this colour. */
  public long pixels(Color colour) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color pixel = new Color(image.getRGB(x, y));
        if (Math.abs(pixel.getRed() - colour.getRed()) <= 6
            && Math.abs(pixel.getGreen() - colour.getGreen()) <= 6
            && Math.abs(pixel.getBlue() - colour.getBlue()) <= 6) {
          count++;
        }
      }
    }
    return count;
  }

  /** The share of pixels that are not white: a blank picture has none. */
  public double inked() {
    return 1.0 - (double) pixels(Color.WHITE) / ((long) image.getWidth() * image.getHeight());
  }

  /** Whether the outer frame of a few pixels is white: nothing was drawn over the edge. */
  public boolean cleanEdges(int frame) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        boolean edge =
            x < frame
                || y < frame
                || x >= image.getWidth() - frame
                || y >= image.getHeight() - frame;
        if (edge && image.getRGB(x, y) != Color.WHITE.getRGB()) {
          return false;
        }
      }
    }
    return true;
  }
}
