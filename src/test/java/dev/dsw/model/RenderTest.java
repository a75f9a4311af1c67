package dev.dsw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Instances rendered while a page is read (what -o json and -o jsonl print) are byte for byte what
 * writing the whole tree gives: masked by {@link Masking#write}, or as sent by {@link
 * JsonText#write}. The tree path is the reference: it builds every node first, the rendering path
 * builds none.
 */
class RenderTest {
  private static final Set<String> FEW = Set.of("InstanceId", "Status");

  @Test
  void theEmulatorsWholeFleetRendersAsItsTreesWrite() throws Exception {
    EmulatorConfig o =
        EmulatorConfig.defaults().toBuilder()
            .clock(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC))
            .instances(300)
            .seed(11)
            .anchor(Instant.parse("2026-11-01T00:00:00Z"))
            .build();
    try (EmulatorServer server = EmulatorServer.start(o)) {
      List<ObjectNode> fleet = server.store().snapshot();
      ArrayNode instances = JsonText.NODES.arrayNode();
      fleet.forEach(instances::add);
      byte[] page = page(instances);
      int masked = checkPage(page, instances);
      assertThat(masked).as("the fleet has secrets to mask").isGreaterThan(300);
    }
  }

  @Test
  void trickyValuesRenderAsTheirTreesWrite() throws Exception {
    String instances =
        "[{\"InstanceId\":\"dsw-1\",\"Status\":\"Running\",\"ImageAuth\":\"dXNlcjpwYXNz\","
            + "\"EnvironmentVariables\":{\"A\":\"1\",\"B\":\"\",\"C\":null,\"D\":true,\"E\":[\"x\",{\"F\":\"y\"}],\"G\":2.5},"
            + "\"CredentialConfig\":{\"AliyunEnvRoleKey\":\"0\",\"UserInfo\":{\"AccessKeyId\":\"LTAIx\",\"SecurityToken\":\"\"}},"
            + "\"Tokens\":[\"a\",\"b\"],\"ApiToken\":12345678901234567890123,\"Password\":-1.5e300,\"AuthMode\":false,\"Name\":\"caf\\u00e9"
            + " \\\"q\\\" \\\\ \\n"
            + " \\t \\u0001 \\ud83d\\ude00 中文\",\"Big\":[1,[2,{\"x\":3}]],"
            + "\"Empty\":{},\"Nothing\":[],\"n\":0,\"f\":0.1,\"neg\":-7}]";
    JsonNode tree = JsonText.read(instances.getBytes(StandardCharsets.UTF_8));
    // Hidden, by field whatever the shape: ImageAuth; below EnvironmentVariables A, G and E (an
    // array, masked whole), not B empty, C null, D boolean; AccessKeyId (SecurityToken is empty);
    // Tokens (an array); ApiToken; Password. AuthMode is a boolean, a setting: it stays.
    assertThat(checkPage(page(tree), tree)).isEqualTo(8);
  }

  @Property(tries = 300)
  void randomInstancesRenderAsTheirTreesWrite(@ForAll Random random) throws Exception {
    ArrayNode instances = JsonText.NODES.arrayNode();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      ObjectNode instance = (ObjectNode) object(random, 0);
      instance.put("InstanceId", "dsw-" + i);
      instances.add(instance);
    }
    checkPage(page(instances), instances);
  }

  @Test
  void aPageCutShortFailsInsteadOfRenderingHalfAnInstance() {
    byte[] cut =
        "{\"TotalCount\":1,\"Instances\":[{\"InstanceId\":\"dsw-1\",\"Env\":[\"a\""
            .getBytes(StandardCharsets.UTF_8);
    for (JsonText.Render r : List.of(JsonText.Render.MASKED, JsonText.Render.AS_SENT)) {
      assertThatThrownBy(() -> JsonText.readPage(cut, FEW, r)).isInstanceOf(IOException.class);
    }
  }

  /**
   * Reads the page both ways, compares every instance; returns how many values the mask hid. The
   * reference is the page read whole as a tree, as the tree path reads it (so numbers are what the
   * parser makes of them in both).
   */
  private static int checkPage(byte[] page, JsonNode source) throws IOException {
    JsonNode whole = JsonText.read(page).get("Instances");
    assertThat(whole).hasSize(source.size());
    int hidden = 0;
    for (Set<String> fields : java.util.Arrays.asList(FEW, null)) {
      JsonText.Page masked = JsonText.readPage(page, fields, JsonText.Render.MASKED);
      JsonText.Page asSent = JsonText.readPage(page, fields, JsonText.Render.AS_SENT);
      assertThat(masked.rendered()).hasSize(whole.size());
      for (int i = 0; i < whole.size(); i++) {
        JsonNode instance = whole.get(i);
        String expectMasked = write(g -> Masking.write(g, instance));
        assertThat(new String(masked.rendered().get(i), StandardCharsets.UTF_8))
            .isEqualTo(expectMasked);
        assertThat(new String(asSent.rendered().get(i), StandardCharsets.UTF_8))
            .isEqualTo(write(g -> JsonText.write(g, instance)));
        JsonNode kept = masked.root().get("Instances").get(i);
        if (fields != null) {
          assertThat(kept.properties()).allSatisfy(e -> assertThat(fields).contains(e.getKey()));
          fields.forEach(f -> assertThat(kept.get(f)).isEqualTo(instance.get(f)));
        } else {
          assertThat(kept).isEqualTo(instance);
          hidden += count(expectMasked, "\"" + Masking.MASK + "\"");
        }
      }
    }
    return hidden;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static byte[] page(JsonNode instances) {
    return ("{\"RequestId\":\"R\",\"TotalCount\":"
            + instances.size()
            + ",\"Instances\":"
            + JsonText.toString(instances)
            + ",\"After\":{\"Instances\":[1]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  private static String write(Writing w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonText.FACTORY.createGenerator(out)) {
      w.to(g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final String[] NAMES = {
    "Status",
    "Password",
    "EnvironmentVariables",
    "CredentialConfig",
    "ImageAuth",
    "SecurityToken",
    "AccessKeyId",
    "authorName",
    "Labels",
    "Value",
    "x",
    "",
    "名前",
    "Secret\"Key",
    "Tokens"
  };

  private static JsonNode object(Random r, int depth) {
    ObjectNode o = JsonText.NODES.objectNode();
    int fields = r.nextInt(depth == 0 ? 8 : 4);
    for (int i = 0; i < fields; i++) {
      o.set(NAMES[r.nextInt(NAMES.length)], value(r, depth + 1));
    }
    return o;
  }

  private static JsonNode value(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 7 : 9);
    return switch (kind) {
      case 0 -> JsonText.NODES.textNode(r.nextBoolean() ? "" : text(r));
      case 1 -> JsonText.NODES.numberNode(r.nextInt());
      case 2 -> JsonText.NODES.numberNode(r.nextLong());
      case 3 -> JsonText.NODES.numberNode(new BigInteger(100, r));
      case 4 ->
          JsonText.NODES.numberNode(r.nextBoolean() ? r.nextDouble() * 1e10 : -r.nextDouble());
      case 5 ->
          r.nextBoolean() ? JsonText.NODES.booleanNode(r.nextBoolean()) : JsonText.NODES.nullNode();
      case 6 -> JsonText.NODES.numberNode(new BigDecimal("1." + Math.abs(r.nextLong()) + "e-400"));
      case 7 -> object(r, depth);
      default -> {
        ArrayNode a = JsonText.NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth + 1));
        }
        yield a;
      }
    };
  }

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(12); i >= 0; i--) {
      int pick = r.nextInt(6);
      b.appendCodePoint(
          switch (pick) {
            case 0 -> r.nextInt(0x20); // control characters
            case 1 -> "\"\\/".charAt(r.nextInt(3));
            case 2 -> 0x4e00 + r.nextInt(0x100); // CJK
            case 3 -> 0x1f600 + r.nextInt(0x40); // emoji, outside the BMP
            default -> 'a' + r.nextInt(26);
          });
    }
    return b.toString();
  }
}
