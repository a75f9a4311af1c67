package dev.dsw.cli.options;

import dev.dsw.model.Spelling;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Matches an enum value case-insensitively and returns the API's spelling; an unknown value fails
 * with the allowed values and the closest one.
 */
public final class WireEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  public WireEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    String v = value.trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v)) {
        return e;
      }
    }
    E closest = closest(v);
    throw new TypeConversionException(
        "unknown value '"
            + value
            + "'; did you mean '"
            + closest.name()
            + "'? Allowed: "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + (type == dev.dsw.model.SortField.class
                ? " (the server's sort; to sort by a column, use --sort-column " + value + ")"
                : ""));
  }

  private E closest(String v) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    return Enum.valueOf(type, Spelling.closest(v, names).orElseThrow());
  }
}
