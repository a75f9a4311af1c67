package dev.dsw.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one memory parser: GB, the API's unit, with Gi read as G (list-instances.md §3.1, §4.2). */
class MemoryTest {
  @ParameterizedTest(name = "{0} is {1} GB")
  @CsvSource({
    "32,32",
    "32G,32",
    "32GB,32",
    "32Gi,32",
    "32GiB,32",
    "32g,32",
    "7.5,7.5",
    "512Mi,0.5",
    "1T,1024",
    "1Ti,1024",
    "1048576Ki,1",
    "' 8Gi ',8",
    "0,0"
  })
  void readsPlainNumbersAndQuantities(String text, String gb) {
    assertThat(Memory.gigabytes(text))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(gb)));
  }

  @ParameterizedTest(name = "{0} is not a quantity")
  @ValueSource(strings = {"", "abc", "-3", "32X", "G", "3 2", "1e3", "32Gx"})
  void refusesAnythingElse(String text) {
    assertThat(Memory.gigabytes(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource({"8Gi,8G", "512Mi,0.5G", "1T,1024G", "30,30G", "odd,odd"})
  void displaysInGb(String text, String shown) {
    assertThat(Memory.display(text)).isEqualTo(shown);
  }
}
