package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Instance;
import dev.dsw.model.InstancePage;
import dev.dsw.model.Json;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any unicode text in a name, label or tag survives the whole trip: the query builder, the V3
 * signature, okhttp, the emulator's gateway decoding and its filter, and the JSON answer. The
 * emulator's fleet holds one instance carrying the text and a decoy; the filter must pick exactly
 * the first, which it only does if the emulator decoded the very same text (and the signature
 * checked).
 */
class UnicodeRoundTripTest {
  static EmulatorServer server;
  static HttpDswClient client;

  @BeforeContainer
  static void start() {
    server = Emulators.start(Emulators.options());
    client = Emulators.client(server, 0);
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
    dev.dsw.reliability.Report.section(
        "25-properties",
        "## Properties (jqwik)\n\n"
            + "- Any unicode text (every plane, no lone surrogates, weighted towards `+ % & = space"
            + " * ~ / \" \\ newline`, ideographic space, emoji, BOM, combining marks) as an"
            + " instance name, a label key and value, or a tag key and value survives the query"
            + " builder, the V3 signature, okhttp, the emulator's gateway decoding and its filter,"
            + " and the JSON answer unchanged: 150 tries each, 450 in all"
            + " (`UnicodeRoundTripTest`).\n"
            + "- `-o csv` of instances whose names, owners, images and labels hold any UTF-16 text"
            + " (commas, quotes, CR, LF, tabs, NBSP…) parses back with Jackson's RFC 4180 reader to"
            + " exactly the same cells: 300 tries (`CsvRoundTripTest`).");
  }

  /**
   * Strings of any code points (not lone surrogates, which are not text), from every plane, 1 to 24
   * long.
   */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<Integer> anyCodePoint =
        Arbitraries.integers().between(1, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF);
    Arbitrary<Integer> tricky =
        Arbitraries.of(
            (int) '+',
            (int) '%',
            (int) '&',
            (int) '=',
            (int) ' ',
            (int) '*',
            (int) '~',
            (int) '/',
            (int) '"',
            (int) '\\',
            (int) '\n',
            0x3000,
            0x1F600,
            0xFEFF,
            (int) '训',
            0x0301);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, anyCodePoint), net.jqwik.api.Tuple.of(2, tricky))
        .list()
        .ofMinSize(1)
        .ofMaxSize(24)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  static void fleet(ObjectNode carrier) {
    // No name: the name filter is a substring match, and any generated text could be part of one.
    ObjectNode decoy =
        Json.MAPPER
            .createObjectNode()
            .put("InstanceId", "dsw-decoy")
            .put("WorkspaceId", "40823")
            .put("PaymentType", "PayAsYouGo");
    decoy.putArray("Labels").addObject().put("Key", "decoy").put("Value", "decoy");
    decoy.putArray("Tags").addObject().put("TagKey", "decoy").put("TagValue", "decoy");
    server.store().update(old -> List.of(carrier, decoy));
  }

  static ObjectNode carrier() {
    return Json.MAPPER
        .createObjectNode()
        .put("InstanceId", "dsw-carrier")
        .put("WorkspaceId", "40823")
        .put("PaymentType", "PayAsYouGo");
  }

  static List<Instance> list(ListInstancesQuery q) {
    InstancePage page = client.listInstances(q.page(1, 10));
    return page.instances();
  }

  @Property(tries = 150)
  void instanceNameSurvives(@ForAll("text") String name) {
    fleet(carrier().put("InstanceName", name));
    List<Instance> found = list(ListInstancesQuery.builder().instanceName(name).build());
    assertThat(found).extracting(Instance::id).containsExactly("dsw-carrier");
    assertThat(found.get(0).text("InstanceName")).isEqualTo(name);
  }

  @Property(tries = 150)
  void labelSurvives(@ForAll("text") String key, @ForAll("text") String value) {
    ObjectNode c = carrier();
    c.putArray("Labels").addObject().put("Key", key).put("Value", value);
    fleet(c);
    List<Instance> found = list(ListInstancesQuery.builder().labels(Map.of(key, value)).build());
    assertThat(found).extracting(Instance::id).containsExactly("dsw-carrier");
    assertThat(found.get(0).at("Labels.0.Key").asText()).isEqualTo(key);
    assertThat(found.get(0).at("Labels.0.Value").asText()).isEqualTo(value);
  }

  @Property(tries = 150)
  void tagSurvives(@ForAll("text") String key, @ForAll("text") String value) {
    ObjectNode c = carrier();
    c.putArray("Tags").addObject().put("TagKey", key).put("TagValue", value);
    fleet(c);
    List<Instance> found =
        list(ListInstancesQuery.builder().tags(List.of(Map.entry(key, value))).build());
    assertThat(found).extracting(Instance::id).containsExactly("dsw-carrier");
    assertThat(found.get(0).at("Tags.0.TagValue").asText()).isEqualTo(value);
  }
}
