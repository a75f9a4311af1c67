package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.completion.CompletionCache;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files dsw reads (warned about when others can read them) and writes (0600, atomic, never torn).
 */
class LocalFilesTest {
  @TempDir Path home;

  @Test
  void warnsWhenTheConfigFileIsReadableByOthers() throws Exception {
    Path config = Files.createDirectories(home.resolve(".aliyun")).resolve("config.json");
    Files.writeString(
        config,
        "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"AK\","
            + "\"access_key_id\":\"LTAI5tPermsKey000001\",\"access_key_secret\":\"perm-secret\",\"region_id\":\"cn-hangzhou\"}]}");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    TestEnvironment open = new TestEnvironment(home);
    assertThat(open.run("config", "show")).isZero();
    assertThat(open.stderr())
        .contains("warning: " + config + " holds credentials but is readable by group and others")
        .contains("chmod 600 " + config)
        .doesNotContain("perm-secret");

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    TestEnvironment closed = new TestEnvironment(home);
    assertThat(closed.run("config", "show")).isZero();
    assertThat(closed.stderr()).doesNotContain("readable by");
  }

  @Test
  void warnsWhenTheCredentialsIniIsReadableByGroup() throws Exception {
    Path ini = Files.createDirectories(home.resolve(".alibabacloud")).resolve("credentials");
    Files.writeString(
        ini,
        "[default]\nenable = true\ntype = access_key\naccess_key_id = LTAI5tIniKey00000001\n"
            + "access_key_secret = ini-secret\n");
    Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r-----"));
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("config", "show", "--region", "cn-hangzhou")).as(env.stderr()).isZero();
    assertThat(env.stderr())
        .contains(ini + " holds credentials but is readable by group (rw-r-----)");
  }

  /** Saves the IDs seen by one listing, as Listing does. */
  private static boolean listed(TestEnvironment env, String... ids) {
    CompletionCache cache = new CompletionCache(env, "p-.r-.e-");
    for (String id : ids) {
      cache.record(new Instance(Json.MAPPER.createObjectNode().put("InstanceId", id)));
    }
    return cache.save();
  }

  @Test
  void theCompletionCacheKeepsTheNewestFirstAndIsNotRewrittenWhenNothingChanged() throws Exception {
    TestEnvironment env =
        new TestEnvironment(home).set("XDG_CACHE_HOME", home.resolve("c").toString());
    Path ids = home.resolve("c/dsw/complete/p-.r-.e-/instance-ids");
    assertThat(listed(env, "dsw-b", "dsw-c")).isTrue();
    assertThat(listed(env, "dsw-a", "dsw-b")).isTrue();
    assertThat(Files.readAllLines(ids)).containsExactly("dsw-a", "dsw-b", "dsw-c");
    // The same listing again: the file already starts with these lines, and is left alone.
    Object before =
        Files.readAttributes(ids, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    java.nio.file.attribute.FileTime hourAgo =
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now()
                .minusSeconds(3600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    Files.setLastModifiedTime(ids, hourAgo);
    assertThat(listed(env, "dsw-a", "dsw-b")).isTrue();
    assertThat(Files.getLastModifiedTime(ids)).isEqualTo(hourAgo);
    assertThat(
            Files.readAttributes(ids, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .isEqualTo(before);
    // Not a prefix of whole lines ("dsw-a" is a prefix of "dsw-ab" as bytes only): merged as
    // before.
    assertThat(listed(env, "dsw-ab")).isTrue();
    assertThat(Files.readAllLines(ids)).containsExactly("dsw-ab", "dsw-a", "dsw-b", "dsw-c");
    assertThat(listed(env, "dsw-c")).isTrue();
    assertThat(Files.readAllLines(ids)).containsExactly("dsw-c", "dsw-ab", "dsw-a", "dsw-b");
    // Older than a day: what it held is not offered any more, so it is not merged either, and the
    // file is written afresh (its time too), even for the same lines.
    Files.setLastModifiedTime(ids, java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(listed(env, "dsw-c")).isTrue();
    assertThat(Files.readAllLines(ids)).containsExactly("dsw-c");
    assertThat(Files.getLastModifiedTime(ids).toInstant())
        .isAfter(java.time.Instant.now().minusSeconds(60));
  }

  @Test
  void parallelWritersNeverLeaveATornOrOpenCacheFile() throws Exception {
    TestEnvironment env =
        new TestEnvironment(home).set("XDG_CACHE_HOME", home.resolve("c").toString());
    Path ids = home.resolve("c/dsw/complete/p-.r-.e-/instance-ids");
    int writers = 8;
    int rounds = 40;
    Pattern line = Pattern.compile("dsw-w\\d-r\\d+-i\\d+");
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger(writers);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      new Thread(
              () -> {
                try {
                  go.await();
                  for (int r = 0; r < rounds; r++) {
                    CompletionCache cache = new CompletionCache(env, "p-.r-.e-");
                    for (int i = 0; i < 30; i++) {
                      ObjectNode n =
                          Json.MAPPER
                              .createObjectNode()
                              .put("InstanceId", "dsw-w" + writer + "-r" + r + "-i" + i);
                      cache.record(new Instance(n));
                    }
                    if (!cache.save()) {
                      problems.add("writer " + writer + " could not save");
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  running.decrementAndGet();
                }
              })
          .start();
    }
    go.countDown();
    int reads = 0;
    while (running.get() > 0) {
      List<String> lines;
      try {
        lines = Files.readAllLines(ids, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue;
      }
      reads++;
      if (lines.isEmpty()
          || !lines.stream().allMatch(l -> line.matcher(l).matches())
          || new HashSet<>(lines).size() != lines.size()) {
        problems.add("torn read: " + lines.size() + " lines");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(reads)
        .as("the reader saw the file many times while it was rewritten")
        .isGreaterThan(10);
    assertThat(Files.readAllLines(ids))
        .hasSizeGreaterThanOrEqualTo(30)
        .allMatch(l -> line.matcher(l).matches());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ids)))
        .isEqualTo("rw-------");
    try (var left = Files.list(ids.getParent())) {
      assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
