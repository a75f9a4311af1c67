package dev.dsw.cli.completion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Generates the bash and zsh completion scripts from picocli's command model: every subcommand and
 * option, enum and candidate values, files for Path options, and, at TAB time, profile names from
 * ~/.aliyun/config.json and IDs, workspaces and GPU types from the cache 'dsw list' keeps. The
 * scripts read files with sed and never start a JVM, so a missing or stale cache costs nothing.
 */
public final class CompletionScripts {
  /** Options whose values come from the user's files at TAB time: option name → script function. */
  private static final List<String[]> DYNAMIC =
      List.of(
          new String[] {"--profile", "profiles"},
          new String[] {"--instance-id", "instance-ids"},
          new String[] {"--workspace", "workspaces"},
          new String[] {"--gpu-type", "gpu-types"},
          new String[] {"--view", "views"});

  /**
   * The completion cache of the command line being completed, named as {@code
   * Services.completionContext()} names it: "demo" and the region with --demo, else the --profile,
   * --region and --endpoint given (or their environment variables), so demo IDs are never offered
   * for a real profile, nor one region's or endpoint's IDs for another's.
   */
  private static final String BASH_CONTEXT =
      "_dsw_context() {\n"
          + "  local i w n"
          + " p=${ALIBABACLOUD_PROFILE:-${ALIBABA_CLOUD_PROFILE:-${ALICLOUD_PROFILE:-}}}"
          + " r=${ALIBABA_CLOUD_REGION_ID:-${ALIBABACLOUD_REGION_ID:-${ALICLOUD_REGION_ID:-${ALICLOUD_REGION:-}}}}"
          + " e='' d=''\n"
          + "  for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do\n"
          + "    w=${COMP_WORDS[i]}; n=${COMP_WORDS[i+1]:-}; [[ $n == = ]] &&"
          + " n=${COMP_WORDS[i+2]:-}\n"
          + "    case $w in\n"
          + "      --demo) d=demo ;;\n"
          + "      --profile) p=$n ;; --profile=*) p=${w#*=} ;;\n"
          + "      --region) r=$n ;; --region=*) r=${w#*=} ;;\n"
          + "      --endpoint) e=$n ;; --endpoint=*) e=${w#*=} ;;\n"
          + "    esac\n"
          + "  done\n"
          + "  local key=\"p-$p.r-$r.e-$e\"; [[ -n $d ]] && key=\"demo.r-$r\"\n"
          + "  printf '%s' \"${key//[^A-Za-z0-9._-]/_}\"\n"
          + "}\n";

  private static final String ZSH_CONTEXT =
      "_dsw_context() {\n"
          + "  local i w n"
          + " p=${ALIBABACLOUD_PROFILE:-${ALIBABA_CLOUD_PROFILE:-${ALICLOUD_PROFILE:-}}}"
          + " r=${ALIBABA_CLOUD_REGION_ID:-${ALIBABACLOUD_REGION_ID:-${ALICLOUD_REGION_ID:-${ALICLOUD_REGION:-}}}}"
          + " e='' d=''\n"
          // the whole line: _arguments has shifted $words past the options before the subcommand
          + "  local -a all; all=(${(z)BUFFER}); (( ${#all} )) || all=(\"${words[@]}\")\n"
          + "  for ((i = 2; i <= ${#all}; i++)); do\n"
          + "    w=${(Q)all[i]}; n=${(Q)all[i+1]:-}\n"
          + "    case $w in\n"
          + "      --demo) d=demo ;;\n"
          + "      --profile) p=$n ;; --profile=*) p=${w#*=} ;;\n"
          + "      --region) r=$n ;; --region=*) r=${w#*=} ;;\n"
          + "      --endpoint) e=$n ;; --endpoint=*) e=${w#*=} ;;\n"
          + "    esac\n"
          + "  done\n"
          + "  local key=\"p-$p.r-$r.e-$e\"; [[ -n $d ]] && key=\"demo.r-$r\"\n"
          + "  print -rn -- \"${key//[^A-Za-z0-9._-]/_}\"\n"
          + "}\n";

