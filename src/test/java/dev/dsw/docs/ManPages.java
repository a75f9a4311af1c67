package dev.dsw.docs;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.cli.run.Services;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * dsw's man pages, one per command, generated from the same picocli model that prints {@code
 * --help}: picocli-codegen's ManPageGenerator writes AsciiDoc in the manpage doctype, and
 * Asciidoctor turns it into troff. The dist build runs {@link #main} to put the pages in the
 * archive's man/man1; ManPagesTest renders what it writes with {@code man -l}.
 */
public final class ManPages {
  private ManPages() {}

  /** Usage: ManPages OUTDIR; writes OUTDIR/man1/dsw.1, dsw-list.1, ... */
  public static void main(String[] args) throws IOException {
    List<Path> pages = write(Path.of(args[0]));
    System.out.println("dsw: " + pages.size() + " man pages in " + Path.of(args[0], "man1"));
  }

  /** Writes every command's page under {@code dir}/man1 and returns their paths, sorted. */
  public static List<Path> write(Path dir) throws IOException {
    Path adoc = dir.resolve("adoc");
    Path man1 = dir.resolve("man1");
    Files.createDirectories(adoc);
    Files.createDirectories(man1);
    Path home = Files.createTempDirectory("dsw-man");
    try (Services services = new Services(new TestEnvironment(home))) {
      CommandLine cl = CommandFactory.commandLine(services);
      cl.getCommandSpec().usageMessage().width(80);
      int code =
          ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[1], false, specs(cl));
      if (code != 0) {
        throw new IOException("ManPageGenerator exited " + code);
      }
    }
    List<File> sources;
    try (Stream<Path> files = Files.list(adoc)) {
      sources =
          files.filter(p -> p.toString().endsWith(".adoc")).sorted().map(Path::toFile).toList();
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (File source : sources) {
        asciidoctor.convertFile(
            source,
            Options.builder()
                .backend("manpage")
                .safe(SafeMode.UNSAFE)
                .toDir(man1.toFile())
                .mkDirs(true)
                .attributes(
                    org.asciidoctor.Attributes.builder().attribute("reproducible", "").build())
                .build());
      }
    }
    try (Stream<Path> files = Files.list(man1)) {
      return files.filter(p -> p.toString().endsWith(".1")).sorted().toList();
    }
  }

  /** The root and every command under it but the help command, which has no page of its own. */
  private static CommandLine.Model.CommandSpec[] specs(CommandLine cl) {
    List<CommandLine.Model.CommandSpec> all = new ArrayList<>();
    all.add(cl.getCommandSpec());
    globalOptionsLast(cl);
    return all.toArray(CommandLine.Model.CommandSpec[]::new);
  }

  /**
   * Each page lists the command's own options first and the global ones after them, as --help does
   * (HelpLayout): the global mixin is declared first in every command, so its options are moved to
   * the end of the model the generator reads.
   */
  private static void globalOptionsLast(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    CommandLine.Model.CommandSpec global =
        spec.mixins().get(dev.dsw.cli.options.GlobalOptions.MIXIN_NAME);
    if (global != null && cl.getParent() != null) {
      for (CommandLine.Model.OptionSpec o : global.options()) {
        CommandLine.Model.OptionSpec own = spec.findOption(o.longestName());
        if (own != null) {
          spec.remove(own);
          spec.addOption(own);
        }
      }
    }
    cl.getSubcommands().values().stream().distinct().forEach(ManPages::globalOptionsLast);
  }
}
