package io.moviestatus.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the launcher's command line in-process and captures its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    CommandLine cli = MovieStatus.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
