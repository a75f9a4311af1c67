package dev.dsw.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.dsw.cli.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS certificates are always verified: a self-signed server is refused unless a CA bundle the user
 * names (--ca-bundle, DSW_CA_BUNDLE) holds its certificate, and no code can switch checks off.
 */
class TlsTest {
  @TempDir Path dir;

  private TestEnvironment env() {
    return new TestEnvironment(dir)
        .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tTlsKey00000001")
        .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "tls-secret");
  }

  @Test
  void aServerWithAnUntrustedCertificateIsRefused() throws Exception {
    try (SelfSignedServer server = SelfSignedServer.start(dir)) {
      TestEnvironment env = env();
      int code = env.run("list", "--endpoint", server.url(), "--retries", "0");
      assertThat(code).as(env.stderr()).isEqualTo(1);
      assertThat(env.stderr())
          .startsWith("dsw: TLS failure with 127.0.0.1:")
          .doesNotContain("\tat ");
      assertThat(server.served())
          .as("no request was answered over the untrusted connection")
          .hasValue(0);
    }
  }

  @Test
  void caBundleOptionTrustsTheCertificatesInIt() throws Exception {
    try (SelfSignedServer server = SelfSignedServer.start(dir)) {
      TestEnvironment env = env();
      int code =
          env.run(
              "list",
              "--endpoint",
              server.url(),
              "--retries",
              "0",
              "--ca-bundle",
              server.pem().toString(),
              "-o",
              "csv",
              "--columns",
              "ID,NAME");
      assertThat(code).as(env.stderr()).isZero();
      assertThat(env.stdout()).isEqualTo("ID,NAME\ndsw-tls0001,over-tls\n");
      assertThat(server.served()).hasValue(1);
    }
  }

  @Test
  void caBundleVariableTrustsTheCertificatesInIt() throws Exception {
    try (SelfSignedServer server = SelfSignedServer.start(dir)) {
      TestEnvironment env = env().set("DSW_CA_BUNDLE", server.pem().toString());
      int code = env.run("list", "--endpoint", server.url(), "--retries", "0", "-o", "jsonl");
      assertThat(code).as(env.stderr()).isZero();
      assertThat(env.stdout()).contains("\"InstanceId\":\"dsw-tls0001\"");
    }
  }

  @Test
  void aBundleOfOtherCertificatesReplacesTheRuntimesAndStillChecks() throws Exception {
    try (SelfSignedServer server = SelfSignedServer.start(dir)) {
      Path otherPem = SelfSignedServer.certificate(dir, "other", "CN=other");
      TestEnvironment env = env();
      int code =
          env.run(
              "list",
              "--endpoint",
              server.url(),
              "--retries",
              "0",
              "--ca-bundle",
              otherPem.toString());
      assertThat(code).as(env.stderr()).isEqualTo(1);
      assertThat(env.stderr()).startsWith("dsw: TLS failure with 127.0.0.1:");
      assertThat(server.served()).hasValue(0);
    }
  }

  @Test
  void anUnusableBundleIsAUsageErrorInOneLine() throws Exception {
    Path notPem = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
    for (String[] c :
        new String[][] {
          {dir.resolve("missing.pem").toString(), "does not exist"},
          {dir.toString(), "is not a regular file"},
          {notPem.toString(), "holds no"},
        }) {
      TestEnvironment env = env();
      int code = env.run("list", "--endpoint", "https://127.0.0.1:9", "--ca-bundle", c[0]);
      assertThat(code).as(env.stderr()).isEqualTo(2);
      assertThat(env.stderr()).contains(c[1]).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw:")).count()).isEqualTo(1);
      assertThat(env.stdout()).isEmpty();
    }
  }

  @Test
  void nothingInDswReplacesCertificateOrHostnameChecks() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dsw");
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.http.Transport") // the CA bundle's JDK trust manager
        .should()
        .implement(X509TrustManager.class)
        .orShould()
        .implement(HostnameVerifier.class)
        .orShould()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "okhttp TLS overrides",
                call ->
                    List.of("sslSocketFactory", "hostnameVerifier", "certificatePinner")
                        .contains(call.getTarget().getName())))
        .check(classes);
  }
}
