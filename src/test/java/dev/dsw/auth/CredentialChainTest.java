package dev.dsw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.api.Emulators;
import dev.dsw.config.ConfigException;
import dev.dsw.emulator.EmulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per ordering rule of the chain (fake environment, temp home). */
class CredentialChainTest {
  @TempDir Path home;

  Map<String, String> env = new HashMap<>();

  CredentialProvider resolve(String profileFlag) {
    return new CredentialChain(env, home, profileFlag, Clock.systemUTC())
        .http(
            new dev.dsw.http.TokenTransport(
                dev.dsw.http.Transport.Settings.builder("dsw-test", env, Clock.systemUTC())
                    .build()))
        .resolve();
  }

  void config(String json) throws IOException {
    Files.createDirectories(home.resolve(".aliyun"));
    Files.writeString(home.resolve(".aliyun/config.json"), json);
  }

  void ini(String text) throws IOException {
    Files.createDirectories(home.resolve(".alibabacloud"));
    Files.writeString(home.resolve(".alibabacloud/credentials"), text);
  }

  static final String CONFIG =
      """
      {"current": "default", "profiles": [
        {"name": "default", "mode": "AK", "access_key_id": "LTAIconfigDEFAULT0001", "access_key_secret": "cfg-secret", "region_id": "cn-hangzhou"},
        {"name": "sts", "mode": "StsToken", "access_key_id": "STS.config00000000001", "access_key_secret": "sts-secret", "sts_token": "cfg-token"},
        {"name": "odd", "mode": "CloudSSO"}
      ]}\
      """;

  @Test
  void environmentComesFirstWithTheSecurityToken() throws IOException {
    config(CONFIG);
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv00000000000001");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
    env.put("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token");
    Credentials c = resolve(null).get();
    assertThat(c.accessKeyId()).isEqualTo("LTAIenv00000000000001");
    assertThat(c.securityToken()).isEqualTo("env-token");
  }

  @Test
  void legacyEnvironmentNamesWork() {
    env.put("ALICLOUD_ACCESS_KEY", "LTAIterraform00000001");
    env.put("ALICLOUD_SECRET_KEY", "tf-secret");
    assertThat(resolve(null).get().accessKeyId()).isEqualTo("LTAIterraform00000001");
  }

  @Test
  void halfAnEnvironmentPairIsAnErrorNotASilentFallThrough() {
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv00000000000001");
    assertThatThrownBy(() -> resolve(null))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("no AccessKey secret");
  }

  @Test
  void anExplicitProfileWinsOverTheEnvironment() throws IOException {
    config(CONFIG);
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv00000000000001");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
    Credentials c = resolve("sts").get();
    assertThat(c.accessKeyId()).isEqualTo("STS.config00000000001");
    assertThat(c.securityToken()).isEqualTo("cfg-token");
  }

  @Test
  void configFileCurrentProfileThenEnvSelectedProfile() throws IOException {
    config(CONFIG);
    assertThat(resolve(null).get().accessKeyId()).isEqualTo("LTAIconfigDEFAULT0001");
    env.put("ALIBABA_CLOUD_PROFILE", "sts");
    assertThat(resolve(null).get().accessKeyId()).isEqualTo("STS.config00000000001");
  }

