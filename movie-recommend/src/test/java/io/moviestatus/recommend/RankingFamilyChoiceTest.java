package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ranking family is chosen by validation NDCG@k only. */
class RankingFamilyChoiceTest {

  private static final Training.RankingChoice IALS =
      new Training.RankingChoice(32, 0.2, 1.0, Confidence.CENTERED, 0.20);
  private static final Training.RatingChoice RATING = new Training.RatingChoice(20, 0.2, 0.85);

  @Test
  void easeIsChosenWhenItsValidationNdcgIsHigher() {
    Tuning tuning = Training.choose(IALS, new Training.EaseChoice(250, 0.4, 0.25, 0.22), RATING);

    assertThat(tuning.family()).isEqualTo(RankingFamily.EASE);
    assertThat(tuning.validationNdcg()).as("the chosen family's NDCG").isEqualTo(0.22);
    assertThat(tuning.ialsValidationNdcg()).isEqualTo(0.20);
    assertThat(tuning.easeLambda()).isEqualTo(250);
    assertThat(tuning.easeTaste()).isEqualTo(0.4);
    assertThat(tuning.easeIalsWeight()).as("the blend's weight of implicit ALS").isEqualTo(0.25);
    assertThat(tuning.rankingRank()).as("the best iALS parameters are kept").isEqualTo(32);
  }

  @Test
  void implicitAlsIsKeptWhenEaseIsNotBetterOnValidation() {
    Tuning tie = Training.choose(IALS, new Training.EaseChoice(250, 0.4, 0, 0.20), RATING);

    assertThat(tie.family()).as("a tie keeps implicit ALS").isEqualTo(RankingFamily.IALS);
    assertThat(tie.validationNdcg()).isEqualTo(0.20);
    assertThat(tie.easeValidationNdcg()).isEqualTo(0.20);
  }

  @Test
  void implicitAlsRanksWhenEaseWasNotTriedAndEaseColumnsAreNaN() {
    Tuning tuning = Training.choose(IALS, null, RATING);

    assertThat(tuning.family()).isEqualTo(RankingFamily.IALS);
    assertThat(tuning.easeValidationNdcg()).isNaN();
    assertThat(tuning.easeLambda()).isNaN();
    assertThat(tuning.easeTaste()).isNaN();
    assertThat(tuning.easeIalsWeight()).isNaN();
  }
}
