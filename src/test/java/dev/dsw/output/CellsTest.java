package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells order by what they hold, as a person reading the column would. */
class CellsTest {
  static List<String> sorted(String... cells) {
    List<String> out = new ArrayList<>(List.of(cells));
    out.sort(Cells::compare);
    return out;
  }

  @Test
  void durationsOrderAsDurations() {
    assertThat(sorted("10h", "2h30m", "45m", "1d2h", "5h"))
        .containsExactly("45m", "2h30m", "5h", "10h", "1d2h");
  }

  @Test
  void numbersOrderAsNumbersWhateverFollowsThem() {
    assertThat(sorted("8×H100", "2×A10", "0.5×A10", "16G", "1024G"))
        .containsExactly("0.5×A10", "2×A10", "8×H100", "16G", "1024G");
  }

  @Test
  void valuesComeBeforeTextAndTextIgnoresCase() {
    assertThat(sorted("beta", "-", "12", "Alpha", "7"))
        .containsExactly("7", "12", "-", "Alpha", "beta");
    assertThat(sorted("beta", "", "3h", "Alpha")).containsExactly("3h", "", "Alpha", "beta");
  }

  @Test
  void datesAreNotNumbers() {
    assertThat(Cells.leadingNumber("2024-01-12")).isNull();
    assertThat(Cells.leadingNumber("12:30")).isNull();
    assertThat(Cells.leadingNumber("2×A10")).isEqualByComparingTo("2");
    assertThat(sorted("2026-11-20T00:00:00Z", "2026-09-01T00:00:00Z"))
        .containsExactly("2026-09-01T00:00:00Z", "2026-11-20T00:00:00Z");
  }
}