  /** Positional parameters whose values come from the cache: parameter label → script function. */
  private static final List<String[]> DYNAMIC_POSITIONAL =
      List.<String[]>of(new String[] {"<instance-id>", "instance-ids"});

  /**
   * String options that take comma lists without picocli splitting them (--region a,b is checked as
   * a whole).
   */
  private static final Set<String> COMMA_LISTS = Set.of("--region");

  /**
   * Prints the profile names of ~/.aliyun/config.json, one a line, whether the JSON is indented or
   * minified.
   */
  private static final String PROFILE_NAMES =
      // 2>/dev/null first: a missing file is reported by the '<' itself, before a later 2> applies
      "tr ',{' '\\n\\n' 2>/dev/null < \"$HOME/.aliyun/config.json\""
          + " | sed -n 's/^[[:space:]]*\"name\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p'";

  /**
   * Prints the view names: the built-in ones, then the names of the user's views file (NAME = FLAGS
   * lines; only names of letters, digits, '.', '_' and '-' are read).
   */
  private static final String VIEW_NAMES =
      "{ printf '%s\\n' mine gpu triage idle;"
          + " sed -n 's/^[[:space:]]*\\([A-Za-z0-9][A-Za-z0-9_.-]*\\)[[:space:]]*=.*/\\1/p'"
          + " 2>/dev/null < \"${XDG_CONFIG_HOME:-$HOME/.config}/dsw/views\"; }";

  private CompletionScripts() {}

  public static String bash(CommandLine root) {
    StringBuilder sb = new StringBuilder();
    Map<List<String>, String> shared = shared(root);
    bashHead(sb, shared);
    for (CommandLine c : all(root)) {
      for (String name : names(c)) {
        String parent = path(c.getParent());
        if (!parent.isEmpty()) {
          sb.append("      \"")
              .append(parent)
              .append(' ')
              .append(name)
              .append("\") path=\"")
              .append(path(c))
              .append("\" ;;\n");
        }
      }
    }
    sb.append("    esac\n")
        .append("  done\n")
        // --flag=value: bash splits at '=' (it is in COMP_WORDBREAKS), so the words are --flag, =
        // and the value, and readline replaces only the text after '='; other shells may pass
        // --flag=value whole
        .append("  if [[ $cur == --*=* ]]; then prev=${cur%%=*}; cur=${cur#*=};\n")
        .append("  elif [[ $cur == = && $prev == --* ]]; then cur=\"\";\n")
        .append(
            "  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]};"
                + " fi\n");
    // the options every command takes (the global ones) are answered once, whatever the path
    Set<String> global = common(root, o -> bashCase(o, shared));
    sb.append("  case \"$prev\" in\n");
    global.forEach(line -> sb.append("    ").append(line));
    sb.append("  esac\n").append("  case \"$path\" in\n");
    for (CommandLine c : all(root)) {
      bashCommand(sb, c, shared, global);
    }
    sb.append("  esac\n").append("}\n").append("complete -F _dsw dsw\n");
    return sb.toString();
  }

