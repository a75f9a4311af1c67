package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials travel only over verified channels (issue #31): each credential provider that fetches
 * (STS AssumeRole, the ECS metadata service, a credentials URI) goes through the one HTTP stack, so
 * it trusts what --ca-bundle names and nothing else, goes through the proxy of the environment, and
 * obeys --timeout end to end.
 */
class CredentialChannelsTest {
  static final String KEY_ID = "LTAI5tChannelKey0042";
  static final String SECRET = "channel-secret-do-not-print";

  /** What every credential service answers: the STS shape and the metadata/URI shape at once. */
  static final String ANSWER =
      "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.ChannelKey0001\",\"AccessKeySecret\":\"sts-s\","
          + "\"SecurityToken\":\"sts-token-do-not-print\",\"Expiration\":\"2099-01-01T00:00:00Z\","
          + "\"Credentials\":{\"AccessKeyId\":\"STS.ChannelKey0001\",\"AccessKeySecret\":\"sts-s\","
          + "\"SecurityToken\":\"sts-token-do-not-print\",\"Expiration\":\"2099-01-01T00:00:00Z\"}}";

  @TempDir Path home;

  /** A RamRoleArn profile whose STS endpoint is this URL. */
  private TestEnvironment roleProfile(String sts) throws Exception {
    Files.createDirectories(home.resolve(".aliyun"));
    Path config = home.resolve(".aliyun/config.json");
    Files.writeString(
        config,
        "{\"current\":\"r\",\"profiles\":[{\"name\":\"r\",\"mode\":\"RamRoleArn\","
            + "\"access_key_id\":\""
            + KEY_ID
            + "\",\"access_key_secret\":\""
            + SECRET
            + "\",\"ram_role_arn\":\"acs:ram::123:role/ops\",\"region_id\":\"cn-hangzhou\","
            + "\"sts_endpoint\":\""
            + sts
            + "\"}]}");
    Files.setPosixFilePermissions(
        config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return new TestEnvironment(home);
  }

  /** dsw --dry-run list: signing the request needs the credentials, so they are fetched. */
  private static int dryRun(TestEnvironment env, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--dry-run", "--retries", "0", "list", "--endpoint", "http://127.0.0.1:9"));
    args.addAll(java.util.List.of(more));
    return env.run(args.toArray(String[]::new));
  }

  private static void clean(TestEnvironment env) {
    assertThat(env.stdout() + env.stderr())
        .doesNotContain(SECRET)
        .doesNotContain("sts-token-do-not-print")
        .doesNotContain(KEY_ID)
        .doesNotContain("\tat ");
  }

  @Test
  void stsTrustsWhatCaBundleNamesAndNothingElse() throws Exception {
    try (SelfSignedServer sts = SelfSignedServer.start(home, ANSWER)) {
      TestEnvironment refused = roleProfile(sts.url());
      assertThat(dryRun(refused)).as(refused.stderr()).isEqualTo(4);
      assertThat(refused.stderr()).startsWith("dsw: STS AssumeRole unreachable");
      assertThat(sts.served()).hasValue(0);
      clean(refused);

      TestEnvironment trusted = roleProfile(sts.url());
      assertThat(dryRun(trusted, "--ca-bundle", sts.pem().toString()))
          .as(trusted.stderr())
          .isZero();
      assertThat(sts.served()).hasValue(1);
      assertThat(trusted.stdout()).contains("x-acs-security-token: ***").contains("STS.");
      clean(trusted);
    }
  }

  @Test
  void ecsMetadataAndTheCredentialsUriTrustWhatCaBundleNames() throws Exception {
    try (SelfSignedServer server = SelfSignedServer.start(home, ANSWER)) {
      TestEnvironment metadata =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
              .set("ALIBABA_CLOUD_ECS_METADATA", "ops-role")
              .set("DSW_ECS_METADATA_ENDPOINT", server.url());
      assertThat(dryRun(metadata)).isEqualTo(4);
      assertThat(server.served()).hasValue(0);
      assertThat(dryRun(metadata, "--ca-bundle", server.pem().toString()))
          .as(metadata.stderr())
          .isZero();
      assertThat(server.served().get()).isPositive();

      int before = server.served().get();
      TestEnvironment uri =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
              .set("ALIBABA_CLOUD_CREDENTIALS_URI", server.url() + "/creds");
      assertThat(dryRun(uri)).isEqualTo(4);
      assertThat(server.served()).hasValue(before);
      assertThat(dryRun(uri, "--ca-bundle", server.pem().toString())).as(uri.stderr()).isZero();
      assertThat(server.served().get()).isGreaterThan(before);
      clean(uri);
    }
  }

  @Test
  void stsAndTheCredentialsUriGoThroughTheProxy() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.enqueue(new MockResponse.Builder().code(403).build());
      proxy.enqueue(new MockResponse.Builder().code(403).build());
      proxy.start();
      String proxyUrl = "http://127.0.0.1:" + proxy.getPort();

      TestEnvironment sts = roleProfile("https://sts.example.test").set("HTTPS_PROXY", proxyUrl);
      assertThat(dryRun(sts)).as(sts.stderr()).isEqualTo(4);
      RecordedRequest connect = proxy.takeRequest(5, TimeUnit.SECONDS);
      assertThat(connect).isNotNull();
      assertThat(connect.getRequestLine()).startsWith("CONNECT sts.example.test:443");
      clean(sts);

      TestEnvironment uri =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
              .set("ALIBABA_CLOUD_CREDENTIALS_URI", "https://creds.example.test/token")
              .set("HTTPS_PROXY", proxyUrl);
      Files.delete(home.resolve(".aliyun/config.json"));
      assertThat(dryRun(uri)).as(uri.stderr()).isEqualTo(4);
      RecordedRequest second = proxy.takeRequest(5, TimeUnit.SECONDS);
      assertThat(second).isNotNull();
      assertThat(second.getRequestLine()).startsWith("CONNECT creds.example.test:443");
    }
  }

  @Test
  @Timeout(30)
  void aCredentialsUriThatTricklesIsCutOffByTimeout() throws Exception {
    try (MockWebServer slow = new MockWebServer()) {
      slow.enqueue(
          new MockResponse.Builder()
              .body(ANSWER)
              .throttleBody(1, 1, TimeUnit.SECONDS) // one byte a second: ~400 s for the body
              .build());
      slow.start();
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
              .set("ALIBABA_CLOUD_CREDENTIALS_URI", slow.url("/creds").toString());
      long start = System.nanoTime();
      int code = env.run("--timeout", "2s", "--dry-run", "--retries", "0", "list");
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(code).as(env.stderr()).isEqualTo(4);
      assertThat(seconds).as("bounded by --timeout 2s").isLessThan(10);
      assertThat(env.stderr()).startsWith("dsw: credentials URI unreachable");
    }
  }

  @Test
  void theStsCallIsRedactedInDebugLines() throws Exception {
    try (MockWebServer sts = new MockWebServer()) {
      sts.enqueue(new MockResponse.Builder().body(ANSWER).build());
      sts.start();
      TestEnvironment env = roleProfile(sts.url("/").toString());
      assertThat(dryRun(env, "--debug")).as(env.stderr()).isZero();
      RecordedRequest call = sts.takeRequest();
      // the wire has the whole signed call; the debug line shows the key masked, the rest redacted
      assertThat(call.getUrl().queryParameter("AccessKeyId")).isEqualTo(KEY_ID);
      assertThat(env.stderr())
          .contains("debug: > GET http://")
          .contains("AccessKeyId=LTAI****0042")
          .contains("Signature=***");
      clean(env);
    }
  }
}