  @Test
  void unknownProfileAndUnsupportedModeAreClearErrors() throws IOException {
    config(CONFIG);
    assertThatThrownBy(() -> resolve("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no profile 'nope'")
        .hasMessageContaining("default, sts, odd");
    assertThatThrownBy(() -> resolve("odd"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mode 'CloudSSO'");
  }

  @Test
  void iniFileSectionMustBeEnabled() throws IOException {
    ini(
        """
        [default]
        enable = false
        type = access_key
        access_key_id = LTAIdisabled000000001
        access_key_secret = x
        [team]
        enable = TRUE
        type = access_key
        access_key_id = LTAIiniTEAM0000000001 ; trailing comment
        access_key_secret = ini-secret
        """);
    assertThatThrownBy(() -> resolve(null))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("no credentials found");
    env.put("ALIBABA_CLOUD_PROFILE", "team");
    assertThat(resolve(null).get().accessKeyId()).isEqualTo("LTAIiniTEAM0000000001");
    assertThat(resolve(null).get().accessKeySecret()).isEqualTo("ini-secret");
  }

  @Test
  void nothingFoundListsEverySourceTriedInOrder() {
    assertThatThrownBy(() -> resolve(null))
        .isInstanceOfSatisfying(
            CredentialsException.class,
            e ->
                assertThat(String.join(" | ", e.tried()))
                    .containsSubsequence(
                        "environment",
                        "config.json",
                        ".alibabacloud/credentials",
                        "credentials.ini",
                        "ECS metadata",
                        "credentials URI"));
  }

  @Test
  void ramRoleArnAssumesTheRoleThroughStsAndCachesIt() throws IOException {
    try (EmulatorServer server = Emulators.start(Emulators.options())) {
      config(
          """
          {"current": "role", "profiles": [{"name": "role", "mode": "RamRoleArn",
            "access_key_id": "%s", "access_key_secret": "%s",
            "ram_role_arn": "acs:ram::1234567890123456:role/dsw-reader", "ram_session_name": "dsw-test",
            "sts_endpoint": "%s/sts"}]}\
          """
              .formatted(
                  EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, server.baseUrl()));
      CredentialProvider p = resolve(null);
      Credentials c = p.get();
      assertThat(c.accessKeyId()).startsWith("STS.");
      assertThat(c.securityToken()).startsWith("CAIS");
      assertThat(c.expiration()).isNotNull();
      assertThat(p.get()).isSameAs(c);
      // The assumed credentials work against the API.
      assertThat(
              new dev.dsw.api.HttpDswClient(Emulators.transportWith(p), server.baseUrl())
                  .listInstances(dev.dsw.api.ListInstancesQuery.builder().build())
                  .totalCount())
          .isPositive();
    }
  }

  @Test
  void wrongBaseSecretForAssumeRoleIsACredentialsError() throws IOException {
    try (EmulatorServer server = Emulators.start(Emulators.options())) {
      config(
          """
          {"current": "role", "profiles": [{"name": "role", "mode": "RamRoleArn",
            "access_key_id": "%s", "access_key_secret": "wrong",
            "ram_role_arn": "acs:ram::1:role/r", "ram_session_name": "s", "sts_endpoint": "%s/sts"}]}\
          """
              .formatted(EmulatorServer.DEMO_KEY_ID, server.baseUrl()));
      assertThatThrownBy(() -> resolve(null).get())
          .isInstanceOf(CredentialsException.class)
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageNotContaining("wrong");
    }
  }

  @Test
  void ecsMetadataOnlyWhenARoleIsNamedAndCredentialsUriLast() {
    try (EmulatorServer server = Emulators.start(Emulators.options())) {
      env.put(CredentialChain.METADATA_VAR, server.baseUrl());
      env.put("ALIBABA_CLOUD_ECS_METADATA", "EmulatorEcsRole");
      Credentials c = resolve(null).get();
      assertThat(c.accessKeyId()).startsWith("STS.");
      assertThat(c.source()).contains("ECS metadata");
      env.remove("ALIBABA_CLOUD_ECS_METADATA");
      env.put("ALIBABA_CLOUD_CREDENTIALS_URI", server.baseUrl() + "/credentials");
      assertThat(resolve(null).get().source()).contains("credentials URI");
    }
  }

  @Test
  void chainableRoleUsesItsSourceProfileAndRefusesLoops() throws IOException {
    try (EmulatorServer server = Emulators.start(Emulators.options())) {
      config(
          """
          {"current": "chain", "profiles": [
            {"name": "base", "mode": "AK", "access_key_id": "%s", "access_key_secret": "%s"},
            {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "base",
             "ram_role_arn": "acs:ram::1:role/r", "ram_session_name": "s", "sts_endpoint": "%s/sts"},
            {"name": "loop", "mode": "ChainableRamRoleArn", "source_profile": "loop", "ram_role_arn": "acs:ram::1:role/r"}
          ]}\
          """
              .formatted(
                  EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, server.baseUrl()));
      assertThat(resolve(null).get().accessKeyId()).startsWith("STS.");
      assertThatThrownBy(() -> resolve("loop"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("loops");
    }
  }
}