  /** The script's functions: the cache context, the dynamic lists and the literal-word matcher. */
  private static void bashHead(StringBuilder sb, Map<List<String>, String> shared) {
    sb.append("# bash completion for dsw. Generated by 'dsw completion bash'; do not edit.\n")
        .append(
            "# Install: source this file, or copy it to"
                + " ~/.local/share/bash-completion/completions/dsw\n\n")
        .append(BASH_CONTEXT)
        .append(
            "_dsw_cache_dir() { printf '%s'"
                + " \"${XDG_CACHE_HOME:-$HOME/.cache}/dsw/complete/$(_dsw_context)\"; }\n")
        .append("# What dsw list saw in the last 24 hours for this profile, region and endpoint\n")
        .append("_dsw_fresh() { [[ -n $(find \"$1\" -mmin -1440 2>/dev/null) ]] && cat \"$1\"; }\n")
        .append("_dsw_dynamic() {\n")
        .append("  case \"$1\" in\n")
        .append("    profiles) ")
        .append(PROFILE_NAMES)
        .append(" ;;\n")
        .append("    views) ")
        .append(VIEW_NAMES)
        .append(" ;;\n")
        .append("    workspaces) echo ALL; _dsw_fresh \"$(_dsw_cache_dir)/workspaces\" ;;\n")
        .append(lists(shared, v -> "printf '%s' $'" + String.join("\\n", v) + "'"))
        .append("    *) _dsw_fresh \"$(_dsw_cache_dir)/$1\" ;;\n")
        .append("  esac\n")
        .append("}\n")
        .append("# Offers the lines of $2 that start with $cur, as literal words: the lines are\n")
        .append("# compared as text and quoted with printf %q, never expanded (compgen -W would\n")
        .append(
            "# run $(...) in a cached value). Comma-list options complete after the last comma.\n")
        .append("_dsw_words() {\n")
        .append("  local cur=$1 list=$2 prefix=\"\" w\n")
        .append(
            "  if [[ $3 == comma && $cur == *,* ]]; then prefix=\"${cur%,*},\"; cur=\"${cur##*,}\";"
                + " fi\n")
        .append("  COMPREPLY=()\n")
        .append("  while IFS= read -r w; do\n")
        .append(
            "    [[ -n $w && $w == \"$cur\"* ]] && COMPREPLY+=(\"$prefix$(printf '%q' \"$w\")\")\n")
        .append("  done <<< \"$list\"\n")
        .append("}\n")
        .append("_dsw() {\n")
        .append(
            "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=dsw i w\n")
        .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n")
        .append("    w=${COMP_WORDS[i]}\n")
        .append("    case \"$path $w\" in\n");
  }

