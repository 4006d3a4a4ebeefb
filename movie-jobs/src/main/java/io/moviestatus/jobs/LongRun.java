package io.moviestatus.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a launcher command that runs long enough for adaptive query execution to pay (and, in
 * {@code bin/movie-status}, C2): {@link MovieStatus} starts it on {@code LocalSpark.session()},
 * every other command on {@code LocalSpark.shortRunSession()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LongRun {}
