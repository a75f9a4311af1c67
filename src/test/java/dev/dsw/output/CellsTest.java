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

  /**
   * A column may mix numbers, durations and text (a server's data, the emulator's own fleet): the
   * order is total, so sorting never fails with "Comparison method violates its general contract!"
   * and loses the listing (issue #31). Durations first, then numbers, then text.
   */
  @net.jqwik.api.Property(tries = 300)
  void theOrderIsTotalWhateverAColumnMixes(
      @net.jqwik.api.ForAll("mixed") String a,
      @net.jqwik.api.ForAll("mixed") String b,
      @net.jqwik.api.ForAll("mixed") String c) {
    assertThat(Integer.signum(Cells.compare(a, b))).isEqualTo(-Integer.signum(Cells.compare(b, a)));
    if (Cells.compare(a, b) <= 0 && Cells.compare(b, c) <= 0) {
      assertThat(Cells.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
    }
    assertThat(Cells.compare(a, b) == 0).isEqualTo(a.equals(b));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> mixed() {
    return net.jqwik.api.Arbitraries.of(
        "10",
        "2h",
        "abc",
        "ABC",
        "3",
        "1h30m",
        "90m",
        "zzz",
        "-",
        "",
        "7d",
        "0.5",
        "Xyz",
        "100",
        "2×A10",
        "8G",
        "2024-01-12",
        "1.0",
        "1",
        "01",
        "h",
        "5m",
        "-3",
        "10h");
  }

  @Test
  void aMixedColumnSortsWithoutFailing() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      many.add(List.of("10", "2h", "abc", "3", "1h30m", "zzz", "7d", "0.5", "90m").get(i % 9));
    }
    java.util.Collections.shuffle(many, new java.util.Random(7));
    many.sort(Cells::compare);
    assertThat(many.get(0)).isEqualTo("1h30m"); // durations first, the shortest (90m too) first
    assertThat(many.get(many.size() - 1)).isEqualTo("zzz");
  }
}
