package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format sits behind the one masking step: whatever Format.formatter hands out masks every
 * secret field by default and shows it with --show-secrets. A format added to the enum is covered
 * here without anyone remembering to add it.
 */
class MaskingStepTest {
  static final List<String> SECRETS =
      List.of(
          "img-auth-c2VjcmV0",
          "env-value-8731",
          "svc-pass-0042",
          "LTAIcredkey000042",
          "tok-3391-do-not-print");

  /** For the formats that print columns: every secret-bearing field as a column. */
  static final List<String> SECRET_COLUMNS =
      List.of(
          "ID",
          "ImageAuth",
          "EnvironmentVariables.HF_TOKEN",
          "ServiceConfig.Password",
          "CredentialConfig.AccessKeyId",
          "ServiceConfig.Token");

  static Instance instance() throws Exception {
    ObjectNode raw =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"InstanceId\":\"dsw-m1\",\"InstanceName\":\"masked\","
                    + "\"Status\":\"Running\",\"ImageAuth\":\"img-auth-c2VjcmV0\",\"EnvironmentVariables\":{\"HF_TOKEN\":"
                    + "\"env-value-8731\"},\"ServiceConfig\":{\"Password\":\"svc-pass-0042\",\"Token\":\"tok-3391-do-not-print\"},\"CredentialConfig\":"
                    + "{\"AccessKeyId\":\"LTAIcredkey000042\"}}");
    return new Instance(raw);
  }

  static String render(Format format, boolean showSecrets) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    InstanceColumns known =
        new InstanceColumns(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    OutputSpec spec =
        OutputSpec.builder(out)
            .columns(known.resolve(SECRET_COLUMNS))
            .showSecrets(showSecrets)
            .build();
    Formatter f = format.formatter(spec);
    f.begin();
    f.row(instance());
    f.end();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "-o {0}")
  @EnumSource(Format.class)
  void everyFormatMasksEverySecretByDefault(Format format) throws Exception {
    String shown = render(format, false);
    // -o name prints the ID alone: nothing to mask, and nothing that could hold a secret
    assertThat(shown).contains("dsw-m1").contains(format == Format.name ? "dsw-m1" : "***");
    for (String secret : SECRETS) {
      assertThat(shown).as("-o %s shows %s", format, secret).doesNotContain(secret);
    }
  }

  @ParameterizedTest(name = "-o {0} --show-secrets")
  @EnumSource(Format.class)
  void everyFormatShowsSecretsWhenAsked(Format format) throws Exception {
    String shown = render(format, true);
    // detail prints sections, not every field: of these it shows the registry auth and the
    // environment
    if (format == Format.name) {
      assertThat(shown).isEqualTo("dsw-m1\n"); // the ID alone, asked for secrets or not
      return;
    }
    for (String secret : format == Format.detail ? SECRETS.subList(0, 2) : SECRETS) {
      assertThat(shown).as("-o %s --show-secrets hides %s", format, secret).contains(secret);
    }
  }

  @org.junit.jupiter.api.Test
  void instancesRenderedWhileReadPassAsTheyAre() throws Exception {
    // the page reader renders a masked instance itself (JsonText.Render.MASKED): the step must not
    // mask twice
    Instance read =
        new Instance(
            instance().raw(), "{\"InstanceId\":\"dsw-m1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(Secrets.apply(read, false)).isSameAs(read);
    assertThat(Optional.of(Secrets.apply(instance(), false).raw().get("ImageAuth").asText()))
        .contains("***");
  }
}
