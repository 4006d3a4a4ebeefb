package io.moviestatus.ingest;

import java.io.IOException;
import java.util.regex.Pattern;

/** Removes the credential from anything that may end up in a log line or an exception message. */
final class Redactor {

  static final String MASK = "***";
  private static final Pattern API_KEY_PARAM = Pattern.compile("(?i)(api_key=)[^&\\s#\"']*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',]+");

  private final String secret;

  Redactor(String secret) {
    this.secret = secret;
  }

  /** {@code text} without the secret, any {@code api_key=} value or any bearer token. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (secret != null && !secret.isEmpty()) {
      out = out.replace(secret, MASK);
    }
    out = API_KEY_PARAM.matcher(out).replaceAll("$1" + MASK);
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }

  /**
   * A cause safe to attach to an exception: {@code failure} itself when no message in its chain
   * holds the secret, else a copy of it whose message is redacted and whose chain is dropped.
   */
  Throwable safeCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(redact(message))) {
        IOException copy =
            new IOException(failure.getClass().getName() + ": " + redact(failure.getMessage()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure;
  }
}
