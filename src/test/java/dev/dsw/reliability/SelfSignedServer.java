package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS server with a throwaway self-signed certificate (made by keytool for 127.0.0.1),
 * and that certificate as PEM; it answers every request with one instance, dsw-tls0001.
 */
public record SelfSignedServer(HttpsServer https, Path pem, AtomicInteger served)
    implements AutoCloseable {
  public String url() {
    return "https://127.0.0.1:" + https.getAddress().getPort();
  }

  @Override
  public void close() {
    https.stop(0);
  }

  public static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process keytool = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();
  }

  /**
   * A throwaway EC key pair and certificate made by keytool: the key store {@code dir/ALIAS.p12}
   * (password changeit) and the certificate as PEM, {@code dir/ALIAS.pem}, which is returned.
   */
  public static Path certificate(Path dir, String alias, String dname, String... extra)
      throws Exception {
    Path store = dir.resolve(alias + ".p12");
    List<String> gen =
        new java.util.ArrayList<>(
            List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", dname));
    gen.addAll(List.of(extra));
    gen.addAll(
        List.of(
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            "changeit"));
    keytool(gen.toArray(String[]::new));
    Path pem = dir.resolve(alias + ".pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        alias,
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    return pem;
  }

  public static SelfSignedServer start(Path dir) throws Exception {
    return start(
        dir,
        "{\"RequestId\":\"R\",\"TotalCount\":1,\"Instances\":[{\"InstanceId\":"
            + "\"dsw-tls0001\",\"InstanceName\":\"over-tls\",\"Status\":\"Running\"}]}");
  }

  /** A self-signed https server on loopback that answers every request with this body. */
  public static SelfSignedServer start(Path dir, String answer) throws Exception {
    Path pem = certificate(dir, "server", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1");
    Path store = dir.resolve("server.p12");
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
          byte[] body = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    return new SelfSignedServer(server, pem, served);
  }
}
