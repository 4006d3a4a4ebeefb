package io.moviestatus.lake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.moviestatus.lake.StageTimings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SideLaneTest {

  @Test
  void workRunsOnTheLaneWhileTheCallerGoesOn() throws InterruptedException {
    CountDownLatch callerWorked = new CountDownLatch(1);
    StageTimings timings = new StageTimings("test");
    try (SideLane lane = SideLane.start("test")) {
      SideLane.Task<String> side =
          lane.submit(
              "side write",
              () -> {
                try {
                  // finishes only once the caller has done its own work: they overlap
                  assertThat(callerWorked.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return Thread.currentThread().getName();
              });
      callerWorked.countDown();
      timings.mark("caller write");

      assertThat(side.join(timings)).as("the lane's thread").isEqualTo("test-side-lane");
    }
    assertThat(timings.stages())
        .extracting(StageTimings.Stage::name, StageTimings.Stage::beside)
        .containsExactly(
            tuple("caller write", false),
            tuple("wait for side write", false),
            tuple("side write", true));
  }

  @Test
  void workRunsInSubmissionOrderOneAtATime() {
    List<String> order = new CopyOnWriteArrayList<>();
    try (SideLane lane = SideLane.start("test")) {
      SideLane.Task<Integer> first =
          lane.submit(
              "first",
              () -> {
                order.add("first start");
                sleep(50);
                order.add("first end");
                return 1;
              });
      SideLane.Task<Integer> second =
          lane.submit(
              "second",
              () -> {
                order.add("second");
                return first.value() + 1; // an earlier piece's value is ready
              });

      assertThat(second.value()).isEqualTo(2);
    }
    assertThat(order).containsExactly("first start", "first end", "second");
  }

  @Test
  void aFailureIsRethrownAsThrownAndLaterWorkDoesNotRun() {
    List<String> ran = new CopyOnWriteArrayList<>();
    StageTimings timings = new StageTimings("test");
    try (SideLane lane = SideLane.start("test")) {
      SideLane.Task<Void> failing =
          lane.submit(
              "write dates_dim",
              () -> {
                throw new IllegalStateException("injected crash after dates_dim");
              });
      SideLane.Task<Void> later =
          lane.submit(
              "write quarantine",
              () -> {
                ran.add("quarantine");
                return null;
              });

      assertThatThrownBy(() -> failing.join(timings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("injected crash after dates_dim");
      assertThatThrownBy(later::value).hasMessage("injected crash after dates_dim");
    }
    assertThat(ran).as("work queued after the failure").isEmpty();
  }

  @Test
  void closeWaitsForTheRunningWorkAndDropsWhatHasNotStarted() throws InterruptedException {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch running = new CountDownLatch(1);
    SideLane.Task<Void> queued;
    try (SideLane lane = SideLane.start("test")) {
      lane.submit(
          "running",
          () -> {
            running.countDown();
            sleep(200);
            ran.add("running finished");
            return null;
          });
      queued =
          lane.submit(
              "queued",
              () -> {
                ran.add("queued");
                return null;
              });
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    } // the caller failed here, say: close without joining

    assertThat(ran).as("close returned after the running work").containsExactly("running finished");
    assertThatThrownBy(queued::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("queued did not run: the lane was closed");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
