/**
 * Internal to movie-status: classes public only because the silver, ratings and gold stages of
 * movie-transform use them. Not an API: they may change in any release. Other teams use {@link
 * io.moviestatus.lake} instead.
 *
 * <ul>
 *   <li>{@link io.moviestatus.lake.internal.LakeFiles}: dated-file listing and one-pass line reads
 *       through the Hadoop FileSystem API;
 *   <li>{@link io.moviestatus.lake.internal.SideLane}: one side thread for writes that may overlap
 *       the main build;
 *   <li>{@link io.moviestatus.lake.internal.LargeBatch}: the session settings of a large batch, set
 *       for one build and restored.
 * </ul>
 */
package io.moviestatus.lake.internal;
