package io.moviestatus.lake.archfixture;

import io.moviestatus.transform.silver.SilverBuild;

/**
 * A lake class that breaks the module rules on purpose: ArchitectureTest's proof that they fail.
 */
public final class LakeClassThatImportsTheSilverBuild {

  private LakeClassThatImportsTheSilverBuild() {}

  /** The forbidden use: movie-lake may not know the silver pipeline. */
  public static Class<?> pipeline() {
    return SilverBuild.class;
  }
}
