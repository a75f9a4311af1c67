package dev.dsw.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.output.SortColumn;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/**
 * --sort-column is read by a converter like every other flag (issue #32: Listing parsed the raw
 * string when the listing started): the column and direction are known, or refused, at parse time.
 */
class SortColumnConverterTest {
  private final SortColumnConverter converter = new SortColumnConverter();

  @Test
  void readsAColumnAndADirection() {
    assertThat(converter.convert("GPU:desc")).isEqualTo(new SortColumn("GPU", true));
    assertThat(converter.convert("name")).isEqualTo(new SortColumn("name", false));
    assertThat(converter.convert("Labels.team:ASC"))
        .isEqualTo(new SortColumn("Labels.team", false));
    assertThat(converter.convert("GPU_AVG")).isEqualTo(new SortColumn("GPU_AVG", false));
  }

  @Test
  void refusesAnUnknownDirectionOrColumnNamingThePart() {
    assertThatThrownBy(() -> converter.convert("NAME:sideways"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("must be asc or desc");
    assertThatThrownBy(() -> converter.convert("NAMEE"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("unknown column 'NAMEE'; did you mean NAME?");
    assertThatThrownBy(() -> converter.convert(":desc"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("name a column");
  }
}
