package io.trailsleuth.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses a {@code --format} value into an enum constant, or fails with a usage error that lists the choices. */
final class FormatOption {
  private FormatOption() {}

  static <E extends Enum<E>> E parse(Class<E> formats, String value) {
    try {
      return Enum.valueOf(formats, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String choices = Arrays.stream(formats.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
      throw new UserException(ExitCode.USAGE, "unknown --format '" + value + "'; use one of " + choices);
    }
  }
}
