package io.moviestatus.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a launcher command that trains the recommender: {@link MovieStatus} starts it on {@code
 * LocalSpark.session()} (adaptive query execution, four shuffle partitions), every other command on
 * {@code LocalSpark.shortRunSession()}; {@code bin/movie-status} gives it C2 and the default
 * collector, measured faster for the recommender than C1 (docs/benchmarks.md).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LongRun {}
