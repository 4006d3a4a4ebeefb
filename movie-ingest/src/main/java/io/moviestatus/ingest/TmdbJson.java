package io.moviestatus.ingest;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/** Strict parsing of TMDB bodies: anything but one complete JSON value is an error. */
final class TmdbJson {

  /** Gson view of one genre. */
  record GenreResult(Long id, String name) {}

  /** TMDB's error body. */
  record ErrorBody(int statusCode, String statusMessage) {}

  static final Gson GSON =
      new GsonBuilder()
          .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
          .setStrictness(Strictness.STRICT)
          .disableHtmlEscaping()
          .create();

  private TmdbJson() {}

  /** Parses {@code body} as exactly one JSON object. */
  static JsonObject parseObject(String body) {
    JsonElement element;
    try (JsonReader reader = new JsonReader(new StringReader(body))) {
      reader.setStrictness(Strictness.STRICT);
      element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("trailing data after the JSON value");
      }
    } catch (IOException e) {
      throw new JsonParseException(e.getMessage(), e);
    }
    if (element == null || !element.isJsonObject()) {
      throw new JsonParseException(
          body.isEmpty() ? "empty body" : "expected a JSON object, got " + kind(element));
    }
    return element.getAsJsonObject();
  }

  /** TMDB's error body, when {@code body} is one. */
  static Optional<ErrorBody> errorBody(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonObject json = parseObject(body);
      JsonElement code = json.get("status_code");
      if (!isNumber(code)) {
        return Optional.empty();
      }
      JsonElement message = json.get("status_message");
      return Optional.of(
          new ErrorBody(
              code.getAsInt(),
              message != null && message.isJsonPrimitive() ? message.getAsString() : ""));
    } catch (JsonParseException | NumberFormatException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** {@code element} as {@code type}, or null when it is not an object of that shape. */
  static <T> T lenient(JsonElement element, Class<T> type) {
    if (element == null || !element.isJsonObject()) {
      return null;
    }
    try {
      return TmdbJson.GSON.fromJson(element, type);
    } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
      return null;
    }
  }

  static boolean isNumber(JsonElement element) {
    return element != null && element.isJsonPrimitive() && ((JsonPrimitive) element).isNumber();
  }

  private static String kind(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return "null";
    }
    if (element.isJsonArray()) {
      return "an array";
    }
    return "a " + (((JsonPrimitive) element).isString() ? "string" : "scalar");
  }
}