  /** The case that completes an option's value in bash; null for a flag or a hidden option. */
  private static String bashCase(OptionSpec o, Map<List<String>, String> shared) {
    if (o.arity().max() == 0 || o.hidden()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(String.join("|", o.names())).append(") ");
    String dyn = dynamic(o, shared);
    List<String> values = values(o);
    String comma = isCommaList(o) ? "comma" : "";
    if (dyn != null) {
      sb.append("_dsw_words \"$cur\" \"$(_dsw_dynamic ").append(dyn).append(")\" ").append(comma);
    } else if (isPath(o)) {
      sb.append("COMPREPLY=($(compgen -f -- \"$cur\"))");
    } else if (!values.isEmpty()) {
      // newline-separated, as the dynamic lists are, so values may hold spaces
      sb.append("_dsw_words \"$cur\" $'")
          .append(String.join("\\n", values))
          .append("' ")
          .append(comma);
    } else {
      sb.append("COMPREPLY=()");
    }
    return sb.append("; return ;;\n").toString();
  }

  /**
   * What every command that takes the root's options (the global ones; not picocli's help) writes
   * alike for one of them, in the root's order: written once in a script instead of per command.
   */
  private static Set<String> common(
      CommandLine root, java.util.function.Function<OptionSpec, String> write) {
    Set<String> rootNames = names(root.getCommandSpec().options());
    Set<String> common = null;
    for (CommandLine c : all(root)) {
      if (!names(c.getCommandSpec().options()).containsAll(rootNames)) {
        continue;
      }
      Set<String> mine = new LinkedHashSet<>();
      for (OptionSpec o : c.getCommandSpec().options()) {
        String text = write.apply(o);
        if (text != null) {
          mine.add(text);
        }
      }
      if (common == null) {
        common = mine;
      } else {
        common.retainAll(mine);
      }
    }
    return common == null ? Set.of() : common;
  }

  private static Set<String> names(List<OptionSpec> options) {
    Set<String> out = new java.util.HashSet<>();
    options.forEach(o -> out.addAll(List.of(o.names())));
    return out;
  }

  /** One command's branch: its options' values, then its words or its flags. */
  private static void bashCommand(
      StringBuilder sb, CommandLine c, Map<List<String>, String> shared, Set<String> global) {
    CommandSpec spec = c.getCommandSpec();
    sb.append("    \"").append(path(c)).append("\")\n");
    sb.append("      case \"$prev\" in\n");
    for (OptionSpec o : spec.options()) {
      String line = bashCase(o, shared);
      if (line != null && !global.contains(line)) {
        sb.append("        ").append(line);
      }
    }
    sb.append("      esac\n");
    // Words first (subcommands, positional values); flags when the word starts with '-' or there
    // are no words.
    List<String> words = new ArrayList<>();
    for (CommandLine sub : c.getSubcommands().values()) {
      words.add(sub.getCommandName());
    }
    for (picocli.CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      if (p.completionCandidates() != null) {
        p.completionCandidates().forEach(words::add);
      }
    }
    List<String> flags = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        flags.addAll(List.of(o.names()));
      }
    }
    String flagList = String.join(" ", flags);
    String wordList = String.join(" ", new LinkedHashSet<>(words));
    String positional = dynamicPositional(spec);
    if (positional != null) {
      sb.append("      if [[ $cur == -* ]]; then\n")
          .append("        COMPREPLY=($(compgen -W \"")
          .append(flagList)
          .append("\" -- \"$cur\"))\n")
          .append("      else\n")
          .append("        _dsw_words \"$cur\" \"$(_dsw_dynamic ")
          .append(positional)
          .append(")\" comma\n")
          .append("      fi ;;\n");
      return;
    }
    sb.append("      if [[ $cur == -* || -z \"")
        .append(wordList)
        .append("\" ]]; then\n")
        .append("        COMPREPLY=($(compgen -W \"")
        .append(flagList)
        .append("\" -- \"$cur\"))\n")
        .append("      else\n")
        .append("        COMPREPLY=($(compgen -W \"")
        .append(wordList)
        .append("\" -- \"$cur\"))\n")
        .append("      fi ;;\n");
  }

  public static String zsh(CommandLine root) {
    StringBuilder sb = new StringBuilder();
    Map<List<String>, String> shared = shared(root);
    zshHead(sb, shared);
    // the options every command takes (the global ones), written once and spliced into each
    Set<String> global = common(root, o -> o.hidden() ? null : zshOption(o, shared));
    sb.append("_dsw_globals=(\n");
    global.forEach(spec -> sb.append("  ").append(spec).append("\n"));
    sb.append(")\n\n");
    for (CommandLine c : all(root)) {
      zshCommand(sb, c, shared, global);
    }
    sb.append("_dsw \"$@\"\n");
    return sb.toString();
  }

  /** The script's functions: the cache context and the dynamic lists, handed to compadd. */
  private static void zshHead(StringBuilder sb, Map<List<String>, String> shared) {
    sb.append("#compdef dsw\n")
        .append("# zsh completion for dsw. Generated by 'dsw completion zsh'; do not edit.\n")
        .append(
            "# Install: put this file, named _dsw, in a directory on $fpath before compinit"
                + " runs.\n\n")
        .append(ZSH_CONTEXT)
        .append("_dsw_fresh() { [[ -n $(find \"$1\" -mmin -1440 2>/dev/null) ]] && cat \"$1\"; }\n")
        .append("_dsw_dynamic() {\n")
        .append(
            "  # _arguments passes compadd options (-J group ...) before our words; keep them for"
                + " compadd\n")
        .append("  local -a items copts\n")
        .append("  zparseopts -D -E -a copts J: V: X: x: 1 2 q Q o: M:\n")
        .append("  local dir=${XDG_CACHE_HOME:-$HOME/.cache}/dsw/complete/$(_dsw_context)\n")
        .append("  case $1 in\n")
        .append("    profiles) items=(${(f)\"$(")
        .append(PROFILE_NAMES)
        .append(")\"}) ;;\n")
        .append("    views) items=(${(f)\"$(")
        .append(VIEW_NAMES)
        .append(")\"}) ;;\n")
        .append("    workspaces) items=(ALL ${(f)\"$(_dsw_fresh $dir/workspaces)\"}) ;;\n")
        .append(lists(shared, v -> "items=(" + String.join(" ", v) + ")"))
        .append("    *) items=(${(f)\"$(_dsw_fresh $dir/$1)\"}) ;;\n")
        .append("  esac\n")
        .append(
            "  # compadd takes the words as they are (never _values, which parses its words as"
                + " specs)\n")
        .append("  [[ $2 == comma ]] && compset -P '*,'\n")
        .append("  compadd \"${copts[@]}\" -a items\n")
        .append("}\n\n");
  }

  /** One command's function: its options, then its subcommands or its positional values. */
  private static void zshCommand(
      StringBuilder sb, CommandLine c, Map<List<String>, String> shared, Set<String> global) {
    String fn = function(c);
    sb.append(fn).append("() {\n");
    sb.append("  local curcontext=$curcontext state line\n");
    sb.append("  typeset -A opt_args\n");
    sb.append("  _arguments -C -s \"${_dsw_globals[@]}\" \\\n");
    for (OptionSpec o : c.getCommandSpec().options()) {
      String spec = o.hidden() ? null : zshOption(o, shared);
      if (spec != null && !global.contains(spec)) {
        sb.append("    ").append(spec).append(" \\\n");
      }
    }
    if (!c.getSubcommands().isEmpty()) {
      sb.append("    '1: :->command' \\\n    '*:: :->args'\n");
      sb.append("  case $state in\n");
      sb.append("    command)\n      local -a commands\n      commands=(\n");
      Set<CommandLine> seen = new LinkedHashSet<>(c.getSubcommands().values());
      for (CommandLine sub : seen) {
        sb.append("        '")
            .append(sub.getCommandName())
            .append(':')
            .append(zshText(description(sub.getCommandSpec())))
            .append("'\n");
      }
      sb.append("      )\n      _describe -t commands 'dsw command' commands ;;\n");
      sb.append("    args)\n      case $line[1] in\n");
      for (CommandLine sub : seen) {
        sb.append("        ")
            .append(String.join("|", names(sub)))
            .append(") ")
            .append(function(sub))
            .append(" ;;\n");
      }
      sb.append("      esac ;;\n  esac\n");
    } else {
      int index = 1;
      String positional = dynamicPositional(c.getCommandSpec());
      if (positional != null) {
        sb.append("    '*:")
            .append(positional)
            .append(":_dsw_dynamic ")
            .append(positional)
            .append("'\n}\n\n");
        return;
      }
      for (picocli.CommandLine.Model.PositionalParamSpec p :
          c.getCommandSpec().positionalParameters()) {
        List<String> values = new ArrayList<>();
        if (p.completionCandidates() != null) {
          p.completionCandidates().forEach(values::add);
        }
        sb.append("    '")
            .append(index++)
            .append(":")
            .append(p.paramLabel().replaceAll("[<>]", ""))
            .append(":")
            .append(values.isEmpty() ? "_default" : "(" + String.join(" ", values) + ")")
            .append("' \\\n");
      }
      sb.append("    '*: :_default'\n");
    }
    sb.append("}\n\n");
  }

  private static String zshOption(OptionSpec o, Map<List<String>, String> shared) {
    String desc = zshText(o.description().length == 0 ? "" : o.description()[0]);
    StringBuilder sb = new StringBuilder();
    String[] names = o.names();
    if (o.usageHelp() || o.versionHelp()) {
      sb.append("'(- *)'");
    } else if (names.length > 1) {
      sb.append("'(").append(String.join(" ", names)).append(")'");
    }
    sb.append(names.length > 1 ? "{" + String.join(",", names) + "}" : "");
    String body;
    if (o.arity().max() == 0) {
      body = "[" + desc + "]";
    } else {
      String label = o.paramLabel().replaceAll("[<>]", "").replace(':', '-');
      String action;
      String dyn = dynamic(o, shared);
      List<String> values = values(o);
      boolean comma = isCommaList(o);
      if (dyn != null) {
        action = "_dsw_dynamic " + dyn + (comma ? " comma" : "");
      } else if (isPath(o)) {
        action = "_files";
      } else if (!values.isEmpty()) {
        action =
            comma
                ? "_values -s , " + label + " " + String.join(" ", values)
                : "(" + String.join(" ", values) + ")";
      } else {
        action = " ";
      }
      body = "=[" + desc + "]:" + label + ":" + action;
    }
    boolean repeatable = o.isMultiValue();
    String prefix = repeatable ? "*" : "";
    if (names.length > 1) {
      return sb + "'" + prefix + body + "'";
    }
    return "'" + prefix + names[0] + body + "'";
  }

  private static String zshText(String s) {
    String t =
        s.replaceAll("\\$\\{[A-Z-]+}", "")
            .replace("%n", " ")
            .replaceAll("[\\[\\]]", "")
            .replace(":", "\\:")
            .replace("'", "'\\''")
            .replaceAll("\\s+", " ")
            .replaceAll("[ .:]+$", "")
            .trim();
    int cut = t.indexOf(". ");
    return cut > 0 ? t.substring(0, cut) : t;
  }

  private static String description(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  private static String dynamic(OptionSpec o, Map<List<String>, String> shared) {
    for (String[] d : DYNAMIC) {
      if (o.longestName().equals(d[0])) {
        return d[1];
      }
    }
    return shared.get(values(o));
  }

  /**
   * The shared lists as cases of _dsw_dynamic, each written by {@code body} (bash:
   * newline-separated like the other cases; zsh: an array).
   */
  private static String lists(
      Map<List<String>, String> shared, java.util.function.Function<List<String>, String> body) {
    StringBuilder sb = new StringBuilder();
    shared.forEach(
        (values, name) ->
            sb.append("    ").append(name).append(") ").append(body.apply(values)).append(" ;;\n"));
    return sb.toString();
  }

  /** Value lists longer than this are written once, in _dsw_dynamic, not at every option. */
  private static final int SHARED_LIST = 20;

  /**
   * The long value lists (the columns --columns and --sort-column offer on every listing command),
   * each named after the first option that offers it, so a script holds each once.
   */
  private static Map<List<String>, String> shared(CommandLine root) {
    Map<List<String>, String> out = new java.util.LinkedHashMap<>();
    for (CommandLine c : all(root)) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        List<String> values = values(o);
        if (values.size() > SHARED_LIST && !o.hidden()) {
          out.putIfAbsent(values, o.longestName().replaceFirst("^-+", ""));
        }
      }
    }
    return out;
  }

  private static String dynamicPositional(CommandSpec spec) {
    for (picocli.CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      for (String[] d : DYNAMIC_POSITIONAL) {
        if (p.paramLabel().equals(d[0])) {
          return d[1];
        }
      }
    }
    return null;
  }

  private static boolean isCommaList(OptionSpec o) {
    return o.splitRegex().equals(",") || COMMA_LISTS.contains(o.longestName());
  }

  private static boolean isPath(OptionSpec o) {
    return Path.class.isAssignableFrom(o.type()) || java.io.File.class.isAssignableFrom(o.type());
  }

  private static List<String> values(OptionSpec o) {
    List<String> out = new ArrayList<>();
    if (o.completionCandidates() != null) {
      for (String v : o.completionCandidates()) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    Set<CommandLine> seen = new LinkedHashSet<>();
    collect(root, out, seen);
    return out;
  }

  private static void collect(CommandLine c, List<CommandLine> out, Set<CommandLine> seen) {
    if (!seen.add(c)) {
      return;
    }
    out.add(c);
    for (CommandLine sub : c.getSubcommands().values()) {
      collect(sub, out, seen);
    }
  }

  private static List<String> names(CommandLine c) {
    List<String> n = new ArrayList<>();
    n.add(c.getCommandName());
    n.addAll(List.of(c.getCommandSpec().aliases()));
    return n;
  }

  private static String path(CommandLine c) {
    return c == null ? "" : c.getCommandSpec().qualifiedName(" ");
  }

  private static String function(CommandLine c) {
    return "_" + path(c).replace(' ', '_').toLowerCase(Locale.ROOT);
  }
}
