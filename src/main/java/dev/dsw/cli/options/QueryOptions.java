package dev.dsw.cli.options;

import dev.dsw.output.Query;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** --query (JMESPath, as aws and aliyun take it) and --jq (as gh takes it), on the JSON output. */
public final class QueryOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--query",
      paramLabel = "<jmespath>",
      description =
          "JMESPath on the JSON output (the API's field names, as -o json prints them), e.g. "
              + "'[].InstanceId' or \"[?Status=='Running'].InstanceName\".")
  String jmespath;

  @Option(
      names = "--jq",
      paramLabel = "<expr>",
      description =
          "jq filter on the JSON output, e.g. '.[] | select(.Status == \"Running\") |"
              + " .InstanceId'.")
  String jq;

  /**
   * The expression given, compiled; null for none. A syntax error is exit 2 and nothing is sent.
   */
  public Query query() {
    if (jmespath != null && jq != null) {
      throw new ParameterException(spec.commandLine(), "--query and --jq cannot be combined");
    }
    try {
      return jmespath != null ? Query.jmespath(jmespath) : jq != null ? Query.jq(jq) : null;
    } catch (Query.SyntaxException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
