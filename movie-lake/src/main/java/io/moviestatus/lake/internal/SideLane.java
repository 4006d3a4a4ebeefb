package io.moviestatus.lake.internal;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.StageTimings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One extra thread for a build's independent table writes: while the build's own thread plans and
 * commits one table, the lane commits another. A small write in a cold JVM is mostly
 * single-threaded driver work (Spark's planning, Delta's snapshot and commit), so two at once keep
 * both cores of a small machine busy.
 *
 * <p>Work runs in submission order, one piece at a time. Once a piece fails, the pieces submitted
 * after it do not run (they fail with the same error), and {@link #close} drops what has not
 * started and waits for what has: no write outlives the build that submitted it.
 *
 * <pre>{@code
 * try (SideLane lane = SideLane.start("silver")) {
 *   SideLane.Task<TableChange> dates = lane.submit("write dates_dim", () -> writer.insertDates(d));
 *   TableChange facts = writer.replaceStatusDays(f); // meanwhile, on this thread
 *   TableChange datesChange = dates.join(timings); // the lane's time is listed beside the laps
 * }
 * }</pre>
 */
public final class SideLane implements AutoCloseable {

  private final ExecutorService thread;
  private volatile RuntimeException failure;
  private volatile boolean closing;

  private SideLane(String build) {
    this.thread =
        Executors.newSingleThreadExecutor(
            work -> {
              Thread lane = new Thread(work, build + "-side-lane");
              lane.setDaemon(true);
              return lane;
            });
  }

  /** Starts a lane for one build; {@code build} names its thread. */
  public static SideLane start(String build) {
    return new SideLane(requireNonNull(build, "build is null"));
  }

  /** Queues {@code work} on the lane; {@code name} labels its time in the build's timings. */
  public <T> Task<T> submit(String name, Supplier<T> work) {
    requireNonNull(name, "name is null");
    requireNonNull(work, "work is null");
    Future<Timed<T>> future =
        thread.submit(
            () -> {
              if (failure != null) {
                throw failure; // an earlier piece failed: later ones would build on it
              }
              if (closing) {
                throw new IllegalStateException(name + " did not run: the lane was closed");
              }
              long start = System.nanoTime();
              try {
                T value = work.get();
                return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                failure = e;
                throw e;
              }
            });
    return new Task<>(name, future);
  }

  /**
   * Drops the pieces that have not started and waits for the running one, however long it takes (an
   * interrupt is kept for the caller).
   */
  @Override
  public void close() {
    closing = true; // pieces not started yet end at once; the running one is not interrupted
    thread.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record Timed<T>(T value, long millis) {}

  /** A piece of work on the lane. */
  public static final class Task<T> {
    private final String name;
    private final Future<Timed<T>> future;

    private Task(String name, Future<Timed<T>> future) {
      this.name = name;
      this.future = future;
    }

    /**
     * Waits for the work and returns its value, ending the caller's current lap as {@code wait for
     * <name>} and listing the work's own time beside it. Rethrows the work's failure as thrown.
     */
    public T join(StageTimings timings) {
      requireNonNull(timings, "timings is null");
      Timed<T> timed = await();
      timings.mark("wait for " + name);
      timings.beside(name, timed.millis());
      return timed.value();
    }

    /** Waits for the work and returns its value; rethrows its failure as thrown. */
    public T value() {
      return await().value();
    }

    private Timed<T> await() {
      try {
        return future.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(name + " failed: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
  }
}
