package dev.dsw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.sts20150401.Client;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.aliyun.sts20150401.models.GetCallerIdentityResponseBody;
import com.aliyun.teaopenapi.models.Config;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STS GetCallerIdentity on the emulator, asked by Alibaba's official STS client (sts20150401 1.1.4:
 * a V1-signed POST to /), for each kind of identity the emulator can be given, and for the keys its
 * AssumeRole hands out.
 */
class CallerIdentityTest {
  static Client official(EmulatorServer server, String id, String secret, String token)
      throws Exception {
    Config c =
        new Config()
            .setAccessKeyId(id)
            .setAccessKeySecret(secret)
            .setEndpoint(server.baseUrl().replace("http://", ""))
            .setProtocol("http");
    if (token != null) {
      c.setSecurityToken(token);
    }
    return new Client(c);
  }

  static EmulatorServer start(EmulatorConfig.Builder b) throws IOException {
    return EmulatorServer.start(b.port(0).build());
  }

  @Test
  void aRamUserIsItsUserIdAndArn() throws Exception {
    try (EmulatorServer server =
        start(
            EmulatorConfig.builder()
                .caller("ram-user", "5550001112223334", "2169000000000042", "admin"))) {
      GetCallerIdentityResponseBody me =
          official(server, EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null)
              .getCallerIdentity()
              .getBody();
      assertThat(me.getIdentityType()).isEqualTo("RAMUser");
      assertThat(me.getAccountId()).isEqualTo("5550001112223334");
      assertThat(me.getUserId()).isEqualTo("2169000000000042");
      assertThat(me.getPrincipalId()).isEqualTo("2169000000000042");
      assertThat(me.getArn()).isEqualTo("acs:ram::5550001112223334:user/admin");
      assertThat(me.getRoleId()).isNull();
      assertThat(me.getRequestId()).isNotEmpty();
    }
  }

  @Test
  void theAccountIsItsOwnUserIdAndRoot() throws Exception {
    try (EmulatorServer server =
        start(EmulatorConfig.builder().caller("account", "5550001112223334", "", ""))) {
      GetCallerIdentityResponseBody me =
          official(server, EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null)
              .getCallerIdentity()
              .getBody();
      assertThat(me.getIdentityType()).isEqualTo("Account");
      assertThat(me.getUserId()).isEqualTo("5550001112223334");
      assertThat(me.getArn()).isEqualTo("acs:ram::5550001112223334:root");
    }
  }

  @Test
  void keysFromAssumeRoleAreThatRoleAndItsSession() throws Exception {
    try (EmulatorServer server = start(EmulatorConfig.builder())) {
      AssumeRoleResponseBody assumed =
          official(server, EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null)
              .assumeRole(
                  new AssumeRoleRequest()
                      .setRoleArn("acs:ram::1234567890123456:role/dsw-reader")
                      .setRoleSessionName("ci-job"))
              .getBody();
      var keys = assumed.getCredentials();
      GetCallerIdentityResponseBody me =
          official(
                  server, keys.getAccessKeyId(), keys.getAccessKeySecret(), keys.getSecurityToken())
              .getCallerIdentity()
              .getBody();
      assertThat(me.getIdentityType()).isEqualTo("AssumedRoleUser");
      assertThat(me.getRoleId())
          .isEqualTo(assumed.getAssumedRoleUser().getAssumedRoleId().split(":")[0]);
      assertThat(me.getPrincipalId()).isEqualTo(me.getRoleId() + ":ci-job");
      assertThat(me.getArn()).isEqualTo("acs:ram::1234567890123456:assumed-role/dsw-reader/ci-job");
      assertThat(me.getUserId()).isNull();
      // the same keys without their token are refused
      assertThatThrownBy(
              () ->
                  official(server, keys.getAccessKeyId(), keys.getAccessKeySecret(), null)
                      .getCallerIdentity())
          .isInstanceOfSatisfying(
              com.aliyun.tea.TeaException.class,
              e -> assertThat(e.getCode()).startsWith("InvalidSecurityToken"));
    }
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    try (EmulatorServer server = start(EmulatorConfig.builder())) {
      assertThatThrownBy(
              () ->
                  official(server, EmulatorServer.DEMO_KEY_ID, "not-the-secret", null)
                      .getCallerIdentity())
          .isInstanceOfSatisfying(
              com.aliyun.tea.TeaException.class,
              e -> assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch"));
    }
  }

  /**
   * dsw signs GetCallerIdentity with its own V1 signer (a GET, as AssumeRole): the official
   * library's RPC signature over the same parameters is the same string.
   */
  @Test
  void dswsV1SignatureIsTheOfficialLibrarys() throws Exception {
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("Action", "GetCallerIdentity");
    fixed.put("Format", "JSON");
    fixed.put("Version", "2015-04-01");
    Map<String, String> signed =
        dev.dsw.auth.RpcSigner.signed(
            fixed,
            dev.dsw.auth.Credentials.of("AKIDEXAMPLE", "secret-example", "tok", "test"),
            java.time.Clock.systemUTC());
    Map<String, String> params = new LinkedHashMap<>(signed);
    String ours = params.remove("Signature");
    assertThat(params).containsEntry("SecurityToken", "tok").containsKey("SignatureNonce");
    assertThat(ours)
        .isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(params, "GET", "secret-example"));
  }
}
