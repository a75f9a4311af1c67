package dev.dsw.cli.commands;

import dev.dsw.cli.completion.CompletionScripts;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * dsw completion bash|zsh: prints the completion script, the same one checked in under
 * completions/.
 */
@Command(
    name = "completion",
    description = "Print the shell completion script for bash or zsh.",
    footerHeading = "%nInstall:%n",
    footer = {
      "  bash: source <(dsw completion bash)",
      "        or save it as ~/.local/share/bash-completion/completions/dsw",
      "  zsh:  dsw completion zsh > ~/.zfunc/_dsw",
      "        with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc",
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells dsw writes completion for. */
  public enum Shell {
    bash,
    zsh
  }

  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Parameters(paramLabel = "<shell>", description = "One of: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Spec CommandSpec spec;

  private final Services services;

  CompletionCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    picocli.CommandLine root = spec.root().commandLine();
    services
        .console()
        .out()
        .print(shell == Shell.bash ? CompletionScripts.bash(root) : CompletionScripts.zsh(root));
    services.console().out().flush();
    return ExitCodes.OK;
  }
}
