package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The AGE column reads creation times as --where does: Z, an offset, or none (UTC). */
class InstanceColumnsTest {
  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void ageReadsEveryTimeFormWhereAccepts() {
    assertThat(InstanceColumns.age("2026-11-27T11:00:00Z", NOON)).isEqualTo("60m");
    assertThat(InstanceColumns.age("2026-11-27T11:00:00+08:00", NOON)).isEqualTo("9h"); // 03:00 UTC
    assertThat(InstanceColumns.age("2026-11-27T11:59:30", NOON)).isEqualTo("30s");
    assertThat(InstanceColumns.age("2026-11-20T12:00:00Z", NOON)).isEqualTo("7d");
    assertThat(InstanceColumns.age("2026-11-28T00:00:00Z", NOON)).isEqualTo("0s");
    assertThat(InstanceColumns.age("yesterday", NOON)).isEqualTo("?");
    assertThat(InstanceColumns.age("", NOON)).isEmpty();
  }

  /** Short strings made mostly of what numbers are made of, and some that only look like digits. */
  @Provide
  Arbitrary<String> numberish() {
    return Arbitraries.strings().withChars("0123456789.+-eEGi ١٢").ofMaxLength(6);
  }

  /**
   * MEMORY adds G to a plain number, as the regular expression \\d+(\\.\\d+)? (ASCII digits) it
   * replaced decides; any other quantity is shown in the GB that --min-memory counts (the one
   * parser, Memory), to one decimal; anything unreadable is printed as sent.
   */
  @Property(tries = 2000)
  void memoryAddsAUnitExactlyToPlainNumbers(@ForAll("numberish") String m) {
    String cell = InstanceColumns.memory(m);
    if (Pattern.compile("\\d+(\\.\\d+)?").matcher(m).matches()) {
      assertThat(cell).isEqualTo(m + "G");
    } else if (dev.dsw.model.Memory.gigabytes(m).isPresent()) {
      BigDecimal gb = dev.dsw.model.Memory.gigabytes(m).get();
      assertThat(cell).endsWith("G");
      assertThat(new BigDecimal(cell.substring(0, cell.length() - 1)))
          .isEqualByComparingTo(gb.setScale(1, java.math.RoundingMode.HALF_UP));
    } else {
      assertThat(cell).isEqualTo(m);
    }
  }

  /**
   * GPU writes the count as BigDecimal does, stripped of trailing zeros, whatever path it takes.
   */
  @Property(tries = 2000)
  void gpuCountsReadAsBigDecimalReadsThem(@ForAll("numberish") String count) {
    ObjectNode raw = Json.MAPPER.createObjectNode();
    raw.putObject("RequestedResource").put("GPU", count).put("GPUType", "NVIDIA A10");
    String expected;
    try {
      BigDecimal n = count.isEmpty() ? BigDecimal.ZERO : new BigDecimal(count);
      expected = n.signum() == 0 ? "-" : n.stripTrailingZeros().toPlainString() + "×A10";
    } catch (NumberFormatException e) {
      expected = count + "×A10";
    }
    assertThat(InstanceColumns.gpu(new Instance(raw))).isEqualTo(expected);
  }

  @Test
  void gpuModelsLoseTheirVendorOnlyAtTheStart() {
    assertThat(InstanceColumns.shortGpu("NVIDIA A10")).isEqualTo("A10");
    assertThat(InstanceColumns.shortGpu("Tesla-V100-16G")).isEqualTo("V100-16G");
    assertThat(InstanceColumns.shortGpu("nvidia Tesla T4")).isEqualTo("T4");
    assertThat(InstanceColumns.shortGpu("A100 NVIDIA")).isEqualTo("A100 NVIDIA");
    assertThat(InstanceColumns.shortGpu("NVIDIA A10"))
        .isEqualTo("A10"); // a second time, from the memo
  }
}
