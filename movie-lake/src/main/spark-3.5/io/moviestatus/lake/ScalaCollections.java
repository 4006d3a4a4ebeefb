package io.moviestatus.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java and Scala collections, one way across the two Spark lines: this is the Scala 2.12 copy
 * (Spark 3.5, {@code src/main/spark-3.5}); Scala 2.13 deprecates {@code JavaConverters}, so
 * {@code src/main/spark-4.0} has the same class over {@code scala.jdk.javaapi.CollectionConverters}.
 */
public final class ScalaCollections {

  private ScalaCollections() {}

  /** A read-only Java view of a Scala sequence. */
  public static <T> List<T> asJava(scala.collection.Seq<T> values) {
    return scala.collection.JavaConverters.seqAsJavaList(values);
  }

  /** A read-only Java view of a Scala map. */
  public static <K, V> Map<K, V> asJava(scala.collection.Map<K, V> values) {
    return scala.collection.JavaConverters.mapAsJavaMap(values);
  }

  /** An immutable Scala sequence of a copy of {@code values} (e.g. an array column of a Row). */
  public static <T> scala.collection.Seq<T> asScala(List<T> values) {
    return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(values)).toList();
  }
}
