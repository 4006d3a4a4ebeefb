package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OkHttp interceptors of the TMDB client: authentication and the redacted exchange log. */
final class TmdbInterceptors {

  private static final Logger LOG = LoggerFactory.getLogger(TmdbInterceptors.class);

  private final TmdbCredential credential;
  private final Redactor redactor;
  private final TmdbErrors errors;

  TmdbInterceptors(TmdbCredential credential, Redactor redactor, TmdbErrors errors) {
    this.credential = requireNonNull(credential, "credential is null");
    this.redactor = requireNonNull(redactor, "redactor is null");
    this.errors = requireNonNull(errors, "errors is null");
  }

  /** Adds the credential: a bearer header, or the {@code api_key} query parameter. */
  Response authenticate(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder authenticated = request.newBuilder();
    if (credential.kind() == TmdbCredential.Kind.BEARER) {
      authenticated.header("Authorization", "Bearer " + credential.secret());
    } else {
      authenticated.url(
          request.url().newBuilder().setQueryParameter("api_key", credential.secret()).build());
    }
    return chain.proceed(authenticated.build());
  }

  /** Logs each exchange with its URL redacted; headers (Authorization) are never logged. */
  Response logExchange(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> HTTP {} ({} ms)",
            request.method(),
            redactor.redact(request.url().toString()),
            response.code(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (IOException e) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} failed after {} ms: {}",
            request.method(),
            redactor.redact(request.url().toString()),
            (System.nanoTime() - start) / 1_000_000,
            errors.describe(e));
      }
      throw e;
    }
  }
}
