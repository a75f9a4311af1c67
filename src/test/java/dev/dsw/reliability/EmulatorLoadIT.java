package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.api.DswClient;
import dev.dsw.api.HttpDswClient;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.http.Transport;
import dev.dsw.model.InstanceStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The emulator as a server others may run in their CI: loopback by default, request sizes capped,
 * 50 concurrent signed clients for 30 seconds without a single error, and a clean shutdown.
 */
class EmulatorLoadIT {
  static final int CLIENTS = 50;
  static final Duration LOAD = Duration.ofSeconds(30);

  @Test
  void servesFiftyClientsForThirtySecondsThenShutsDownCleanly() throws Exception {
    EmulatorServer server =
        EmulatorServer.start(
            EmulatorConfig.defaults().toBuilder()
                .instances(2000)
                .seed(11)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build());
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    int port = URI.create(server.baseUrl()).getPort();

    // Request size caps: a query over 32 KiB is 414, a body over 64 KiB is 413.
    HttpClient plain = HttpClient.newHttpClient();
    HttpResponse<String> longQuery =
        plain.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.baseUrl() + "/api/v2/instances?InstanceName=" + "x".repeat(40_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(longQuery.statusCode()).isEqualTo(414);
    HttpResponse<String> bigBody =
        plain.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/instances"))
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bigBody.statusCode()).isEqualTo(413);

    AtomicLong ok = new AtomicLong();
    AtomicLong instances = new AtomicLong();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(CLIENTS);
    Instant end = Instant.now().plus(LOAD);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                Credentials creds =
                    Credentials.of(
                        EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null, "load");
                try (Transport transport =
                        new Transport(
                            new Transport.Settings(
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(20),
                                0,
                                4,
                                "dsw-load",
                                Map.of(),
                                null,
                                Clock.systemUTC()),
                            CredentialProvider.of(creds));
                    DswClient dsw = new HttpDswClient(transport, server.baseUrl())) {
                  SplittableRandom r = new SplittableRandom(client);
                  while (Instant.now().isBefore(end)) {
                    ListInstancesQuery.Builder q =
                        ListInstancesQuery.builder().workspaceId("ALL").resourceId("ALL");
                    if (r.nextBoolean()) {
                      q.statuses(
                          List.of(
                              InstanceStatus.values()[r.nextInt(InstanceStatus.values().length)]));
                    }
                    long start = System.nanoTime();
                    try {
                      instances.addAndGet(
                          dsw.listInstances(q.build().page(1 + r.nextInt(20), 100))
                              .instances()
                              .size());
                      ok.incrementAndGet();
                      latencies.add((System.nanoTime() - start) / 1000);
                    } catch (RuntimeException e) {
                      errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-" + c);
      t.start();
    }
    done.await();
    long served = ok.get();
    server.close();

    assertThat(errors).as("errors under load").isEmpty();
    assertThat(served).as("requests answered").isGreaterThan(CLIENTS * 10L);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      throw new AssertionError("the port still accepts connections after close()");
    } catch (ConnectException expected) {
      // closed
    } catch (IOException other) {
      // also closed (e.g. reset)
    }
    Thread.sleep(200);
    long left =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("dsw-emulator"))
            .filter(Thread::isAlive)
            .count();
    assertThat(left).as("emulator threads alive after close()").isZero();

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Report.section(
        "50-emulator-load",
        "## The emulator under load (`EmulatorLoadIT`)\n\n"
            + CLIENTS
            + " signed clients (own connection "
            + "pools, no retries) listing random pages and statuses of a 2,000-instance fleet for "
            + LOAD.toSeconds()
            + " s on loopback, 2 cores shared with the clients: "
            + served
            + " requests answered ("
            + served / LOAD.toSeconds()
            + "/s), "
            + instances.get()
            + " instances served, "
            + errors.size()
            + " errors; latency p50 "
            + sorted.get(sorted.size() / 2) / 1000
            + " ms, p99 "
            + sorted.get(sorted.size() * 99 / 100) / 1000
            + " ms. Loopback by default (127.0.0.1); a query over 32 KiB got 414 and a body over 64"
            + " KiB 413; after close() the port refused connections and no emulator thread was"
            + " left. Unsigned, wrongly signed, expired and replayed requests are refused with the"
            + " gateway's codes (EmulatorAuthTest).");
  }
}
