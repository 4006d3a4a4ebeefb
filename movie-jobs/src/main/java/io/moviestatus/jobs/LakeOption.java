package io.moviestatus.jobs;

import io.moviestatus.model.LakeLayout;
import picocli.CommandLine.Option;

/** The {@code --lake} option every job shares. */
final class LakeOption {

  @Option(
      names = "--lake",
      paramLabel = "PATH|URI",
      defaultValue = "./lake",
      description = "Lake root: a local folder, abfss://… or dbfs:/… (default: ${DEFAULT-VALUE}).")
  String lake;

  /** The lake; a local path without a scheme is made absolute (Delta wants absolute paths). */
  LakeLayout layout() {
    return LakeLayout.of(absolute(lake));
  }

  /** A URI as given; a local path without a scheme made absolute (Delta wants absolute paths). */
  static String absolute(String location) {
    boolean hasScheme =
        location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:\\\\.*");
    return hasScheme
        ? location
        : java.nio.file.Path.of(location).toAbsolutePath().normalize().toString();
  }
}
