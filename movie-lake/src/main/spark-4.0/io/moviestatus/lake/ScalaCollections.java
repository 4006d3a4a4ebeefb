package io.moviestatus.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Java and Scala collections, one way across the two Spark lines: this is the Scala 2.13 copy
 * (Spark 4.0, {@code src/main/spark-4.0}, over {@code scala.jdk.javaapi.CollectionConverters});
 * {@code src/main/spark-3.5} has the same class over Scala 2.12's {@code JavaConverters}.
 */
public final class ScalaCollections {

  private ScalaCollections() {}

  /** A read-only Java view of a Scala sequence. */
  public static <T> List<T> asJava(scala.collection.Seq<T> values) {
    return CollectionConverters.asJava(values);
  }

  /** A read-only Java view of a Scala map. */
  public static <K, V> Map<K, V> asJava(scala.collection.Map<K, V> values) {
    return CollectionConverters.asJava(values);
  }

  /** An immutable Scala sequence of a copy of {@code values} (e.g. an array column of a Row). */
  public static <T> scala.collection.Seq<T> asScala(List<T> values) {
    return CollectionConverters.asScala(new ArrayList<>(values)).toList();
  }
}
