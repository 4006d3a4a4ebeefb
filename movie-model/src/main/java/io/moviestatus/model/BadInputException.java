package io.moviestatus.model;

/**
 * Input data the pipeline cannot take at all, beyond what the quarantine handles record by record:
 * for example a ratings file that is neither CSV nor JSON lines. The job runners exit with code 5.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
