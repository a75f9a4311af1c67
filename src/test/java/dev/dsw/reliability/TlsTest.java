package dev.dsw.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.dsw.cli.TestEnvironment;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS certificates are always verified: a self-signed server is refused, and no code can switch
 * checks off.
 */
class TlsTest {
  @TempDir Path dir;

  @Test
  void aServerWithAnUntrustedCertificateIsRefused() throws Exception {
    Path store = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    AtomicInteger served = new AtomicInteger();
    server.createContext(
        "/",
        ex -> {
          served.incrementAndGet();
          byte[] body = "{\"RequestId\":\"R\",\"TotalCount\":0,\"Instances\":[]}".getBytes();
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      TestEnvironment env =
          new TestEnvironment(dir)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tTlsKey00000001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "tls-secret");
      int code =
          env.run(
              "list",
              "--endpoint",
              "https://127.0.0.1:" + server.getAddress().getPort(),
              "--retries",
              "0");
      assertThat(code).as(env.stderr()).isEqualTo(1);
      assertThat(env.stderr())
          .startsWith("dsw: TLS failure with 127.0.0.1:")
          .doesNotContain("\tat ");
      assertThat(served).as("no request was answered over the untrusted connection").hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void nothingInDswReplacesCertificateOrHostnameChecks() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dsw");
    noClasses()
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
