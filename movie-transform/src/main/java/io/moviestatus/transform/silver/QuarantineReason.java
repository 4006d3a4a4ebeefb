package io.moviestatus.transform.silver;

/** Why a bronze record was rejected; the quarantine table stores {@link #code()}. */
public enum QuarantineReason {
  /** The line is not a JSON envelope, or an export line not a JSON object (truncated, garbage). */
  MALFORMED_JSON("malformed_json"),
  /** The envelope's body is not the expected JSON document. */
  MALFORMED_BODY("malformed_body"),
  /** The envelope's snapshot_date is missing or not a valid yyyy-MM-dd date. */
  UNPARSEABLE_DATE("unparseable_date"),
  /** One element of the results / genres array is not a JSON object of the expected shape. */
  MALFORMED_RECORD("malformed_record"),
  /** The record has no id. */
  MISSING_ID("missing_id"),
  /** The id does not fit the contract's INT column or is not positive. */
  ID_OUT_OF_RANGE("id_out_of_range"),
  /** A genre without a name. */
  MISSING_NAME("missing_name"),
  /** popularity or vote_average is NaN or infinite. */
  NON_FINITE_NUMBER("non_finite_number"),
  /** vote_average outside [0, 10]. */
  VOTE_AVERAGE_OUT_OF_RANGE("vote_average_out_of_range"),
  /** vote_count below zero or beyond the INT range. */
  INVALID_VOTE_COUNT("invalid_vote_count"),
  /** popularity below zero. */
  NEGATIVE_POPULARITY("negative_popularity");

  private final String code;

  QuarantineReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
