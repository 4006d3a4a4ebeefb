package io.moviestatus.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the launcher's command line in-process and captures its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return execute(MovieStatus.commandLine(), args);
  }

  /**
   * Runs one command object (e.g. with its environment replaced) as its own main would; {@code out}
   * holds what picocli and the job's reports ({@code System.out}) printed.
   */
  static Cli runCommand(Object command, String... args) {
    ByteArrayOutputStream reports = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    Cli result;
    try (PrintStream capture = new PrintStream(reports, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      result = execute(Jobs.commandLine(command), args);
    } finally {
      System.setOut(stdout);
    }
    return new Cli(
        result.exitCode(), result.out() + reports.toString(StandardCharsets.UTF_8), result.err());
  }

  private static Cli execute(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
