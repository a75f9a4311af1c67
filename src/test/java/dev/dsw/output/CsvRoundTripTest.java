package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text instances carry, dsw's CSV reads back (with an independent RFC 4180 parser) to the
 * same cells, but for control characters other than tab and line ends, which become U+FFFD.
 */
class CsvRoundTripTest {
  static final List<String> COLUMNS = List.of("ID", "NAME", "OWNER", "IMAGE", "Labels.team");

  @Provide
  Arbitrary<String> cell() {
    Arbitrary<Character> any = Arbitraries.chars().filter(c -> !Character.isSurrogate(c));
    Arbitrary<Character> csvy =
        Arbitraries.of(',', '"', '\n', '\r', '\t', ' ', ';', '\'', '=', '训', 'é', '\u00a0');
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(1, csvy))
        .list()
        .ofMaxSize(20)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder();
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  @Provide
  Arbitrary<List<String>> names() {
    return cell().list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 300)
  void csvParsesBackToTheSameCells(
      @ForAll("names") List<String> names,
      @ForAll("cell") String owner,
      @ForAll("cell") String image,
      @ForAll("cell") String team)
      throws Exception {
    List<Instance> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ObjectNode n =
          Json.MAPPER
              .createObjectNode()
              .put("InstanceId", "dsw-" + i)
              .put("InstanceName", names.get(i))
              .put("UserName", owner)
              .put("ImageName", image);
      n.putArray("Labels").addObject().put("Key", "team").put("Value", team);
      rows.add(new Instance(n));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
    List<Column> columns = new InstanceColumns(Clock.systemUTC()).resolve(COLUMNS);
    Formatter f =
        Format.csv.formatter(
            new OutputSpec(out, columns, true, 0, false, false, true, Optional.empty()));
    f.begin();
    rows.forEach(f::row);
    f.end();

    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> parsed = new ArrayList<>();
    try (MappingIterator<String[]> it =
        csv.readerFor(String[].class)
            .with(CsvSchema.emptySchema())
            .readValues(bytes.toByteArray())) {
      while (it.hasNext()) {
        parsed.add(List.of(it.next()));
      }
    }
    assertThat(parsed.get(0)).containsExactly("ID", "NAME", "OWNER", "IMAGE", "Labels.team");
    assertThat(parsed).hasSize(1 + names.size());
    for (int i = 0; i < names.size(); i++) {
      // control characters other than tab and line ends come back as U+FFFD (Inert.delimited)
      assertThat(parsed.get(1 + i))
          .containsExactly(
              "dsw-" + i,
              dev.dsw.model.Inert.delimited(names.get(i)),
              dev.dsw.model.Inert.delimited(owner),
              dev.dsw.model.Inert.delimited(image),
              dev.dsw.model.Inert.delimited(team));
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
        .as("no raw control character (ESC among them) in csv")
        .isEmpty();
  }
}
